package org.strnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;

/** Model selection that never looks at the test data, early stopping, refit and the validation carve-out. */
class TrainerSelectionTest {

    static StrnnModel small(long seed) {
        StrnnConfig config = new StrnnConfig.Builder(SpatialAblationTest.LATTICE, 2, 2, 2).sizes(6, 3, 6, 2).build();
        return new StrnnModel(config, new SplittableRandom(seed));
    }

    static TrainSettings validated(int epochs, int patience) {
        return new TrainSettings(epochs, 32, 3e-3, 1.0, 7).withSelection(Selection.VALIDATION, 0.25, patience, false);
    }

    /** The same set with its labels permuted: a test set that must not change what is selected. */
    static SampleSet shuffledLabels(SampleSet s, long seed) {
        int[] y = s.labels();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = y.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        double[] data = new double[s.size() * s.sampleLength()];
        for (int i = 0; i < s.size(); i++) {
            s.copySample(i, data, i * s.sampleLength());
        }
        return new SampleSet(data, y, s.steps(), s.layout(), s.features(), s.classNames());
    }

    @Test
    void validationSelectionIgnoresTheTestSet() {
        SampleSet train = SpatialAblationTest.neighbours(200, 1);
        SampleSet test = SpatialAblationTest.neighbours(100, 2);
        Trainer a = new Trainer(small(3), validated(8, 100));
        a.train(train, TrainingListener.monitoring(test, TrainingListener.SILENT));
        Trainer b = new Trainer(small(3), validated(8, 100));
        b.train(train, TrainingListener.monitoring(shuffledLabels(test, 5), TrainingListener.SILENT));
        assertEquals(Selection.VALIDATION, a.outcome().selection());
        assertEquals(a.outcome().selectedEpoch(), b.outcome().selectedEpoch());
        Map<String, double[]> wa = a.model().copyValues();
        Map<String, double[]> wb = b.model().copyValues();
        for (String name : wa.keySet()) {
            assertArrayEquals(wa.get(name), wb.get(name), 0.0, name);
        }
    }

    @Test
    void selectedWeightsAreRestoredAndTrainingStopsAfterThePatience() {
        SampleSet train = SpatialAblationTest.neighbours(200, 1);
        SampleSet test = SpatialAblationTest.neighbours(100, 2);
        Trainer t = new Trainer(small(4), validated(30, 2));
        List<EpochStats> h = t.train(train, TrainingListener.monitoring(test, TrainingListener.SILENT));
        TrainingOutcome o = t.outcome();
        int best = 1;
        for (EpochStats s : h) {
            assertTrue(s.hasValidation());
            if (s.validationLoss() < h.get(best - 1).validationLoss()) {
                best = s.epoch();
            }
        }
        assertEquals(best, o.selectedEpoch(), "the epoch of lowest validation loss");
        assertTrue(h.size() < 30 ? o.stoppedEarly() && h.size() == best + 2 : !o.stoppedEarly(), h.size() + " epochs");
        assertEquals(h.get(h.size() - 1).testAccuracy(), o.lastEpochTestAccuracy());
        Split carve = ValidationSplit.carve(train, 0.25, 7);
        assertEquals(carve.test().size(), o.validationSamples());
        assertEquals(train.size() - carve.test().size(), o.fitSamples());
        // The model holds the selected epoch's weights: its validation loss is that epoch's.
        double loss = Evaluation.of(StrnnClassifier.of(t.model()), carve.test()).loss();
        assertEquals(h.get(best - 1).validationLoss(), loss, 1e-12);
    }

    @Test
    void withoutValidationTheLastEpochIsKeptAndSaidSo() {
        SampleSet train = SpatialAblationTest.neighbours(100, 1);
        SampleSet test = SpatialAblationTest.neighbours(50, 2);
        Trainer t = new Trainer(small(4), new TrainSettings(3, 32, 3e-3, 1.0, 7));
        List<EpochStats> h = t.train(train, TrainingListener.monitoring(test, TrainingListener.SILENT));
        assertEquals(Selection.LAST, t.outcome().selection());
        assertEquals(3, t.outcome().selectedEpoch());
        assertEquals(0, t.outcome().validationSamples());
        assertFalse(h.get(0).hasValidation());
        assertEquals(h.get(2).testAccuracy(),
                Evaluation.of(StrnnClassifier.of(t.model()), test).accuracy(), 0.0);
    }

