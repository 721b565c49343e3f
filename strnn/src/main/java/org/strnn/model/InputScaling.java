package org.strnn.model;

import java.util.Arrays;

/**
 * Per-channel standardisation of the input, {@code x' = (x - mean[k]) / scale[k]} for channel
 * {@code k = v*d + f} (vertex v, feature f), applied before the model. It is preprocessing, not
 * part of the spec's model: the statistics are fitted on the training set, travel in the model
 * file's {@code config.json}, and are applied the same way by training, evaluation and
 * {@link StrnnClassifier}. The identity leaves inputs unchanged (what {@code strnn init} writes).
 *
 * @param mean  one value per channel
 * @param scale one positive value per channel
 */
public record InputScaling(double[] mean, double[] scale) {

    public InputScaling {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("input scaling has " + mean.length + " means but " + scale.length
                    + " scales");
        }
        for (int k = 0; k < mean.length; k++) {
            if (!Double.isFinite(mean[k]) || !(scale[k] > 0) || Double.isInfinite(scale[k])) {
                throw new IllegalArgumentException("input scaling of channel " + k + " is mean " + mean[k] + ", scale "
                        + scale[k] + "; means must be finite and scales positive");
            }
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /** No change: mean 0, scale 1. */
    public static InputScaling identity(int channels) {
        double[] ones = new double[channels];
        Arrays.fill(ones, 1.0);
        return new InputScaling(new double[channels], ones);
    }

    /** Reads sample {@code i} ({@code T*n*d} values, t-major) into {@code dst} at {@code offset}. */
    @FunctionalInterface
    public interface Samples {
        void copySample(int i, double[] dst, int offset);
    }

    /**
     * The mean and standard deviation of every channel over all {@code count} samples of
     * {@code steps} slices of {@code channels} values each; a channel whose deviation is below
     * 1e-12 times its magnitude (or zero) keeps scale 1. A data set's {@code copySample} method
     * serves as {@code data}.
     */
    public static InputScaling fit(int size, int steps, int channels, Samples data) {
        double[] sum = new double[channels];
        double[] sample = new double[steps * channels];
        long count = (long) size * steps;
        for (int i = 0; i < size; i++) {
            data.copySample(i, sample, 0);
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < channels; k++) {
                    sum[k] += sample[t * channels + k];
                }
            }
        }
        double[] mean = new double[channels];
        for (int k = 0; k < channels; k++) {
            mean[k] = count == 0 ? 0 : sum[k] / count;
        }
        double[] sq = new double[channels];
        for (int i = 0; i < size; i++) {
            data.copySample(i, sample, 0);
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < channels; k++) {
                    double dev = sample[t * channels + k] - mean[k];
                    sq[k] += dev * dev;
                }
            }
        }
        double[] scale = new double[channels];
        for (int k = 0; k < channels; k++) {
            double sd = count == 0 ? 0 : Math.sqrt(sq[k] / count);
            scale[k] = sd > 1e-12 * Math.max(1.0, Math.abs(mean[k])) ? sd : 1.0;
        }
        return new InputScaling(mean, scale);
    }

    /** Number of channels, n*d. */
    public int channels() {
        return mean.length;
    }

    /** The scaled value of channel {@code k}. */
    public double apply(double x, int k) {
        return (x - mean[k]) / scale[k];
    }

    public boolean isIdentity() {
        for (int k = 0; k < mean.length; k++) {
            if (mean[k] != 0 || scale[k] != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputScaling s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return isIdentity() ? "InputScaling(identity)" : "InputScaling(" + mean.length + " channels)";
    }
}
