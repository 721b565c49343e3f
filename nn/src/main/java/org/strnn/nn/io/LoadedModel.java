package org.strnn.nn.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.strnn.formats.FormatException;
import org.strnn.formats.Json;
import org.strnn.nn.Module;

/**
 * The contents of a model file, fully read and checked.
 *
 * @param source the file it came from
 * @param names the parameter names in file order
 * @param shapes each parameter's shape: {@code {n}} for a vector, {@code {rows, cols}} for a matrix
 * @param values each parameter's values in C order (fresh arrays, owned by the caller)
 * @param configJson the text of {@code config.json}, a JSON object
 */
public record LoadedModel(Path source, List<String> names, Map<String, int[]> shapes, Map<String, double[]> values,
                          String configJson) {

    /** {@code config.json} parsed (see {@link Json} for the types). */
    public Map<String, Object> config() {
        return Json.parseObject(configJson);
    }

    /**
     * Copies the parameters into {@code module}, all or nothing.
     *
     * @throws FormatException naming this file and every missing, unexpected or mis-shaped
     *     parameter; the module is then unchanged
     */
    public void loadInto(Module module) {
        try {
            module.loadState(values, shapes);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, e.getMessage(), e);
        }
    }
}
