package org.strnn.datasets.npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Fold;
import org.strnn.datasets.protocol.Protocol;
import org.strnn.datasets.protocol.Trial;
import org.strnn.datasets.protocol.Windowing;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;

/** The npz feature format of docs/features-npz.md: what loads, and what is refused with one line. */
class NpzFeaturesTest {

    @TempDir
    Path tmp;

    private static final String[] CHANNELS = {"Fp1", "Fp2", "Cz", "O1", "O2"};

    /** 4 trials of 5 windows, n = 5, d = 2; the value of (window w, channel c, feature f) is 100 w + 10 c + f. */
    private Map<String, NpyArray> windows() {
        int rows = 20;
        double[] x = new double[rows * 5 * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 * (i / 10) + 10 * ((i / 2) % 5) + i % 2;
        }
        long[] y = new long[rows];
        long[] trial = new long[rows];
        for (int w = 0; w < rows; w++) {
            trial[w] = w / 5;
            y[w] = (w / 5) % 2;
        }
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("x", NpyArray.ofDoubles("x", new int[] {rows, 5, 2}, x));
        m.put("y", NpyArray.ofLongs("y", new int[] {rows}, y));
        m.put("trial", NpyArray.ofLongs("trial", new int[] {rows}, trial));
        m.put("channels", NpyArray.ofStrings("channels", new int[] {5}, CHANNELS));
        m.put("classes", NpyArray.ofStrings("classes", new int[] {2}, new String[] {"calm", "tense"}));
        return m;
    }

    private Path write(Map<String, NpyArray> arrays) {
        Path f = tmp.resolve("f" + System.nanoTime() + ".npz");
        Npz.write(f, new ArrayList<>(arrays.values()), false);
        return f;
    }

    private String problem(Consumer<Map<String, NpyArray>> breakIt) {
        Map<String, NpyArray> m = windows();
        breakIt.accept(m);
        Path f = write(m);
        DatasetException e = assertThrows(DatasetException.class, () -> NpzFeatures.read(f, List.of(), null));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.getMessage().substring(f.toString().length() + 2);
    }

    @Test
    void windowsBecomeTrialsInOrder() {
        NpzFeatures.Loaded l = NpzFeatures.read(write(windows()), List.of(), null);
        Corpus c = l.corpus();
        assertEquals(List.of("calm", "tense"), c.classNames());
        assertEquals(5, c.layout().size());
        List<Trial> trials = c.units().get(0).load().get().trials();
        assertEquals(4, trials.size());
        assertEquals(1, trials.get(1).label());
        assertEquals(500.0 + 20 + 1, trials.get(1).values()[5], "trial 1 starts at window 5: (5, Cz, 1)");
        SampleSet s = new Windowing(3, 1, false).samples(trials, c.layout(), 2, c.classNames());
        assertEquals(4 * 3, s.size());
        assertEquals(700.0 + 40, s.get(4, 1, 4, 0), "sample 4 = trial 1 from window 6; slice 1 = window 7, O2");
    }

    @Test
    void dropRemovesAChannelsFeatures() {
        Corpus c = NpzFeatures.read(write(windows()), List.of("cz"), null).corpus();
        assertEquals(4, c.layout().size());
        assertArrayEquals(new double[] {0, 1, 10, 11, 30, 31, 40, 41},
                java.util.Arrays.copyOf(c.units().get(0).load().get().trials().get(0).values(), 8));
    }

