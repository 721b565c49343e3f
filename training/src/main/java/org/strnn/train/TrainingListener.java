package org.strnn.train;

import org.strnn.datasets.SampleSet;
import org.strnn.model.StrnnClassifier;

/** Progress callbacks of the {@link Trainer}; all methods do nothing by default. */
public interface TrainingListener {

    /** After each optimiser step: {@code step} of {@code steps} in epoch {@code epoch}. */
    default void stepDone(int epoch, int step, int steps, double loss) {
    }

    /** After each epoch's evaluation. */
    default void epochDone(EpochStats stats) {
    }

    /**
     * After each epoch, before {@link #epochDone}: an evaluation of the model on a set the caller
     * watches, recorded in the history's test columns, or null for none (the default). The trainer
     * selects on it only with {@link Selection#TEST_OPTIMISTIC}, whose results are labelled
     * optimistic.
     */
    default Evaluation monitor(StrnnClassifier model) {
        return null;
    }

    TrainingListener SILENT = new TrainingListener() {
    };

    /**
     * {@code listener}, which also evaluates {@code test} after every epoch (see {@link #monitor}).
     * This is how a caller watches test data per epoch; the trainer itself never sees it. The
     * wrapped listener's own {@code monitor} is not asked: {@code test} replaces it.
     */
    static TrainingListener monitoring(SampleSet test, TrainingListener listener) {
        return new TrainingListener() {
            @Override
            public void stepDone(int epoch, int step, int steps, double loss) {
                listener.stepDone(epoch, step, steps, loss);
            }

            @Override
            public void epochDone(EpochStats stats) {
                listener.epochDone(stats);
            }

            @Override
            public Evaluation monitor(StrnnClassifier model) {
                return Evaluation.of(model, test);
            }
        };
    }
}
