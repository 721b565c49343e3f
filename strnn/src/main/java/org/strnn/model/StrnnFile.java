package org.strnn.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.strnn.autograd.Tensor;
import org.strnn.formats.FormatException;
import org.strnn.formats.Json;
import org.strnn.nn.io.LoadedModel;

/**
 * An STRNN model file (spec section 8): a NumPy {@code .npz} with one float64 array per parameter
 * (vectors 1-D), plus a {@code config.json} member:
 *
 * <pre>
 *   {"format": "strnn-model", "format_version": 1,
 *    "model": {...see ConfigJson...},
 *    "classes": [class names],
 *    "input_scaling": {"mean": [n*d], "scale": [n*d]},   (absent: no scaling)
 *    "training": {...settings and history, free-form...},
 *    "provenance": {"library": ..., "created": ..., "seed": ..., "data": ...}}
 * </pre>
 *
 * <p>A checkpoint may also hold the optimiser's state as arrays named {@code optimizer/<kind>/<param>}.
 * Writing is atomic, and refuses to replace an existing file unless asked to.
 */
public final class StrnnFile {

    public static final String FORMAT = "strnn-model";
    public static final long FORMAT_VERSION = 1;
    public static final String CONFIG_MEMBER = org.strnn.nn.io.ModelFile.CONFIG_MEMBER;
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

    private StrnnFile() {
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
        Map<String, Tensor> arrays = new LinkedHashMap<>(model.namedParameters());
        for (Map.Entry<String, double[]> e : optimizerState.entrySet()) {
            double[] v = e.getValue();
            arrays.put(OPTIMIZER_PREFIX + e.getKey(), Tensor.constant(1, v.length, v));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("format", FORMAT);
        config.put("format_version", FORMAT_VERSION);
        config.put("model", ConfigJson.toJson(model.config()));
        config.put("classes", List.copyOf(classNames));
        InputScaling scaling = model.inputScaling();
        if (!scaling.isIdentity()) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("mean", toList(scaling.mean()));
            in.put("scale", toList(scaling.scale()));
            config.put("input_scaling", in);
        }
        config.put("training", training);
        config.put("provenance", provenance);
        org.strnn.nn.io.ModelFile.save(path, arrays, Json.writePretty(config), overwrite);
    }

    /** Reads a model file, checking the format, the configuration, and every parameter's name and shape. */
    public static Contents load(Path path) {
        LoadedModel file = org.strnn.nn.io.ModelFile.load(path);
        Map<String, Object> config = file.config();
        if (!FORMAT.equals(config.get("format"))) {
            throw new FormatException(path, CONFIG_MEMBER + " does not say \"format\": \"" + FORMAT + "\"");
        }
        if (!Long.valueOf(FORMAT_VERSION).equals(config.get("format_version"))) {
            throw new FormatException(path, "format_version " + config.get("format_version")
                    + " is not supported (this is version " + FORMAT_VERSION + ")");
        }
        if (!(config.get("model") instanceof Map<?, ?> modelJson)) {
            throw new FormatException(path, CONFIG_MEMBER + " has no \"model\" object");
        }
        StrnnConfig cfg;
        try {
            cfg = ConfigJson.fromJson(castMap(modelJson), CONFIG_MEMBER);
        } catch (IllegalArgumentException e) {
            throw new FormatException(path, e.getMessage(), e);
        }
        List<String> classes = classNames(path, config.get("classes"), cfg.classes());
        StrnnModel model = new StrnnModel(cfg, new SplittableRandom(0));
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, double[]> optimizer = new LinkedHashMap<>();
        for (String name : file.names()) {
            double[] v = file.values().get(name);
            if (name.startsWith(OPTIMIZER_PREFIX)) {
                optimizer.put(name.substring(OPTIMIZER_PREFIX.length()), v);
                continue;
            }
            for (double x : v) {
                if (!Double.isFinite(x)) {
                    throw new FormatException(path, "parameter " + name + " holds " + x);
                }
            }
            values.put(name, v);
            shapes.put(name, file.shapes().get(name));
        }
        if (config.get("input_scaling") != null) {
            model.setInputScaling(scaling(path, config.get("input_scaling"), cfg.dims().sliceSize()));
        }
        try {
            model.loadState(values, shapes);
        } catch (IllegalArgumentException e) {
            throw new FormatException(path, "its parameters do not match its configuration "
                    + cfg.describe() + ": " + e.getMessage(), e);
        }
        return new Contents(model, classes, objectOrEmpty(config.get("training")),
                objectOrEmpty(config.get("provenance")), optimizer);
    }

    private static List<Object> toList(double[] xs) {
        List<Object> out = new ArrayList<>(xs.length);
        for (double x : xs) {
            out.add(x);
        }
        return out;
    }

    private static InputScaling scaling(Path path, Object json, int channels) {
        if (json instanceof Map<?, ?> m && m.get("mean") instanceof List<?> mean && m.get("scale") instanceof List<?> sc
                && mean.size() == channels && sc.size() == channels) {
            double[] mu = new double[channels];
            double[] s = new double[channels];
            for (int k = 0; k < channels; k++) {
                if (!(mean.get(k) instanceof Number a) || !(sc.get(k) instanceof Number b)) {
                    throw new FormatException(path, "input_scaling holds a value that is not a number");
                }
                mu[k] = a.doubleValue();
                s[k] = b.doubleValue();
            }
            try {
                return new InputScaling(mu, s);
            } catch (IllegalArgumentException e) {
                throw new FormatException(path, e.getMessage(), e);
            }
        }
        throw new FormatException(path, "input_scaling must hold \"mean\" and \"scale\" lists of n*d = " + channels
                + " numbers");
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
            throw new FormatException(path, "\"classes\" must list " + classes + " class names, got " + json);
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
