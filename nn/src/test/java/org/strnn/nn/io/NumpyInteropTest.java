package org.strnn.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.strnn.autograd.testing.ChildProcess.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.testing.ChildProcess.Finished;
import org.strnn.formats.Json;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;

/**
 * Our files against real NumPy, both ways, through {@code src/test/python/npz_check.py}: NumPy
 * loads a model file we wrote and reports every value exactly (as {@code float.hex}); and we read
 * {@code .npz} files that {@code numpy.savez} and {@code numpy.savez_compressed} wrote (zip64
 * members, Fortran order, int64/int32 labels, a 0-d array, NaN and infinities). Skipped, with a
 * message, where {@code python3} with NumPy is not installed (CI installs {@code python3-numpy});
 * {@code -Dstrnn.python=/path/to/python} chooses another interpreter.
 */
class NumpyInteropTest {

    @TempDir
    Path dir;

    private static String python;
    private static Path script;

    @BeforeAll
    static void findPythonWithNumpy() throws Exception {
        script = Path.of(System.getProperty("basedir", "."), "src", "test", "python", "npz_check.py");
        String forced = System.getProperty("strnn.python");
        String[] candidates = forced != null ? new String[] {forced} : new String[] {"/usr/bin/python3", "python3"};
        for (String candidate : candidates) {
            try {
                ProcessBuilder probe = new ProcessBuilder(candidate, "-c", "import numpy").redirectErrorStream(true);
                if (run(probe, Duration.ofSeconds(60)).exitCode() == 0) {
                    python = candidate;
                    return;
                }
            } catch (IOException notInstalled) {
                // try the next candidate
            }
        }
    }

    private void runPython(String... args) throws Exception {
        assumeTrue(python != null, "python3 with numpy not found (tried /usr/bin/python3 and python3 on PATH, or "
                + "-Dstrnn.python); "
                + "skipping the NumPy interoperability check; install python3-numpy to run it");
        assertTrue(Files.isRegularFile(script), "missing " + script);
        List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
        cmd.addAll(List.of(args));
        Finished result = run(new ProcessBuilder(cmd).redirectErrorStream(true), Duration.ofSeconds(120));
        assertEquals(0, result.exitCode(), "python failed:\n" + result.output());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    private static int[] shapeOf(Map<String, Object> d) {
        return ((List<?>) d.get("shape")).stream().mapToInt(x -> (int) (long) (Long) x).toArray();
    }

    private static double[] doublesOf(Map<String, Object> d) {
        return ((List<?>) d.get("values")).stream().mapToDouble(x -> Double.parseDouble(hexToJava((String) x))).toArray();
    }

    /** Python's {@code float.hex} ("0x1.8p+1", "inf", "nan", "-0x0.0p+0") in a form Double.parseDouble reads. */
    private static String hexToJava(String h) {
        return switch (h) {
            case "inf" -> "Infinity";
            case "-inf" -> "-Infinity";
            case "nan" -> "NaN";
            default -> h;
        };
    }

    private static long[] longsOf(Map<String, Object> d) {
        return ((List<?>) d.get("values")).stream().mapToLong(x -> (Long) x).toArray();
    }

    private static long[] bits(double[] d) {
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToLongBits(d[i]);
        }
        return b;
    }

    @Test
    void numpyLoadsOurModelFileExactly() throws Exception {
        Path model = dir.resolve("model.npz");
        ModelFileTest.Small m = new ModelFileTest.Small(11);
        m.namedParameters().get("bb").data()[1] = -0.0;
        m.namedParameters().get("bb").data()[2] = Double.MIN_VALUE;
        ModelFile.save(model, m, ModelFileTest.config(11), false);
        Path out = dir.resolve("seen.json");
        runPython("read", model.toString(), out.toString());

        Map<String, Object> seen = Json.parseObject(Files.readString(out));
        System.out.println("checked against numpy " + seen.get("numpy"));
        assertEquals(List.copyOf(m.namedParameters().keySet()), seen.get("order"));
        Map<String, Object> arrays = obj(seen.get("arrays"));
        for (var e : m.namedParameters().entrySet()) {
            Map<String, Object> d = obj(arrays.get(e.getKey()));
            assertEquals("<f8", d.get("dtype"), e.getKey());
            assertEquals(true, d.get("c_contiguous"), e.getKey());
            int[] expected = e.getValue().rows() == 1 ? new int[] {e.getValue().cols()}
                    : new int[] {e.getValue().rows(), e.getValue().cols()};
            assertArrayEquals(expected, shapeOf(d), e.getKey());
            assertArrayEquals(bits(e.getValue().data()), bits(doublesOf(d)), e.getKey());
        }
        assertEquals(Json.parseObject(ModelFileTest.config(11)), seen.get("config"));
    }

    @Test
    void weReadWhatNumpyWrites() throws Exception {
        runPython("write", dir.toString());
        Map<String, Object> expected = obj(Json.parseObject(Files.readString(dir.resolve("expected.json"))).get("arrays"));
        for (String file : new String[] {"savez.npz", "savez_compressed.npz"}) {
            Npz.Contents c = Npz.read(dir.resolve(file));
            assertEquals(expected.keySet().size(), c.arrays().size(), file);
            for (String name : expected.keySet()) {
                Map<String, Object> d = obj(expected.get(name));
                NpyArray a = c.array(name);
                assertEquals(d.get("dtype"), a.dtype().descr(), file + " " + name);
                assertArrayEquals(shapeOf(d), a.shape(), file + " " + name);
                if (a.dtype() == NpyArray.DType.FLOAT64) {
                    assertArrayEquals(bits(doublesOf(d)), bits(a.toDoubles()), file + " " + name);
                } else {
                    assertArrayEquals(longsOf(d), a.toLongs(), file + " " + name);
                }
            }
            assertArrayEquals(new int[] {0, 2, 1, -1}, c.array("y").toInts());
            assertArrayEquals(new int[] {1, 0, 2}, c.array("y32").toInts());
            assertArrayEquals(new int[] {2, 0, 1}, c.array("yf").toInts());
            assertArrayEquals(new int[] {2, 3, 4, 5}, c.array("X").shape());
        }
    }
}