    @Test
    void readyMadeSamplesKeepTheirTrials() {
        Map<String, NpyArray> m = windows();
        m.put("x", NpyArray.ofDoubles("x", new int[] {5, 4, 5, 2}, windows().get("x").toDoubles()));
        m.put("y", NpyArray.ofLongs("y", new int[] {5}, new long[] {0, 0, 1, 1, 0}));
        m.put("trial", NpyArray.ofLongs("trial", new int[] {5}, new long[] {7, 7, 8, 8, 9}));
        NpzFeatures.Loaded l = NpzFeatures.read(write(m), List.of(), null);
        assertEquals(4, l.sampleSteps());
        List<Fold> folds = Protocol.KFOLD.folds(l.corpus(), new Windowing(4, 1, false), 3);
        int tested = 0;
        for (Fold f : folds) {
            tested += f.split().test().size();
        }
        assertEquals(5, tested, "every sample is tested once");
        SampleSet all = new Windowing(4, 1, false).samples(l.corpus().units().get(0).load().get().trials(),
                l.corpus().layout(), 2, l.corpus().classNames());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, all.trials());
        DatasetException e = assertThrows(DatasetException.class, () -> Protocol.PAPER.folds(l.corpus(),
                new Windowing(3, 1, false), 0).get(0).split());
        assertTrue(e.getMessage().contains("T = 4 slices long, but T = 3 was asked for"), e.getMessage());
    }

    @Test
    void brokenFilesNameTheArray() {
        assertTrue(problem(m -> m.remove("x")).startsWith("has no array 'x' (arrays: y, trial, channels, classes)"));
        assertEquals("array x: shape (20, 10); expected (W, n, d) windows or (N, T, n, d) samples",
                problem(m -> m.put("x", NpyArray.ofDoubles("x", new int[] {20, 10}, new double[200]))));
        assertEquals("array x: dtype <i8; expected float32 or float64",
                problem(m -> m.put("x", NpyArray.ofLongs("x", new int[] {20, 5, 2}, new long[200]))));
        assertEquals("array channels: shape (4,); expected (5,) to match x",
                problem(m -> m.put("channels", NpyArray.ofStrings("channels", new int[] {4}, new String[] {"a", "b",
                    "c", "d"}))));
        assertEquals("array channels: dtype <i8; expected unicode text",
                problem(m -> m.put("channels", NpyArray.ofLongs("channels", new int[] {5}, new long[5]))));
        assertEquals("array y: shape (19,); expected (20,), one per row of x",
                problem(m -> m.put("y", NpyArray.ofLongs("y", new int[] {19}, new long[19]))));
        assertEquals("array y: holds class 2, but classes names only 2", problem(m -> {
            long[] y = m.get("y").toLongs();
            java.util.Arrays.fill(y, 5, 10, 2);
            m.put("y", NpyArray.ofLongs("y", new int[] {20}, y));
        }));
        assertEquals("array y: trial 0 has rows of classes 0 and 1; all windows of one trial carry its label",
                problem(m -> {
                    long[] y = m.get("y").toLongs();
                    y[3] = 1;
                    m.put("y", NpyArray.ofLongs("y", new int[] {20}, y));
                }));
        assertTrue(problem(m -> m.remove("trial")).startsWith("has no array 'trial': windows (x of shape (W, n, d)) "
                + "need the trial of each window"));
        assertTrue(problem(m -> m.put("x", NpyArray.ofDoubles("x", new int[] {20, 5, 2}, nanAt(57))))
                .startsWith("array x: holds NaN at window 5, channel O1, feature 1 (0-based)"));
        assertTrue(problem(m -> m.put("channels", NpyArray.ofStrings("channels", new int[] {5}, new String[] {"Fp1",
            "Fp2", "Cz", "O1", "Q7"}))).contains("\"Q7\" has no 10-05 position"));
        assertEquals("array positions: layout npz-positions puts Fp1 and Fp2 in the same cell (0, 0)", problem(m ->
                m.put("positions", NpyArray.ofLongs("positions", new int[] {5, 2}, new long[] {0, 0, 0, 0, 1, 1, 2, 0,
                    2, 2}))));
    }

    private static double[] nanAt(int i) {
        double[] x = new double[200];
        x[i] = Double.NaN;
        return x;
    }

    @Test
    void positionsPlaceChannelsWithoutStandardNames() {
        Map<String, NpyArray> m = windows();
        m.put("channels", NpyArray.ofStrings("channels", new int[] {5}, new String[] {"a", "b", "c", "d", "e"}));
        m.put("positions", NpyArray.ofLongs("positions", new int[] {5, 2}, new long[] {0, 0, 0, 2, 1, 1, 2, 0, 2, 2}));
        Corpus c = NpzFeatures.read(write(m), List.of(), null).corpus();
        assertEquals(3, c.layout().rows());
        assertEquals(1, c.layout().electrode(2).row());
    }
}
