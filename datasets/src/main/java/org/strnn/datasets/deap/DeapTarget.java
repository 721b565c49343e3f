package org.strnn.datasets.deap;

import java.util.List;

/**
 * What a DEAP trial is classified by: high or low valence, high or low arousal (a rating above
 * the threshold is high), or the four valence-arousal quadrants.
 */
public enum DeapTarget {
    VALENCE(List.of("low-valence", "high-valence")),
    AROUSAL(List.of("low-arousal", "high-arousal")),
    QUADRANT(List.of("LVLA", "LVHA", "HVLA", "HVHA"));

    private final List<String> classNames;

    DeapTarget(List<String> classNames) {
        this.classNames = classNames;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The class of a trial rated {@code valence} and {@code arousal} (1-9), high meaning {@code > threshold}. */
    public int classOf(double valence, double arousal, double threshold) {
        int v = valence > threshold ? 1 : 0;
        int a = arousal > threshold ? 1 : 0;
        return switch (this) {
            case VALENCE -> v;
            case AROUSAL -> a;
            case QUADRANT -> 2 * v + a;
        };
    }
}
