package org.strnn.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.types.Activation;
import org.strnn.formats.FormatException;
import org.strnn.formats.Json;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;
import org.strnn.nn.Bidirectional;
import org.strnn.nn.ElmanCell;
import org.strnn.nn.Inits;
import org.strnn.nn.Linear;
import org.strnn.nn.Module;
import org.strnn.nn.Version;

/** Saving and loading models: round trip, layout, config, mismatches, overwrite protection. */
class ModelFileTest {

    @TempDir
    Path dir;

    /** A small model with STRNN-style flat names: Rf, Vf, bf, Rb, Vb, bb, then out.W, out.b. */
    static final class Small extends Module {
        Small(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            register("", new Bidirectional(
                    new ElmanCell(3, 4, Activation.RELU, new ElmanCell.Names("Rf", "Vf", "bf"), Inits.xavierNormal(), rng),
                    new ElmanCell(3, 4, Activation.RELU, new ElmanCell.Names("Rb", "Vb", "bb"), Inits.xavierNormal(), rng)));
            register("out", new Linear(8, 3, true, rng));
        }
    }

    static String config(long seed) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("hidden", 4L);
        c.put("lr", 1e-3);
        c.put("provenance", Provenance.of(seed, "synthetic test data",
                Clock.fixed(Instant.parse("2026-11-25T10:15:30.5Z"), ZoneOffset.UTC)).toJson());
        return Json.writePretty(c);
    }

    @Test
    void saveThenLoadRestoresEveryParameterExactly() {
        Small a = new Small(1);
        // make the bias non-zero so the test sees it
        Arrays.fill(a.namedParameters().get("bf").data(), -0.25);
        Path p = dir.resolve("model.npz");
        ModelFile.save(p, a, config(1), false);
        Small b = new Small(2);
        LoadedModel m = ModelFile.load(p, b);
        assertEquals(List.of("Rf", "Vf", "bf", "Rb", "Vb", "bb", "out.W", "out.b"), m.names());
        assertArrayEquals(new int[] {4, 3}, m.shapes().get("Rf"));
        assertArrayEquals(new int[] {4}, m.shapes().get("bf")); // vectors are 1-D
        assertArrayEquals(new int[] {3, 8}, m.shapes().get("out.W"));
        for (String name : a.namedParameters().keySet()) {
            assertArrayEquals(a.namedParameters().get(name).data(), b.namedParameters().get(name).data(), 0.0, name);
        }
        assertEquals(config(1), m.configJson());
        @SuppressWarnings("unchecked")
        Map<String, Object> prov = (Map<String, Object>) m.config().get("provenance");
        assertEquals(new Provenance(1, Version.library(), "2026-11-25T10:15:30Z", "synthetic test data"),
                Provenance.fromJson(prov));
        assertTrue(Version.library().matches("\\d+\\.\\d+\\.\\d+.*"), Version.library());
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws Exception {
        Path p = dir.resolve("model.npz");
        ModelFile.save(p, new Small(1), config(1), false);
        byte[] first = Files.readAllBytes(p);
        var e = assertThrows(FormatException.class, () -> ModelFile.save(p, new Small(2), config(2), false));
        assertEquals(p + ": already exists; refusing to overwrite it (use --force to replace it)", e.getMessage());
        assertArrayEquals(first, Files.readAllBytes(p));
        ModelFile.save(p, new Small(2), config(2), true);
        assertFalse(Arrays.equals(first, Files.readAllBytes(p)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void mismatchedModelsAreNamedAndLeftUnchanged() {
        Path p = dir.resolve("model.npz");
        ModelFile.save(p, new Small(1), config(1), false);
        Module other = new Module() {
            {
                SplittableRandom rng = new SplittableRandom(3);
                register("", new ElmanCell(3, 5, Activation.RELU, new ElmanCell.Names("Rf", "Vf", "bf"), Inits.xavierNormal(), rng));
                register("out", new Linear(8, 3, true, rng));
                parameter("c", 1, 3, Inits.zeros(), rng);
            }
        };
        Map<String, double[]> before = other.copyValues();
        var e = assertThrows(FormatException.class, () -> ModelFile.load(p, other));
        String msg = e.getMessage();
        assertTrue(msg.startsWith(p + ": state does not match"), msg);
        assertTrue(msg.contains("missing [c]"), msg);
        assertTrue(msg.contains("unexpected [Rb, Vb, bb]"), msg);
        assertTrue(msg.contains("Rf is (4, 3) but the model's is 5x3"), msg);
        assertTrue(msg.contains("bf is (4,) but the model's is 1x5"), msg);
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), other.namedParameters().get(name).data(), 0.0, name);
        }
    }

    @Test
    void configMustBeAJsonObjectAndIsRequired() throws Exception {
        Path p = dir.resolve("m.npz");
        var e = assertThrows(FormatException.class, () -> ModelFile.save(p, new Small(1), "[1, 2]", false));
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
        assertTrue(Files.notExists(p));
        Npz.write(p, List.of(NpyArray.ofDoubles("w", new int[] {2}, new double[] {1, 2})), false);
        var noConfig = assertThrows(FormatException.class, () -> ModelFile.load(p));
        assertEquals(p + ": no config.json member; not a model file of this library", noConfig.getMessage());
        Npz.write(p, List.of(), Map.of("config.json", "{\"a\": }".getBytes(StandardCharsets.UTF_8)), true);
        var badConfig = assertThrows(FormatException.class, () -> ModelFile.load(p));
        assertTrue(badConfig.getMessage().contains("config.json: invalid JSON at line 1, column 7"), badConfig.getMessage());
    }

    @Test
    void parametersMustBeFloat64VectorsOrMatrices() {
        Path p = dir.resolve("m.npz");
        Map<String, byte[]> cfg = Map.of("config.json", "{}".getBytes(StandardCharsets.UTF_8));
        Npz.write(p, List.of(NpyArray.ofLongs("w", new int[] {2}, new long[] {1, 2})), cfg, false);
        assertTrue(assertThrows(FormatException.class, () -> ModelFile.load(p)).getMessage()
                .contains("parameter w is <i8; model parameters are float64 '<f8'"));
        Npz.write(p, List.of(NpyArray.ofDoubles("w", new int[] {1, 1, 2}, new double[2])), cfg, true);
        assertTrue(assertThrows(FormatException.class, () -> ModelFile.load(p)).getMessage()
                .contains("parameter w has shape (1, 1, 2); model parameters are 1-D or 2-D"));
        Npz.write(p, List.of(), Map.of("config.json", "{}".getBytes(StandardCharsets.UTF_8),
                "extra.bin", new byte[1]), true);
        assertTrue(assertThrows(FormatException.class, () -> ModelFile.load(p)).getMessage()
                .contains("unexpected member 'extra.bin'"));
        assertThrows(FormatException.class,
                () -> ModelFile.save(p, Map.of("config.json", Tensor.scalar(1)), "{}", true));
    }
}
