package org.strnn.datasets.seed;

import org.strnn.layout.Layouts;

import java.util.Objects;

/**
 * The features of one session of one subject, as loaded from its file: {@value Seed#TRIALS} trials,
 * trial {@code k} being {@code n_k} seconds of {@code 62 x 5} values (electrodes x bands).
 *
 * <p>Trials are numbered 1..15 as in SEED's variable names ({@code de_LDS1..15}); seconds,
 * channels and bands are 0-based. Channel order is that of
 * {@link org.strnn.layout.Layouts#seed62()}, band order delta, theta, alpha, beta, gamma. In
 * memory each trial is stored second-major, {@code [second][channel][band]}, so that a window of
 * consecutive seconds is one contiguous run (see {@link SubjectDependentProtocol}).
 */
public final class SeedRecording {

    /** Values per second: {@code 62 * 5}. */
    static final int SLICE = Seed.CHANNELS * Seed.BANDS;

    private final SeedExperiment experiment;
    private final FeatureKind kind;
    private final double[][] trials;
    private final int[] classes;

    /**
     * @param trials  trial {@code k} at index {@code k-1}: {@code n_k * 62 * 5} values, second-major
     * @param classes class index of trial {@code k} at index {@code k-1}
     */
    SeedRecording(SeedExperiment experiment, FeatureKind kind, double[][] trials, int[] classes) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (trials.length != Seed.TRIALS || classes.length != Seed.TRIALS) {
            throw new IllegalArgumentException("a SEED session has " + Seed.TRIALS + " trials, got " + trials.length
                    + " feature arrays and " + classes.length + " labels");
        }
        for (double[] t : trials) {
            if (t.length % SLICE != 0) {
                throw new IllegalArgumentException("a trial holds a multiple of " + SLICE + " values, got " + t.length);
            }
        }
        this.trials = trials;
        this.classes = classes.clone();
    }

    public SeedExperiment experiment() {
        return experiment;
    }

    public FeatureKind kind() {
        return kind;
    }

    /** Number of trials: always {@value Seed#TRIALS}. */
    public int trials() {
        return trials.length;
    }

    /** Length of trial {@code trial} (1-based) in seconds: {@code n_k}. */
    public int length(int trial) {
        return trial(trial).length / SLICE;
    }

    /** Class index of trial {@code trial} (1-based), see {@link Seed#classOf(int)}. */
    public int label(int trial) {
        trial(trial);
        return classes[trial - 1];
    }

    /**
     * The feature of {@code channel} in {@code band} during {@code second} of trial {@code trial};
     * the MATLAB element {@code <kind><trial>(channel+1, second+1, band+1)}.
     */
    public double value(int trial, int second, int channel, int band) {
        double[] t = trial(trial);
        if (second < 0 || second >= t.length / SLICE || channel < 0 || channel >= Seed.CHANNELS || band < 0
                || band >= Seed.BANDS) {
            throw new IndexOutOfBoundsException("(second " + second + ", channel " + channel + ", band " + band
                    + ") is outside trial " + trial + " of " + (t.length / SLICE) + " x " + Seed.CHANNELS + " x "
                    + Seed.BANDS);
        }
        return t[(second * Seed.CHANNELS + channel) * Seed.BANDS + band];
    }

    /** Trial {@code trial}'s values, second-major, not copied: callers must not write to it. */
    double[] slices(int trial) {
        return trial(trial);
    }

    private double[] trial(int trial) {
        if (trial < 1 || trial > trials.length) {
            throw new IndexOutOfBoundsException("trials are numbered 1.." + trials.length + ", got " + trial);
        }
        return trials[trial - 1];
    }

    @Override
    public String toString() {
        return experiment.name() + " " + kind.prefix() + " (" + trials.length + " trials)";
    }
}
