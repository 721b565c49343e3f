package org.strnn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.synthetic.NeighbourTask;
import org.strnn.layout.Layout;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;

/**
 * The spatial RNN matters: on a task whose label is a spatial relation (are two marks neighbours on
 * the lattice?), STRNN learns it, and the same model without spatial recurrence, which sees every
 * vertex on its own before the linear projection, does clearly worse.
 */
class SpatialAblationTest {

    static final Layout LATTICE = NeighbourTask.LATTICE;

    /** The neighbour task (two marks, label 1 when they touch) with T = 2 slices. */
    static SampleSet neighbours(int count, long seed) {
        return NeighbourTask.samples(count, 2, seed);
    }

    static double accuracy(boolean spatialRecurrence, SampleSet train, SampleSet test) {
        StrnnConfig config = new StrnnConfig.Builder(LATTICE, 2, 2, 2).sizes(8, 4, 8, 2)
                .recurrence(spatialRecurrence, true).build();
        StrnnModel model = new StrnnModel(config, new SplittableRandom(1));
        Trainer trainer = new Trainer(model, new TrainSettings(25, 32, 3e-3, 0, 1));
        List<EpochStats> history = trainer.train(train, TrainingListener.monitoring(test, TrainingListener.SILENT));
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
