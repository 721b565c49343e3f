package org.strnn.datasets.seed;

import java.util.random.RandomGenerator;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

/**
 * The value model behind {@link SeedSynthesizer}: DE-like features with a class-dependent spatial
 * pattern. All arrays here are second-major, {@code [second][channel][band]} flattened, like
 * {@link SeedRecording}.
 *
 * <p>For second {@code s}, channel {@code c} and band {@code b} of a trial of class {@code y}:
 * <pre>
 *   raw = base[c,b] + SIGNAL * group_y(c) * profile_y[b] + jitter[c,b] + drift_b(s) + NOISE * N(0,1)
 * </pre>
 * where {@code base} is a per-band level ({@link #BAND_LEVEL}) plus a per-subject offset per
 * (channel, band) and a per-session shift per band; {@code group_y} is 1 on the class's electrodes
 * (negative: lattice columns 0-2, the left hemisphere; neutral: columns 3-5, the midline; positive:
 * columns 6-8, the right hemisphere) and 0 elsewhere; {@code profile_y} raises the low bands for
 * negative, the middle bands for neutral and the high bands for positive; {@code jitter} is a
 * per-trial offset; and {@code drift_b} is a slow sinusoid (period 60-180 s) per trial and band.
 * Raw values are floored at {@link #FLOOR}, so every value is positive. The two stored kinds smooth
 * {@code raw} over time: {@code de_movingAve} with a centred 5-s moving average, {@code de_LDS} with
 * a forward-backward exponential smoother (a stand-in for SEED's linear dynamic system).
 */
final class SyntheticDe {

    /** Typical DE level of each band (delta .. gamma), in the range SEED's features take. */
    static final double[] BAND_LEVEL = {17, 15, 14, 12, 10};

    /** Height of the class pattern on its electrodes, in units of {@link #NOISE}. */
    static final double SIGNAL = 1.0;

    static final double NOISE = 1.0;

    static final double SUBJECT_SPREAD = 0.5;
    static final double SESSION_SHIFT = 0.3;
    static final double TRIAL_JITTER = 0.3;
    static final double DRIFT = 0.5;
    static final double FLOOR = 0.1;

    private static final double[][] PROFILE = {
        {1.0, 1.0, 0.5, 0.0, 0.0},
        {0.0, 0.5, 1.0, 0.5, 0.0},
        {0.0, 0.0, 0.5, 1.0, 1.0},
    };

    private static final int MOVING_AVERAGE_HALF_WIDTH = 2;
    private static final double SMOOTHING = 0.3;

    private static final int SLICE = SeedRecording.SLICE;

    private static final Layout LAYOUT = Layouts.seed62();

    private SyntheticDe() {
    }

    /** The class whose electrodes include {@code channel}: by lattice column, left, middle, right. */
    static int group(int channel) {
        Layout.Electrode e = LAYOUT.electrode(channel);
        return e.col() <= 2 ? 0 : e.col() <= 5 ? 1 : 2;
    }

    /** A subject's base level per (channel, band): band level plus a subject offset. */
    static double[] subjectBase(RandomGenerator rng) {
        double[] base = new double[SLICE];
        for (int c = 0; c < Seed.CHANNELS; c++) {
            for (int b = 0; b < Seed.BANDS; b++) {
                base[c * Seed.BANDS + b] = BAND_LEVEL[b] + SUBJECT_SPREAD * rng.nextGaussian();
            }
        }
        return base;
    }

    /** A session's base: the subject's, shifted per band (a new cap fitting, a new day). */
    static double[] sessionBase(double[] subjectBase, RandomGenerator rng) {
        double[] shift = new double[Seed.BANDS];
        for (int b = 0; b < Seed.BANDS; b++) {
            shift[b] = SESSION_SHIFT * rng.nextGaussian();
        }
        double[] base = subjectBase.clone();
        for (int i = 0; i < SLICE; i++) {
            base[i] += shift[i % Seed.BANDS];
        }
        return base;
    }

    /**
     * One trial of {@code length} seconds: {@code {de_LDS, de_movingAve}}, each
     * {@code length * 62 * 5} values, second-major.
     */
    static double[][] trial(double[] sessionBase, int classIndex, int length, RandomGenerator rng) {
        double[] mean = sessionBase.clone();
        for (int c = 0; c < Seed.CHANNELS; c++) {
            for (int b = 0; b < Seed.BANDS; b++) {
                double pattern = group(c) == classIndex ? SIGNAL * PROFILE[classIndex][b] : 0;
                mean[c * Seed.BANDS + b] += pattern + TRIAL_JITTER * rng.nextGaussian();
            }
        }
        double[] period = new double[Seed.BANDS];
        double[] phase = new double[Seed.BANDS];
        for (int b = 0; b < Seed.BANDS; b++) {
            period[b] = 60 + 120 * rng.nextDouble();
            phase[b] = 2 * Math.PI * rng.nextDouble();
        }
        double[] raw = new double[length * SLICE];
        for (int s = 0; s < length; s++) {
            for (int i = 0; i < SLICE; i++) {
                int b = i % Seed.BANDS;
                double drift = DRIFT * Math.sin(2 * Math.PI * s / period[b] + phase[b]);
                raw[s * SLICE + i] = Math.max(FLOOR, mean[i] + drift + NOISE * rng.nextGaussian());
            }
        }
        return new double[][] {exponentialSmooth(raw, length), movingAverage(raw, length)};
    }

    /** Centred moving average over {@code 2 * MOVING_AVERAGE_HALF_WIDTH + 1} seconds, cut at the ends. */
    private static double[] movingAverage(double[] raw, int length) {
        double[] out = new double[raw.length];
        for (int s = 0; s < length; s++) {
            int lo = Math.max(0, s - MOVING_AVERAGE_HALF_WIDTH);
            int hi = Math.min(length - 1, s + MOVING_AVERAGE_HALF_WIDTH);
            for (int i = 0; i < SLICE; i++) {
                double sum = 0;
                for (int u = lo; u <= hi; u++) {
                    sum += raw[u * SLICE + i];
                }
                out[s * SLICE + i] = sum / (hi - lo + 1);
            }
        }
        return out;
    }

    /** Exponential smoothing forward, then backward over the result (zero phase lag). */
    private static double[] exponentialSmooth(double[] raw, int length) {
        double[] out = raw.clone();
        for (int s = 1; s < length; s++) {
            for (int i = 0; i < SLICE; i++) {
                int p = s * SLICE + i;
                out[p] = out[p - SLICE] + SMOOTHING * (out[p] - out[p - SLICE]);
            }
        }
        for (int s = length - 2; s >= 0; s--) {
            for (int i = 0; i < SLICE; i++) {
                int p = s * SLICE + i;
                out[p] = out[p + SLICE] + SMOOTHING * (out[p] - out[p + SLICE]);
            }
        }
        return out;
    }
}