    @Test
    void optimisticSelectionTakesTheBestTestEpochOnlyWhenAskedAndSaysSo() {
        SampleSet train = SpatialAblationTest.neighbours(200, 1);
        SampleSet test = SpatialAblationTest.neighbours(100, 2);
        Trainer t = new Trainer(small(4), new TrainSettings(6, 32, 3e-3, 1.0, 7)
                .withSelection(Selection.TEST_OPTIMISTIC, 0, 1, false));
        List<EpochStats> h = t.train(train, TrainingListener.monitoring(test, TrainingListener.SILENT));
        double best = h.stream().mapToDouble(EpochStats::testAccuracy).max().orElseThrow();
        assertEquals(best, Evaluation.of(StrnnClassifier.of(t.model()), test).accuracy(), 0.0);
        assertEquals("test (optimistic)", t.outcome().selection().label());
    }

    @Test
    void optimisticSelectionWithoutAMonitoredTestSetIsRefused() {
        SampleSet train = SpatialAblationTest.neighbours(100, 1);
        Trainer t = new Trainer(small(4), new TrainSettings(2, 32, 3e-3, 1.0, 7)
                .withSelection(Selection.TEST_OPTIMISTIC, 0, 1, false));
        var e = assertThrows(IllegalArgumentException.class, () -> t.fit(train, null, TrainingListener.SILENT));
        assertTrue(e.getMessage().contains("monitors the test set"), e.getMessage());
    }

    @Test
    void refitRetrainsOnAllTrainingDataForTheSelectedEpochs() {
        SampleSet train = SpatialAblationTest.neighbours(200, 1);
        SampleSet test = SpatialAblationTest.neighbours(100, 2);
        Trainer t = new Trainer(small(4), validated(6, 100).withSelection(Selection.VALIDATION, 0.25, 100, true));
        t.train(train, TrainingListener.monitoring(test, TrainingListener.SILENT));
        assertTrue(t.outcome().refit());
        assertEquals(train.size(), t.outcome().fitSamples());
        assertTrue(t.outcome().selectedEpoch() >= 1 && t.outcome().selectedEpoch() <= 6);
        assertThrows(IllegalArgumentException.class,
                () -> new TrainSettings(5, 32, 1e-3, 0, 1).withSelection(Selection.LAST, 0, 1, true));
    }

    @Test
    void carveHoldsOutWholeTrialsPerClassAndIsSeeded() {
        // SEED's paper protocol in miniature: 9 training trials, 3 per class, 4 windows each.
        int trials = 9;
        int windows = 4;
        int[] labels = new int[trials * windows];
        int[] trialIds = new int[trials * windows];
        for (int k = 0; k < trials; k++) {
            for (int w = 0; w < windows; w++) {
                labels[k * windows + w] = k % 3;
                trialIds[k * windows + w] = k + 1;
            }
        }
        SampleSet s = new SampleSet(new double[labels.length * 25 * 2 * 2], labels, 2, SpatialAblationTest.LATTICE, 2,
                List.of("a", "b", "c")).withTrials(trialIds);
        Split carve = ValidationSplit.carve(s, 0.2, 11);
        assertEquals(3 * windows, carve.test().size(), "one trial per class");
        assertArrayEquals(new int[] {windows, windows, windows}, carve.test().classCounts());
        Set<Integer> held = new HashSet<>();
        for (int i = 0; i < carve.test().size(); i++) {
            held.add(carve.test().trial(i));
        }
        assertEquals(3, held.size());
        for (int i = 0; i < carve.train().size(); i++) {
            assertFalse(held.contains(carve.train().trial(i)), "trial on both sides");
        }
        assertArrayEquals(carve.test().trials(), ValidationSplit.carve(s, 0.2, 11).test().trials(), "seeded");
        assertEquals(0, ValidationSplit.count(1, 0.5), "a class's only trial stays in training");
        int[] mixed = trialIds.clone();
        mixed[windows] = 1;
        assertThrows(IllegalArgumentException.class, () -> ValidationSplit.carve(s.withTrials(mixed), 0.2, 1));
    }

    @Test
    void metricsOfAKnownConfusionMatrix() {
        // scikit-learn: recall [0.8, 0.5, 0.0], f1 [0.727.., 0.571.., 0.0] for this matrix.
        int[][] confusion = {{8, 2, 0}, {3, 4, 1}, {0, 2, 0}};
        Metrics m = Metrics.of(confusion);
        assertEquals(12.0 / 20, m.accuracy(), 1e-15);
        assertArrayEquals(new double[] {0.8, 0.5, 0.0}, m.perClassRecall(), 1e-15);
        double f1a = 2.0 * 8 / (2 * 8 + 3 + 2);
        double f1b = 2.0 * 4 / (2 * 4 + 4 + 4);
        assertEquals((f1a + f1b) / 3, m.macroF1(), 1e-15);
    }
}
