package org.strnn.datasets.features;

/**
 * How a recording is cut into time slices: each slice lasts {@code lengthSeconds}, and consecutive
 * slices overlap by {@code overlapSeconds} (so they start {@code length - overlap} seconds apart).
 *
 * <p>The default, {@link #SEED}, is SEED's: 1-s slices without overlap. Both durations must be
 * whole numbers of samples at the recording's sampling rate; a slice of 0.3 s at 160 Hz (48
 * samples) is fine, one of 0.33 s is refused rather than rounded.
 */
public record Slicing(double lengthSeconds, double overlapSeconds) {

    /** 1-s slices, no overlap. */
    public static final Slicing SEED = new Slicing(1.0, 0.0);

    public Slicing {
        if (!(lengthSeconds > 0) || Double.isInfinite(lengthSeconds)) {
            throw new IllegalArgumentException("slice length must be positive and finite, got " + lengthSeconds + " s");
        }
        if (!(overlapSeconds >= 0) || !(overlapSeconds < lengthSeconds)) {
            throw new IllegalArgumentException("slice overlap must be in [0, length = " + lengthSeconds + " s), got "
                    + overlapSeconds + " s");
        }
    }

    /** Samples in one slice at {@code sampleRate} Hz. */
    public int lengthSamples(double sampleRate) {
        return wholeSamples(lengthSeconds, sampleRate, "slice length");
    }

    /** Samples between the starts of consecutive slices at {@code sampleRate} Hz. */
    public int stepSamples(double sampleRate) {
        return lengthSamples(sampleRate) - wholeSamples(overlapSeconds, sampleRate, "slice overlap");
    }

    /**
     * The first sample of every slice that fits entirely in {@code n} samples: {@code 0, step,
     * 2 step, ...}. Empty when {@code n} is shorter than one slice.
     */
    public int[] starts(int n, double sampleRate) {
        int length = lengthSamples(sampleRate);
        int step = stepSamples(sampleRate);
        int count = n < length ? 0 : (n - length) / step + 1;
        int[] starts = new int[count];
        for (int s = 0; s < count; s++) {
            starts[s] = s * step;
        }
        return starts;
    }

    private static int wholeSamples(double seconds, double sampleRate, String what) {
        double samples = seconds * sampleRate;
        long rounded = Math.round(samples);
        if (Math.abs(samples - rounded) > 1e-6 || rounded > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " " + seconds + " s is not a whole number of samples at "
                    + sampleRate + " Hz (" + samples + ")");
        }
        return (int) rounded;
    }
}
