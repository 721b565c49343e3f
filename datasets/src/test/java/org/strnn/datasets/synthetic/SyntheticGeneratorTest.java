package org.strnn.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

class SyntheticGeneratorTest {

    @Test
    void seedLikeHasSeedsShapeAndNamedTrajectories() {
        SyntheticGenerator g = SyntheticGenerator.seedLike();
        SampleSet s = g.generate(7, new SplittableRandom(1));
        assertEquals(9, s.steps());
        assertEquals(62, s.vertices());
        assertEquals(5, s.features());
        assertEquals(Layouts.seed62(), s.layout());
        assertEquals(List.of("cw0", "ccw0", "cw200"), s.classNames());
        assertEquals(SyntheticGenerator.DEFAULT_NOISE, g.noise());

        SampleSet faces = SyntheticGenerator.faceLattice(6, 5, 4, 3, 7, 0.5).generate(3, new SplittableRandom(1));
        assertEquals(Layouts.lattice(6, 5), faces.layout());
        assertEquals(4, faces.steps());
        assertEquals(30, faces.vertices());
        assertEquals(3, faces.features());
        assertEquals(7, faces.numClasses());
    }

    @Test
    void classesAreBalancedAndInterleaved() {
        SampleSet s = SyntheticGenerator.seedLike().generate(100, new SplittableRandom(2));
        assertArrayEquals(new int[] {34, 33, 33}, s.classCounts());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(i % 3, s.label(i));
        }
    }

    @Test
    void sameSeedIsBitIdenticalAndShorterSetsArePrefixes() {
        SyntheticGenerator g = SyntheticGenerator.seedLike();
        double[] a = raw(g.generate(20, new SplittableRandom(99)));
        double[] b = raw(g.generate(20, new SplittableRandom(99)));
        for (int k = 0; k < a.length; k++) {
            assertEquals(Double.doubleToRawLongBits(a[k]), Double.doubleToRawLongBits(b[k]), "value " + k);
        }
        assertFalse(Arrays.equals(a, raw(g.generate(20, new SplittableRandom(100)))));
        double[] prefix = raw(g.generate(5, new SplittableRandom(99)));
        assertArrayEquals(prefix, Arrays.copyOf(a, prefix.length), 0.0);
    }

    @Test
    void splitTestSetDependsOnlyOnSeedAndTestCount() {
        SyntheticGenerator g = SyntheticGenerator.faceLattice(4, 4, 5, 2, 3, 0.5);
        Split small = g.split(10, 12, 5);
        Split large = g.split(40, 12, 5);
        assertEquals("synthetic-5", small.name());
        assertEquals(10, small.train().size());
        assertEquals(12, small.test().size());
        assertArrayEquals(raw(small.test()), raw(large.test()), 0.0);
        assertArrayEquals(raw(small.train()), Arrays.copyOf(raw(large.train()), raw(small.train()).length), 0.0);
        assertFalse(Arrays.equals(raw(small.test()), Arrays.copyOf(raw(small.train()), raw(small.test()).length)),
                "train and test come from different streams");
        assertNotEquals(raw(g.split(10, 12, 6).test())[0], raw(small.test())[0]);
    }

    @Test
    void everyClassVisitsEverySlotOnceInItsOwnOrder() {
        for (int steps = 3; steps <= 9; steps++) {
            for (int classes = 2; classes <= 2 * steps; classes++) {
                SyntheticGenerator g = SyntheticGenerator.faceLattice(3, 3, steps, 1, classes, 0);
                Set<List<Integer>> orders = new HashSet<>();
                for (int c = 0; c < classes; c++) {
                    List<Integer> order = new ArrayList<>();
                    for (int t = 0; t < steps; t++) {
                        order.add(g.slot(c, t));
                    }
                    assertEquals(steps, new HashSet<>(order).size(), "class " + c + " repeats a slot: " + order);
                    assertTrue(orders.add(order), "T=" + steps + " C=" + classes + ": class " + c + " repeats "
                            + order);
                }
                assertEquals(classes, new HashSet<>(g.classNames()).size(), g.classNames().toString());
            }
        }
        SyntheticGenerator g = SyntheticGenerator.seedLike();
        assertEquals(List.of(0, 1, 2), List.of(g.slot(0, 0), g.slot(0, 1), g.slot(0, 2)));
        assertEquals(List.of(0, 8, 7), List.of(g.slot(1, 0), g.slot(1, 1), g.slot(1, 2)));
        assertEquals(List.of(5, 6, 7), List.of(g.slot(2, 0), g.slot(2, 1), g.slot(2, 2)));
    }

    /**
     * The exact invariances behind the design: from the same random state, two classes give
     * samples with the same per-vertex time averages and the same per-slice vertex sums (only the
     * order of the signal's visits differs).
     */
    @Test
    void classesDifferOnlyInTheOrderOfVisits() {
        SyntheticGenerator g = SyntheticGenerator.seedLike();
        int len = 9 * 62 * 5;
        for (long seed = 0; seed < 20; seed++) {
            double[][] byClass = new double[3][len];
            for (int c = 0; c < 3; c++) {
                g.sample(c, new SplittableRandom(seed), byClass[c], 0);
            }
            double[] avg0 = timeAverage(byClass[0]);
            for (int c = 1; c < 3; c++) {
                assertArrayEquals(avg0, timeAverage(byClass[c]), 1e-12, "time average, seed " + seed);
                assertArrayEquals(vertexSum(byClass[0]), vertexSum(byClass[c]), 1e-9, "vertex sum, seed " + seed);
                assertFalse(Arrays.equals(byClass[0], byClass[c]), "classes must differ somewhere");
            }
        }
    }

    /**
     * Baselines on the SEED-shaped default (600 train, 600 test, seed 7). Measured: nearest
     * centroid and logistic regression on the full volume 0.930 and 0.908; on time averages 0.325
     * and 0.348; on vertex sums 0.337 and 0.347; on slice-shuffled volumes 0.322 and 0.335; the best
     * single electrode's own time series 0.512; the tracked blob path (2T numbers) 0.945. Chance is
     * 1/3; the margins below are several standard errors (about 0.02 at chance).
     */
    @Test
    void seedLikeNeedsSpaceAndTimeTogether() {
        Split split = SyntheticGenerator.seedLike().split(600, 600, 7);
        assertNeedsSpaceAndTime(split, 0.75, 0.85);

        double bestVertex = 0;
        for (int v = 0; v < 62; v++) {
            final int vertex = v;
            bestVertex = Math.max(bestVertex, Baselines.nearestCentroid(split.train(), split.test(),
                    (s, i) -> oneVertex(s, i, vertex)));
        }
        assertTrue(bestVertex < 0.65, "one electrode alone should not be diagnostic: " + bestVertex);
    }

    /**
     * The same on a 6x6 face lattice with T = 6, d = 4 and 7 classes (chance 1/7). Measured: full
     * volume 0.588 and 0.543; time averages 0.145 and 0.148; vertex sums 0.162 and 0.168;
     * shuffled slices 0.130 and 0.130; tracked path 0.630.
     */
    @Test
    void faceLatticeNeedsSpaceAndTimeTogether() {
        Split split = SyntheticGenerator.faceLattice(6, 6, 6, 4, 7, SyntheticGenerator.DEFAULT_NOISE).split(600, 600, 7);
        assertNeedsSpaceAndTime(split, 0.40, 0.45);
    }

    private static void assertNeedsSpaceAndTime(Split split, double fullAtLeast, double trackedAtLeast) {
        SampleSet train = split.train();
        SampleSet test = split.test();
        double chance = 1.0 / train.numClasses();
        double ceiling = chance + 0.07;
        SampleSet shuffledTrain = Baselines.shuffleSlices(train, new SplittableRandom(1));
        SampleSet shuffledTest = Baselines.shuffleSlices(test, new SplittableRandom(2));

        assertBelow(ceiling, "time average, centroid", Baselines.nearestCentroid(train, test, Baselines::timeAverage));
        assertBelow(ceiling, "time average, logistic", logistic(train, test, Baselines::timeAverage));
        assertBelow(ceiling, "vertex sum, centroid", Baselines.nearestCentroid(train, test, Baselines::vertexPool));
        assertBelow(ceiling, "vertex sum, logistic", logistic(train, test, Baselines::vertexPool));
        assertBelow(ceiling, "shuffled slices, centroid",
                Baselines.nearestCentroid(shuffledTrain, shuffledTest, Baselines::full));
        assertBelow(ceiling, "shuffled slices, logistic", logistic(shuffledTrain, shuffledTest, Baselines::full));

        assertAbove(fullAtLeast, "full volume, centroid", Baselines.nearestCentroid(train, test, Baselines::full));
        assertAbove(fullAtLeast, "full volume, logistic", logistic(train, test, Baselines::full));
        assertAbove(trackedAtLeast, "tracked path, centroid",
                Baselines.nearestCentroid(train, test, Baselines::trackedPath));
    }

    private static double logistic(SampleSet train, SampleSet test, Baselines.FeatureMap m) {
        return Baselines.logistic(train, test, m, 100, 0.5, 1e-3);
    }

    private static void assertBelow(double ceiling, String what, double accuracy) {
        assertTrue(accuracy < ceiling, what + " should be near chance: " + accuracy + " >= " + ceiling);
    }

    private static void assertAbove(double floor, String what, double accuracy) {
        assertTrue(accuracy > floor, what + " should carry the class: " + accuracy + " <= " + floor);
    }

    @Test
    void rejectsShapesWithoutDistinctTrajectories() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticGenerator.faceLattice(3, 3, 2, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticGenerator.faceLattice(3, 3, 3, 1, 7, 0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticGenerator.faceLattice(3, 3, 3, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticGenerator.faceLattice(2, 5, 3, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticGenerator.faceLattice(3, 3, 3, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticGenerator.faceLattice(3, 3, 3, 1, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticGenerator.faceLattice(3, 3, 3, 1, 2, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticGenerator.seedLike().generate(-1, new SplittableRandom(0)));
        assertEquals(6, SyntheticGenerator.faceLattice(3, 3, 3, 1, 6, 0).classes());
    }

    private static double[] raw(SampleSet s) {
        double[] out = new double[s.size() * s.sampleLength()];
        for (int i = 0; i < s.size(); i++) {
            s.copySample(i, out, i * s.sampleLength());
        }
        return out;
    }

    private static double[] timeAverage(double[] sample) {
        int nd = 62 * 5;
        double[] out = new double[nd];
        for (int t = 0; t < 9; t++) {
            for (int k = 0; k < nd; k++) {
                out[k] += sample[t * nd + k] / 9;
            }
        }
        return out;
    }

    private static double[] vertexSum(double[] sample) {
        double[] out = new double[9 * 5];
        for (int t = 0; t < 9; t++) {
            for (int v = 0; v < 62; v++) {
                for (int f = 0; f < 5; f++) {
                    out[t * 5 + f] += sample[(t * 62 + v) * 5 + f];
                }
            }
        }
        return out;
    }

    private static double[] oneVertex(SampleSet s, int i, int v) {
        double[] out = new double[s.steps() * s.features()];
        for (int t = 0; t < s.steps(); t++) {
            for (int f = 0; f < s.features(); f++) {
                out[t * s.features() + f] = s.get(i, t, v, f);
            }
        }
        return out;
    }
}
