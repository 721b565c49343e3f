package org.strnn.train;

/**
 * What a {@link Trainer#fit} run selected, and how.
 *
 * @param selection             the selection actually used ({@link Selection#LAST} when validation was asked
 *                              for but no class had two trials to hold one out)
 * @param selectedEpoch         the epoch whose weights are in the model (with refit: the number of epochs refitted)
 * @param fitSamples            samples the model was fitted on (the training data minus the validation set)
 * @param validationSamples     samples held out for validation (0 without validation)
 * @param validationLoss        mean cross-entropy on the validation set at the selected epoch; NaN without one
 * @param validationAccuracy    validation accuracy at the selected epoch; NaN without one
 * @param lastEpochTestAccuracy test accuracy after the last epoch of {@link Trainer#fit} (before any restore
 *                              or refit), as the listener monitored it; NaN without a monitored test set
 * @param stoppedEarly          whether training stopped on the patience rule before the most epochs
 * @param refit                 whether the model was retrained on all training data for {@code selectedEpoch} epochs
 */
public record TrainingOutcome(Selection selection, int selectedEpoch, int fitSamples, int validationSamples,
                              double validationLoss, double validationAccuracy, double lastEpochTestAccuracy,
                              boolean stoppedEarly, boolean refit) {
}
