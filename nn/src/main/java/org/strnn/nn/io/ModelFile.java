package org.strnn.nn.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strnn.autograd.Tensor;
import org.strnn.formats.FormatException;
import org.strnn.formats.Json;
import org.strnn.formats.JsonException;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;
import org.strnn.nn.Module;

/**
 * A saved model: a NumPy {@code .npz} archive with one little-endian float64 {@code .npy} member
 * per parameter, named by the parameter's full name, in C order, with shape {@code (n,)} for a
 * {@code 1 x n} parameter (vectors are 1-D) and {@code (rows, cols)} otherwise; then a
 * {@code config.json} member, a UTF-8 JSON object with the hyper-parameters and provenance (see
 * {@link Provenance}). In Python: {@code z = numpy.load(path); z['W']; json.loads(z['config.json'])}.
 *
 * <p>{@code config.json} is required: a model without its configuration and provenance cannot be
 * rebuilt or trusted. Loading reads and checks the whole file before returning, and rejects
 * non-float64 or rank-0/rank-3+ parameters and any member that is neither.
 */
public final class ModelFile {

    /** The name of the configuration member. */
    public static final String CONFIG_MEMBER = "config.json";

    private ModelFile() {
    }

    /** Saves {@code module}'s parameters; see {@link #save(Path, Map, String, boolean)}. */
    public static void save(Path path, Module module, String configJson, boolean overwrite) {
        save(path, module.namedParameters(), configJson, overwrite);
    }

    /**
     * Saves parameters and configuration atomically (a crash leaves the old file or the new one).
     *
     * @param configJson must be a JSON object; it is checked before anything is written
     * @param overwrite replace an existing file; if false an existing file is an error
     * @throws FormatException if the file exists (and not {@code overwrite}), the configuration
     *     is not a JSON object, or writing fails
     */
    public static void save(Path path, Map<String, Tensor> params, String configJson, boolean overwrite) {
        try {
            Json.parseObject(configJson);
        } catch (JsonException e) {
            throw new FormatException(path, "the configuration to save is not a JSON object: " + e.getMessage(), e);
        }
        List<NpyArray> arrays = new ArrayList<>(params.size());
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            if (e.getKey().equals(CONFIG_MEMBER) || e.getKey().isEmpty()) {
                throw new FormatException(path, "a parameter cannot be named '" + e.getKey() + "'");
            }
            arrays.add(array(e.getKey(), e.getValue()));
        }
        Npz.write(path, arrays, Map.of(CONFIG_MEMBER, configJson.getBytes(StandardCharsets.UTF_8)), overwrite);
    }

    /** Reads and checks a whole model file. */
    public static LoadedModel load(Path path) {
        Npz.Contents c = Npz.read(path);
        byte[] config = null;
        for (Map.Entry<String, byte[]> e : c.otherMembers().entrySet()) {
            if (!e.getKey().equals(CONFIG_MEMBER)) {
                throw new FormatException(path, "unexpected member '" + e.getKey() + "' (a model file holds .npy "
                        + "parameters and " + CONFIG_MEMBER + ")");
            }
            config = e.getValue();
        }
        if (config == null) {
            throw new FormatException(path, "no " + CONFIG_MEMBER + " member; not a model file of this library");
        }
        String configJson;
        try {
            configJson = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(config)).toString();
            Json.parseObject(configJson);
        } catch (CharacterCodingException e) {
            throw new FormatException(path, CONFIG_MEMBER + " is not UTF-8 text", e);
        } catch (JsonException e) {
            throw new FormatException(path, CONFIG_MEMBER + ": " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (NpyArray a : c.arrays()) {
            if (a.dtype() != NpyArray.DType.FLOAT64) {
                throw new FormatException(path, "parameter " + a.name() + " is " + a.dtype().descr()
                        + "; model parameters are float64 '<f8'");
            }
            if (a.rank() != 1 && a.rank() != 2) {
                throw new FormatException(path, "parameter " + a.name() + " has shape "
                        + NpyArray.shapeString(a.shape()) + "; model parameters are 1-D or 2-D");
            }
            names.add(a.name());
            shapes.put(a.name(), a.shape());
            values.put(a.name(), a.toDoubles());
        }
        return new LoadedModel(path, Collections.unmodifiableList(names), Collections.unmodifiableMap(shapes),
                Collections.unmodifiableMap(values), configJson);
    }

    /** Reads a model file and copies its parameters into {@code module} (all or nothing). */
    public static LoadedModel load(Path path, Module module) {
        LoadedModel m = load(path);
        m.loadInto(module);
        return m;
    }

    /**
     * A tensor's value as float64: shape {@code (cols,)} for a {@code 1 x n} tensor (a vector), else
     * {@code (rows, cols)}. This is how model files store parameters.
     */
    public static NpyArray array(String name, Tensor t) {
        int[] shape = t.rows() == 1 ? new int[] {t.cols()} : new int[] {t.rows(), t.cols()};
        return NpyArray.ofDoubles(name, shape, t.data());
    }
}
