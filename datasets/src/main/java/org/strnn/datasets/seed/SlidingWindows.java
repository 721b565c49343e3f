package org.strnn.datasets.seed;

import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;

/**
 * Cuts trials into samples of {@code T} consecutive seconds with stride 1 (spec section 1). A trial
 * of {@code n} seconds gives {@code n - T + 1} samples, labelled with the trial's class. Sample
 * {@code i}, starting at second {@code start}, holds at {@code (i, t, v, f)} the feature of channel
 * {@code v} in band {@code f} during second {@code start + t}. Every window carries its trial's
 * number (1-15) as its trial id, so no split puts one trial on both sides.
 */
final class SlidingWindows {

    private SlidingWindows() {
    }

    /** Samples from a trial of {@code length} seconds: {@code max(0, length - steps + 1)}. */
    static int count(int length, int steps) {
        return Math.max(0, length - steps + 1);
    }

    /**
     * All windows of trials {@code first..last} (1-based, inclusive), trial by trial, in order of
     * start second.
     *
     * @throws DatasetException if one of these trials is shorter than {@code steps} seconds
     */
    static SampleSet of(SeedRecording recording, int first, int last, int steps) {
        long total = 0;
        for (int k = first; k <= last; k++) {
            int n = recording.length(k);
            if (n < steps) {
                throw new DatasetException(recording.experiment().file(), "trial " + k + " ("
                        + recording.kind().variable(k) + ") lasts " + n + " s, shorter than the window of T = "
                        + steps + " s");
            }
            total += count(n, steps);
        }
        int window = steps * SeedRecording.SLICE;
        if (total * window > Integer.MAX_VALUE - 8) {
            throw new DatasetException(recording.experiment().file(), total + " windows of T = " + steps
                    + " do not fit in one sample set");
        }
        double[] data = new double[(int) total * window];
        int[] labels = new int[(int) total];
        int[] trials = new int[(int) total];
        int i = 0;
        for (int k = first; k <= last; k++) {
            double[] slices = recording.slices(k);
            int label = recording.label(k);
            for (int start = 0, windows = count(recording.length(k), steps); start < windows; start++, i++) {
                // Second-major storage makes a window one contiguous run of T * 62 * 5 values,
                // already in SampleSet's (t, v, f) order.
                System.arraycopy(slices, start * SeedRecording.SLICE, data, i * window, window);
                labels[i] = label;
                trials[i] = k;
            }
        }
        return new SampleSet(data, labels, steps, Layouts.seed62(), Seed.BANDS, Seed.CLASS_NAMES).withTrials(trials);
    }
}
