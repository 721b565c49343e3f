package org.strnn.datasets.protocol;

import java.util.Objects;

/**
 * One trial (a film clip, an event, a video): consecutive feature windows (time slices) with one
 * label. Window {@code w} holds {@code n x d} values (electrode-major) at
 * {@code values[(w * n + v) * d + f]}.
 *
 * @param label   the class index of every window of the trial
 * @param windows number of windows
 * @param values  {@code windows * n * d} values, not copied: the caller hands them over
 */
public record Trial(int label, int windows, double[] values) {
    public Trial {
        Objects.requireNonNull(values, "values");
        if (label < 0 || windows < 0) {
            throw new IllegalArgumentException("a trial needs label >= 0 and windows >= 0, got " + label + ", " + windows);
        }
        if (windows > 0 && values.length % windows != 0) {
            throw new IllegalArgumentException(values.length + " values are not " + windows + " equal windows");
        }
    }
}
