package org.strnn.datasets.edf;

import java.util.Objects;

/**
 * One EDF+ annotation: an event with a text.
 *
 * @param onsetSeconds seconds from the file's start date and time (may be negative)
 * @param durationSeconds seconds, or {@code NaN} when the annotation states no duration
 * @param text the annotation text (UTF-8 decoded), e.g. {@code "T1"}
 */
public record EdfAnnotation(double onsetSeconds, double durationSeconds, String text) {

    public EdfAnnotation {
        Objects.requireNonNull(text, "text");
        if (!Double.isFinite(onsetSeconds)) {
            throw new IllegalArgumentException("annotation onset must be finite, got " + onsetSeconds);
        }
        if (!Double.isNaN(durationSeconds) && !(durationSeconds >= 0 && Double.isFinite(durationSeconds))) {
            throw new IllegalArgumentException("annotation duration must be NaN or finite and >= 0, got "
                    + durationSeconds);
        }
    }

    /** Whether the annotation states a duration. */
    public boolean hasDuration() {
        return !Double.isNaN(durationSeconds);
    }

    /** Onset plus duration; the onset itself when there is no duration. */
    public double endSeconds() {
        return hasDuration() ? onsetSeconds + durationSeconds : onsetSeconds;
    }
}
