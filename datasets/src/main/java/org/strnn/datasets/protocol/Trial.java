package org.strnn.datasets.protocol;

import java.util.Objects;

/**
 * One trial (a film clip, an event, a video): consecutive feature windows (time slices) with one
 * label. Window {@code w} holds {@code n x d} values (electrode-major) at
 * {@code values[(w * n + v) * d + f]}.
 *
 * <p>A trial may also hold ready-made samples ({@code sampleSteps > 0}): its windows are then
 * consecutive samples of {@code sampleSteps} windows each, taken as they are rather than slid over.
 *
 * @param label       the class index of every window of the trial
 * @param windows     number of windows
 * @param values      {@code windows * n * d} values, not copied: the caller hands them over
 * @param sampleSteps 0 for a continuous trial; else {@code T} of its ready-made samples
 */
public record Trial(int label, int windows, double[] values, int sampleSteps) {

    /** A continuous trial. */
    public Trial(int label, int windows, double[] values) {
        this(label, windows, values, 0);
    }

    public Trial {
        if (sampleSteps < 0 || (sampleSteps > 0 && windows % sampleSteps != 0)) {
            throw new IllegalArgumentException(windows + " windows are not whole samples of " + sampleSteps);
        }
        Objects.requireNonNull(values, "values");
        if (label < 0 || windows < 0) {
            throw new IllegalArgumentException("a trial needs label >= 0 and windows >= 0, got " + label + ", " + windows);
        }
        if (windows > 0 && values.length % windows != 0) {
            throw new IllegalArgumentException(values.length + " values are not " + windows + " equal windows");
        }
    }
}
