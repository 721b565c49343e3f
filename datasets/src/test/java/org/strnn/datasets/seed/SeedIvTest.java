package org.strnn.datasets.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.Split;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Fold;
import org.strnn.datasets.protocol.Protocol;
import org.strnn.datasets.protocol.Recording;
import org.strnn.datasets.protocol.Windowing;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Matrix;

/** SEED-IV's folder layout, labels and split, and the reader's refusals. */
class SeedIvTest {

    @TempDir
    Path tmp;

    private static final int[] WINDOWS = {12, 10, 11, 13, 10, 14, 12, 11, 15, 10, 12, 13, 11, 14, 10, 12, 10, 11, 13,
        10, 14, 12, 11, 15};

    @Test
    void labelsOfTheReadMeArePinned() {
        assertArrayEquals(new int[] {1, 2, 3, 0, 2, 0, 0, 1, 0, 1, 2, 1, 1, 1, 2, 3, 2, 2, 3, 3, 0, 3, 0, 3},
                SeedIv.labels(1));
        assertArrayEquals(new int[] {2, 1, 3, 0, 0, 2, 0, 2, 3, 3, 2, 3, 2, 0, 1, 1, 2, 1, 0, 3, 0, 1, 3, 1},
                SeedIv.labels(2));
        assertArrayEquals(new int[] {1, 2, 2, 1, 3, 3, 3, 1, 1, 2, 1, 0, 2, 3, 3, 0, 2, 3, 0, 0, 2, 0, 1, 0},
                SeedIv.labels(3));
        assertEquals(List.of("neutral", "sad", "fear", "happy"), SeedIv.CLASS_NAMES);
        for (int s = 1; s <= 3; s++) {
            int[] counts = new int[4];
            for (int y : SeedIv.labels(s)) {
                counts[y]++;
            }
            assertArrayEquals(new int[] {6, 6, 6, 6}, counts, "six trials per emotion in session " + s);
        }
    }

    @Test
    void readsTheFolderLayoutAndSplitsTrials1To16From17To24() {
        SeedIvSynthesizer.write(tmp, 2, 3, WINDOWS, new SplittableRandom(1));
        Corpus c = SeedIv.open(tmp, FeatureKind.DE_LDS, 3);
        assertEquals(6, c.units().size());
        assertEquals(List.of("01", "02"), c.subjects());
        Recording r = c.units().get(2).load().get();
        assertEquals("session3", r.session());
        assertEquals(24, r.trials().size());
        assertEquals(15, r.trials().get(23).windows());
        assertEquals(SeedIv.labels(3)[23], r.trials().get(23).label());
        List<Fold> folds = Protocol.PAPER.folds(c, new Windowing(9, 1, false), 0);
        assertEquals("s01-session1", folds.get(0).name());
        Split s = folds.get(0).split();
        int train = 0;
        int test = 0;
        for (int k = 0; k < 24; k++) {
            int n = WINDOWS[k] - 9 + 1;
            train += k < 16 ? n : 0;
            test += k < 16 ? 0 : n;
        }
        assertEquals(train, s.train().size());
        assertEquals(test, s.test().size());
        assertEquals(4, s.train().numClasses());
        assertEquals(2, Protocol.LOSO.folds(c, new Windowing(9, 1, false), 0).size());
        assertEquals(6, Protocol.CROSS_SESSION.folds(c, new Windowing(9, 1, false), 0).size());
    }

    private Path oneFile(java.util.function.Consumer<Map<String, Array>> edit) {
        Map<String, Array> vars = new LinkedHashMap<>();
        for (int k = 1; k <= 24; k++) {
            vars.put("de_LDS" + k, MatFixtures.cube(62, WINDOWS[k - 1], 5, (c, s, b) -> c + s + b));
        }
        edit.accept(vars);
        return MatFixtures.write(tmp.resolve("3_20180101.mat"), vars);
    }

    private String problem(Path file) {
        DatasetException e = assertThrows(DatasetException.class,
                () -> SeedIv.read(file, FeatureKind.DE_LDS, 1, "03"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void badFilesAreRefusedInOneLine() throws IOException {
        assertEquals(24, SeedIv.read(oneFile(v -> { }), FeatureKind.DE_LDS, 1, "03").trials().size());
        assertEquals("missing variable de_LDS24", problem(oneFile(v -> v.remove("de_LDS24"))));
        assertEquals("variable de_LDS5 has shape 32x10x5, expected 62 x n x 5 (channels x seconds x bands)",
                problem(oneFile(v -> v.put("de_LDS5", MatFixtures.cube(32, 10, 5, (c, s, b) -> 1)))));
        String nan = problem(oneFile(v -> ((Matrix) v.get("de_LDS7")).setDouble(0, Double.NaN)));
        assertTrue(nan.startsWith("variable de_LDS7 holds NaN at (1, 1, 1)"), nan);
        Path file = oneFile(v -> { });
        byte[] whole = Files.readAllBytes(file);
        for (int cut : new int[] {10, 200, whole.length / 2, whole.length - 1}) {
            Files.write(file, Arrays.copyOf(whole, cut));
            assertTrue(problem(file).contains("truncated"), "cut at " + cut);
        }
        DatasetException e = assertThrows(DatasetException.class,
                () -> SeedIv.open(tmp.resolve("nope"), FeatureKind.DE_LDS, 3));
        assertTrue(e.getMessage().endsWith("no such directory"));
        DatasetException empty = assertThrows(DatasetException.class, () -> SeedIv.open(tmp, FeatureKind.DE_LDS, 3));
        assertTrue(empty.getMessage().contains("not a SEED-IV eeg_feature_smooth folder"), empty.getMessage());
    }
}
