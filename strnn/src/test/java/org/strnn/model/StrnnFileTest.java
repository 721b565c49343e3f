package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Tensor;
import org.strnn.formats.FormatException;
import org.strnn.formats.Json;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;
import org.strnn.layout.Layouts;

class StrnnFileTest {

    @TempDir
    Path tmp;

    private static StrnnModel model() {
        StrnnConfig c = new StrnnConfig.Builder(Layouts.lattice(2, 3), 2, 4, 3).sizes(3, 2, 4, 2)
                .merge(Merge.CONCAT).build();
        StrnnModel m = new StrnnModel(c, new SplittableRandom(9));
        double[] mean = new double[12];
        double[] scale = new double[12];
        for (int k = 0; k < 12; k++) {
            mean[k] = 0.1 * k;
            scale[k] = 1 + 0.01 * k;
        }
        m.setInputScaling(new InputScaling(mean, scale));
        return m;
    }

    @Test
    void aSavedModelLoadsBackExactlyAndPredictsTheSame() {
        StrnnModel m = model();
        Path file = tmp.resolve("m.npz");
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("seed", 9L);
        StrnnFile.save(file, m, List.of("a", "b", "c"), Map.of(), provenance, Map.of("adam_steps", new double[] {3}),
                false);
        StrnnFile.Contents back = StrnnFile.load(file);
        assertEquals(m.config(), back.model().config());
        assertEquals(List.of("a", "b", "c"), back.classNames());
        assertEquals(m.inputScaling(), back.model().inputScaling());
        assertEquals(9L, back.provenance().get("seed"));
        assertArrayEquals(new double[] {3}, back.optimizerState().get("adam_steps"), 0.0);
        for (Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) {
            assertArrayEquals(e.getValue().data(), back.model().namedParameters().get(e.getKey()).data(), 0.0);
        }
        double[][][] sample = new double[4][6][2];
        SplittableRandom rng = new SplittableRandom(1);
        for (double[][] slice : sample) {
            for (double[] v : slice) {
                v[0] = rng.nextGaussian();
                v[1] = rng.nextGaussian();
            }
        }
        assertArrayEquals(StrnnClassifier.of(m).predict(sample), StrnnClassifier.load(file).predict(sample), 0.0);
        assertEquals(List.of("a", "b", "c"), StrnnClassifier.load(file).classNames());
        FormatException exists = assertThrows(FormatException.class,
                () -> StrnnFile.save(file, m, List.of("a", "b", "c"), Map.of(), Map.of(), Map.of(), false));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
    }

    @Test
    void parametersThatDoNotMatchTheConfigurationAreNamed() {
        StrnnModel m = model();
        Path file = tmp.resolve("m.npz");
        StrnnFile.save(file, m, List.of("a", "b", "c"), Map.of(), Map.of(), Map.of(), false);
        Npz.Contents c = Npz.read(file);
        Map<String, byte[]> other = c.otherMembers();
        List<NpyArray> arrays = new java.util.ArrayList<>();
        for (NpyArray a : c.arrays()) {
            if (a.name().equals("Vf")) {
                continue;
            }
            arrays.add(a.name().equals("U1") ? NpyArray.ofDoubles("U1", new int[] {2, 3}, new double[6]) : a);
        }
        Path broken = tmp.resolve("broken.npz");
        Npz.write(broken, arrays, other, false);
        FormatException e = assertThrows(FormatException.class, () -> StrnnFile.load(broken));
        assertTrue(e.getMessage().contains("missing [Vf]") && e.getMessage().contains("U1 is (2, 3)"), e.getMessage());

        Map<String, Object> config = Json.parseObject(new String(other.get("config.json"), StandardCharsets.UTF_8));
        config.put("format_version", 99L);
        Path future = tmp.resolve("future.npz");
        Npz.write(future, c.arrays(), Map.of("config.json", Json.write(config).getBytes(StandardCharsets.UTF_8)), false);
        FormatException v = assertThrows(FormatException.class, () -> StrnnFile.load(future));
        assertTrue(v.getMessage().contains("format_version 99"), v.getMessage());
    }
}
