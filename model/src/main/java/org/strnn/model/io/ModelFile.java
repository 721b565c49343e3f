package org.strnn.model.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.strnn.autograd.Tensor;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;
import org.strnn.nn.io.Json;
import org.strnn.nn.io.JsonException;
import org.strnn.nn.io.ModelFileException;
import org.strnn.nn.io.NpyArray;
import org.strnn.nn.io.Npz;

/**
 * An STRNN model file (spec section 8): a NumPy {@code .npz} with one float64 array per parameter
 * (vectors 1-D), plus a {@code config.json} member:
 *
 * <pre>
 *   {"format": "strnn-model", "format_version": 1,
 *    "model": {...see ConfigJson...},
 *    "classes": [class names],
 *    "training": {...settings and history, free-form...},
 *    "provenance": {"library": ..., "created": ..., "seed": ..., "data": ...}}
 * </pre>
 *
 * <p>A checkpoint may also hold the optimiser's state as arrays named {@code optimizer/<kind>/<param>}.
 * Writing is atomic, and refuses to replace an existing file unless asked to.
 */
public final class ModelFile {

    public static final String FORMAT = "strnn-model";
    public static final long FORMAT_VERSION = 1;
    public static final String CONFIG_MEMBER = "config.json";
    /** Prefix of optimiser-state arrays in a checkpoint. */
    public static final String OPTIMIZER_PREFIX = "optimizer/";

    /**
     * What a model file holds.
     *
     * @param model          the model, with the saved parameters
     * @param classNames     one name per class
     * @param training       the {@code training} object (empty if absent)
     * @param provenance     the {@code provenance} object (empty if absent)
     * @param optimizerState arrays saved under {@link #OPTIMIZER_PREFIX}, by name without the prefix
     */
    public record Contents(StrnnModel model, List<String> classNames, Map<String, Object> training,
                           Map<String, Object> provenance, Map<String, double[]> optimizerState) {
    }

    private ModelFile() {
    }

    /** Names that are saved as 1-D arrays. */
    static boolean isVector(String name) {
        return name.matches("b[0-3]|bf|bb|c");
    }

    /**
     * Saves {@code model}. {@code training} and {@code provenance} are free-form JSON objects;
     * {@code optimizerState} may be empty.
     */
    public static void save(Path path, StrnnModel model, List<String> classNames, Map<String, Object> training,
                            Map<String, Object> provenance, Map<String, double[]> optimizerState, boolean overwrite) {
        if (classNames.size() != model.config().classes()) {
            throw new IllegalArgumentException("the model has C=" + model.config().classes() + " classes but "
                    + classNames.size() + " class names were given");
        }
        List<NpyArray> arrays = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            arrays.add(array(e.getKey(), e.getValue().rows(), e.getValue().cols(), e.getValue().data()));
        }
        for (Map.Entry<String, double[]> e : optimizerState.entrySet()) {
            arrays.add(NpyArray.ofDoubles(OPTIMIZER_PREFIX + e.getKey(), new int[] {e.getValue().length},
                    e.getValue()));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("format", FORMAT);
        config.put("format_version", FORMAT_VERSION);
        config.put("model", ConfigJson.toJson(model.config()));
        config.put("classes", List.copyOf(classNames));
        config.put("training", training);
        config.put("provenance", provenance);
        byte[] json = Json.writePretty(config).getBytes(StandardCharsets.UTF_8);
        Npz.write(path, arrays, Map.of(CONFIG_MEMBER, json), overwrite);
    }

    /** A parameter-shaped array: 1-D for the spec's vectors (b0..b3, bf, bb, c), else rows x cols. */
    public static NpyArray array(String name, int rows, int cols, double[] data) {
        int[] shape = isVector(name) ? new int[] {cols} : new int[] {rows, cols};
        return NpyArray.ofDoubles(name, shape, data);
    }

    /** Reads a model file, checking the format, the configuration, and every parameter's name and shape. */
    public static Contents load(Path path) {
        Npz.Contents npz = Npz.read(path);
        byte[] raw = npz.otherMembers().get(CONFIG_MEMBER);
        if (raw == null) {
            throw new ModelFileException(path, "has no " + CONFIG_MEMBER + " member, so it is not an STRNN model file");
        }
        Map<String, Object> config;
        try {
            config = Json.parseObject(new String(raw, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new ModelFileException(path, CONFIG_MEMBER + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(config.get("format"))) {
            throw new ModelFileException(path, CONFIG_MEMBER + " does not say \"format\": \"" + FORMAT + "\"");
        }
        if (!Long.valueOf(FORMAT_VERSION).equals(config.get("format_version"))) {
            throw new ModelFileException(path, "format_version " + config.get("format_version")
                    + " is not supported (this is version " + FORMAT_VERSION + ")");
        }
        if (!(config.get("model") instanceof Map<?, ?> modelJson)) {
            throw new ModelFileException(path, CONFIG_MEMBER + " has no \"model\" object");
        }
        StrnnConfig cfg;
        try {
            cfg = ConfigJson.fromJson(castMap(modelJson), path + ": " + CONFIG_MEMBER);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, e.getMessage().replace(path + ": ", ""), e);
        }
        List<String> classes = classNames(path, config.get("classes"), cfg.classes());
        StrnnModel model = new StrnnModel(cfg, new SplittableRandom(0));
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, double[]> optimizer = new LinkedHashMap<>();
        for (NpyArray a : npz.arrays()) {
            if (a.name().startsWith(OPTIMIZER_PREFIX)) {
                optimizer.put(a.name().substring(OPTIMIZER_PREFIX.length()), a.toDoubles());
                continue;
            }
            values.put(a.name(), a.toDoubles());
            shapes.put(a.name(), a.shape());
        }
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            for (double v : e.getValue()) {
                if (!Double.isFinite(v)) {
                    throw new ModelFileException(path, "parameter " + e.getKey() + " holds " + v);
                }
            }
        }
        try {
            model.loadState(values, shapes);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, "its parameters do not match its configuration "
                    + cfg.describe() + ": " + e.getMessage(), e);
        }
        return new Contents(model, classes, objectOrEmpty(config.get("training")),
                objectOrEmpty(config.get("provenance")), optimizer);
    }

    private static List<String> classNames(Path path, Object json, int classes) {
        if (json == null) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < classes; i++) {
                out.add("class" + i);
            }
            return out;
        }
        if (!(json instanceof List<?> list) || list.size() != classes) {
            throw new ModelFileException(path, "\"classes\" must list " + classes + " class names, got " + json);
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static Map<String, Object> objectOrEmpty(Object o) {
        return o instanceof Map<?, ?> m ? castMap(m) : Map.of();
    }
}
