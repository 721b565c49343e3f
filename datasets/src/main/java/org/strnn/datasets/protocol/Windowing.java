package org.strnn.datasets.protocol;

import java.util.List;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layout;
import org.strnn.datasets.SampleSet;

/**
 * Cuts trials into samples: a sample is {@code steps} consecutive windows of one trial, and
 * samples start every {@code stride} windows (spec section 1: {@code T = 9}, stride 1). A trial of
 * {@code w} windows gives {@code floor((w - T) / stride) + 1} samples, none when {@code w < T}; with
 * {@code firstOnly} it gives one, its first {@code T} windows. A sample never spans two trials,
 * and the samples of one trial share one trial id ({@link SampleSet#withTrials}).
 *
 * @param steps     {@code T}, windows per sample
 * @param stride    windows between the starts of consecutive samples of one trial
 * @param firstOnly one sample per trial (the first {@code T} windows) instead of all of them
 */
public record Windowing(int steps, int stride, boolean firstOnly) {

    public Windowing {
        if (steps < 1 || stride < 1) {
            throw new IllegalArgumentException("windowing needs T >= 1 and stride >= 1, got T=" + steps + ", stride="
                    + stride);
        }
    }

    /** Samples from {@code trial}; a trial of ready-made samples must have {@code T}-window samples. */
    public int count(Trial trial) {
        if (trial.sampleSteps() == 0) {
            return count(trial.windows());
        }
        if (trial.sampleSteps() != steps) {
            throw new DatasetException("the samples of this source are T = " + trial.sampleSteps()
                    + " slices long, but T = " + steps + " was asked for (--steps)");
        }
        return firstOnly ? Math.min(1, trial.windows()) : trial.windows() / steps;
    }

    /** Samples from a continuous trial of {@code windows} windows. */
    public int count(int windows) {
        if (windows < steps) {
            return 0;
        }
        return firstOnly ? 1 : (windows - steps) / stride + 1;
    }

    /** How many of {@code trials} are shorter than {@code T} and give no sample. */
    public int tooShort(List<Trial> trials) {
        int n = 0;
        for (Trial t : trials) {
            n += t.windows() < steps ? 1 : 0;
        }
        return n;
    }

    /**
     * The samples of {@code trials}, trial by trial, each trial its own trial id (0, 1, ... in list
     * order, also for trials that give no sample).
     *
     * @param features {@code d}; every window must hold {@code layout.size() * features} values
     */
    public SampleSet samples(List<Trial> trials, Layout layout, int features, List<String> classNames) {
        int slice = layout.size() * features;
        long total = 0;
        for (Trial t : trials) {
            if (t.values().length != (long) t.windows() * slice) {
                throw new IllegalArgumentException("a trial of " + t.windows() + " windows holds " + t.values().length
                        + " values, not windows x " + layout.size() + " x " + features);
            }
            total += count(t);
        }
        long values = total * steps * slice;
        if (values > Integer.MAX_VALUE - 8) {
            throw new DatasetException(total + " samples of T = " + steps + " x " + layout.size() + " x " + features
                    + " do not fit in one sample set; use a larger --stride or fewer subjects");
        }
        double[] data = new double[(int) values];
        int[] labels = new int[(int) total];
        int[] ids = new int[(int) total];
        int window = steps * slice;
        int i = 0;
        for (int k = 0; k < trials.size(); k++) {
            Trial t = trials.get(k);
            int advance = t.sampleSteps() > 0 ? steps : stride;
            for (int s = 0, n = count(t); s < n; s++, i++) {
                System.arraycopy(t.values(), s * advance * slice, data, i * window, window);
                labels[i] = t.label();
                ids[i] = k;
            }
        }
        return new SampleSet(data, labels, steps, layout, features, classNames).withTrials(ids);
    }
}
