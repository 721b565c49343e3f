package org.strnn.datasets.seed;

import org.strnn.layout.Layouts;

import java.util.List;

/**
 * Facts about the SEED dataset (spec sections 1 and 9) and its label mapping.
 *
 * <p>Every subject file holds {@value #TRIALS} trials. A trial's features are a
 * {@code 62 x n_k x 5} array: {@value #CHANNELS} electrodes (in the order of
 * {@link org.strnn.layout.Layouts#seed62()}) by {@code n_k} one-second windows by {@value #BANDS}
 * frequency bands (delta, theta, alpha, beta, gamma).
 *
 * <p>SEED labels a trial {@code -1} (negative), {@code 0} (neutral) or {@code 1} (positive). This
 * library uses the class index {@code seedLabel + 1}, so the classes are, in order,
 * {@link #CLASS_NAMES} = {@code [negative, neutral, positive]}.
 */
public final class Seed {

    private Seed() {
    }

    /** Electrodes per feature slice. */
    public static final int CHANNELS = 62;

    /** Frequency bands per electrode (delta, theta, alpha, beta, gamma). */
    public static final int BANDS = 5;

    /** Trials (film clips) per session. */
    public static final int TRIALS = 15;

    /** Class names, indexed by class: SEED label -1 is class 0, 0 is class 1, 1 is class 2. */
    public static final List<String> CLASS_NAMES = List.of("negative", "neutral", "positive");

    /** The band names, in the order of the third array dimension. */
    public static final List<String> BAND_NAMES = List.of("delta", "theta", "alpha", "beta", "gamma");

    private static final int[] LABELS = {1, 0, -1, -1, 0, 1, -1, 0, 1, 1, 0, -1, 0, 1, -1};

    private static final int[] TRIAL_LENGTHS = {235, 233, 206, 238, 185, 195, 237, 216, 265, 237, 235, 233, 235, 238,
        206};

    /** The SEED labels ({@code 1, 0, -1}) of trials 1..15 as {@code label.mat} holds them; a copy. */
    public static int[] labels() {
        return LABELS.clone();
    }

    /** The real trial lengths in seconds, trials 1..15 (3394 in all); a copy. */
    public static int[] trialLengths() {
        return TRIAL_LENGTHS.clone();
    }

    /**
     * The class index of a SEED label: {@code -1 -> 0} (negative), {@code 0 -> 1} (neutral),
     * {@code 1 -> 2} (positive).
     *
     * @throws IllegalArgumentException if {@code seedLabel} is not -1, 0 or 1
     */
    public static int classOf(int seedLabel) {
        if (seedLabel < -1 || seedLabel > 1) {
            throw new IllegalArgumentException("a SEED label is -1, 0 or 1, got " + seedLabel);
        }
        return seedLabel + 1;
    }

    /** The SEED label of a class index: the inverse of {@link #classOf(int)}. */
    public static int seedLabelOf(int classIndex) {
        if (classIndex < 0 || classIndex > 2) {
            throw new IllegalArgumentException("a SEED class index is 0, 1 or 2, got " + classIndex);
        }
        return classIndex - 1;
    }
}
