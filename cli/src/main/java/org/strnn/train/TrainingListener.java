package org.strnn.train;

/** Progress callbacks of the {@link Trainer}; all methods do nothing by default. */
public interface TrainingListener {

    /** After each optimiser step: {@code step} of {@code steps} in epoch {@code epoch}. */
    default void stepDone(int epoch, int step, int steps, double loss) {
    }

    /** After each epoch's evaluation. */
    default void epochDone(EpochStats stats) {
    }

    TrainingListener SILENT = new TrainingListener() {
    };
}
