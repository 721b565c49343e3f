package org.strnn.train;

/**
 * One epoch's numbers.
 *
 * @param epoch              1-based
 * @param trainLoss          mean training objective over the epoch's batches (with L1 terms when they are in the loss)
 * @param trainAccuracy      accuracy on the training batches, as they were seen during the epoch
 * @param testLoss           mean cross-entropy on the test set after the epoch
 * @param testAccuracy       accuracy on the test set after the epoch
 * @param seconds            wall time of the epoch, evaluation included
 * @param validationLoss     mean cross-entropy on the validation set after the epoch; NaN without one
 * @param validationAccuracy accuracy on the validation set after the epoch; NaN without one
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                         double seconds, double validationLoss, double validationAccuracy) {

    /** An epoch without a validation set. */
    public EpochStats(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                      double seconds) {
        this(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, seconds, Double.NaN, Double.NaN);
    }

    /** Whether a validation set was scored after this epoch. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
