package org.strnn.datasets.features;

import java.util.List;
import org.strnn.datasets.DatasetException;

/**
 * Differential-entropy (DE) features of multichannel EEG, as in SEED.
 *
 * <p>For a Gaussian signal of variance {@code s2}, {@code DE = 0.5 ln(2 pi e s2)} (nats). Each
 * channel is band-limited with {@link FftBandPass} over the whole recording; then, for each slice
 * and band, {@code s2} is the mean of the squared band-limited samples in the slice. The mean
 * square is the variance because the band-limited signal has zero mean (every band excludes 0 Hz),
 * and subtracting a per-slice mean would remove real low-frequency power (half a delta cycle does
 * not average to zero over a 1-s slice).
 *
 * <p>Units: with signals in µV, {@code s2} is in µV² and DE is {@code 0.5 ln(2 pi e s2 / 1 µV²)}.
 * A slice whose band-limited signal is exactly zero has DE {@code -Infinity}; callers that need
 * finite features check for it (the EDF task builder reports the channel).
 */
public final class DifferentialEntropy {

    private DifferentialEntropy() {
    }

    /** {@code 0.5 ln(2 pi e variance)}; {@code -Infinity} for a variance of 0. */
    public static double of(double variance) {
        if (!(variance >= 0)) {
            throw new IllegalArgumentException("a variance must be non-negative, got " + variance);
        }
        return 0.5 * Math.log(2 * Math.PI * Math.E * variance);
    }

    /** The variance whose DE is {@code de}: the inverse of {@link #of(double)}. */
    public static double variance(double de) {
        return Math.exp(2 * de) / (2 * Math.PI * Math.E);
    }

    /**
     * DE of regular slices in the SEED bands.
     *
     * @param signals {@code [channels][n]}, every channel of the same length, at {@code sampleRate} Hz
     * @return {@code [slices][channels][5]}, slices as {@link Slicing#starts(int, double)} gives them
     */
    public static double[][][] compute(double[][] signals, double sampleRate, Slicing slicing) {
        int n = commonLength(signals);
        return compute(signals, sampleRate, Band.SEED, slicing.starts(n, sampleRate), slicing.lengthSamples(sampleRate));
    }

    /**
     * DE of slices that start anywhere (for example at event onsets).
     *
     * @param signals {@code [channels][n]} at {@code sampleRate} Hz
     * @param bands the bands, each below the Nyquist frequency
     * @param starts first sample of each slice; each slice {@code [start, start + length)} must lie in {@code [0, n)}
     * @param length samples per slice
     * @return {@code [starts.length][channels][bands.size()]}
     */
    public static double[][][] compute(double[][] signals, double sampleRate, List<Band> bands, int[] starts, int length) {
        int n = commonLength(signals);
        if (length < 1) {
            throw new IllegalArgumentException("a slice needs at least one sample, got " + length);
        }
        for (int s = 0; s < starts.length; s++) {
            if (starts[s] < 0 || (long) starts[s] + length > n) {
                throw new DatasetException("slice " + s + " (samples " + starts[s] + " to " + ((long) starts[s] + length)
                        + ") does not fit in a recording of " + n + " samples");
            }
        }
        double[][][] de = new double[starts.length][signals.length][bands.size()];
        if (starts.length == 0) {
            return de;
        }
        FftBandPass filter = new FftBandPass(n, sampleRate, bands);
        for (int c = 0; c < signals.length; c++) {
            double[][] limited = filter.apply(signals[c]);
            for (int b = 0; b < bands.size(); b++) {
                double[] y = limited[b];
                for (int s = 0; s < starts.length; s++) {
                    double sum = 0;
                    for (int i = starts[s]; i < starts[s] + length; i++) {
                        sum += y[i] * y[i];
                    }
                    de[s][c][b] = of(sum / length);
                }
            }
        }
        return de;
    }

    private static int commonLength(double[][] signals) {
        if (signals.length == 0) {
            throw new IllegalArgumentException("no channels");
        }
        int n = signals[0].length;
        for (int c = 1; c < signals.length; c++) {
            if (signals[c].length != n) {
                throw new IllegalArgumentException("channel " + c + " has " + signals[c].length
                        + " samples, channel 0 has " + n);
            }
        }
        return n;
    }
}
