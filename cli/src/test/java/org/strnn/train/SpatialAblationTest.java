package org.strnn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;

/**
 * The spatial RNN matters: on a task whose label is a spatial relation (are two marks neighbours on
 * the lattice?), STRNN learns it, and the same model without spatial recurrence, which sees every
 * vertex on its own before the linear projection, does clearly worse.
 */
class SpatialAblationTest {

    static final Layout LATTICE = Layouts.lattice(5, 5);

    /**
     * Two marks, A (feature 0) and B (feature 1), at random distinct cells, plus noise; label 1 when
     * they touch (8-neighbours), 0 otherwise, balanced. T = 2 identical-but-noisy slices.
     */
    static SampleSet neighbours(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int steps = 2;
        int n = LATTICE.size();
        double[] data = new double[count * steps * n * 2];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int want = i % 2;
            int a;
            int b;
            boolean touching;
            do {
                a = rng.nextInt(n);
                b = rng.nextInt(n);
                int dr = Math.abs(LATTICE.electrode(a).row() - LATTICE.electrode(b).row());
                int dc = Math.abs(LATTICE.electrode(a).col() - LATTICE.electrode(b).col());
                touching = dr <= 1 && dc <= 1;
            } while (a == b || (touching ? 1 : 0) != want);
            labels[i] = want;
            for (int t = 0; t < steps; t++) {
                int base = (i * steps + t) * n * 2;
                for (int k = 0; k < n * 2; k++) {
                    data[base + k] = 0.1 * rng.nextGaussian();
                }
                data[base + a * 2] += 1.0;
                data[base + b * 2 + 1] += 1.0;
            }
        }
        return new SampleSet(data, labels, steps, LATTICE, 2, List.of("apart", "touching"));
    }

    static double accuracy(boolean spatialRecurrence, SampleSet train, SampleSet test) {
        StrnnConfig config = new StrnnConfig.Builder(LATTICE, 2, 2, 2).sizes(8, 4, 8, 2)
                .recurrence(spatialRecurrence, true).build();
        StrnnModel model = new StrnnModel(config, new SplittableRandom(1));
        Trainer trainer = new Trainer(model, new TrainSettings(25, 32, 3e-3, 0, 1));
        List<EpochStats> history = trainer.fit(train, test, TrainingListener.SILENT);
        return history.get(history.size() - 1).testAccuracy();
    }

    @Test
    void withoutSpatialRecurrenceTheNeighbourTaskIsClearlyHarder() {
        SampleSet train = neighbours(800, 1);
        SampleSet test = neighbours(400, 2);
        double strnn = accuracy(true, train, test);
        double flat = accuracy(false, train, test);
        System.out.printf("neighbour task: STRNN %.3f, without spatial RNN %.3f%n", strnn, flat);
        assertTrue(strnn > 0.85, "STRNN should learn the neighbour relation: " + strnn);
        assertTrue(strnn > flat + 0.10, "STRNN " + strnn + " vs no spatial RNN " + flat);
    }
}
