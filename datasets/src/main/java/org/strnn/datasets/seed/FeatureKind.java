package org.strnn.datasets.seed;

/**
 * Which smoothing of SEED's differential-entropy features to read. Each kind is a family of
 * variables named {@code <prefix><trial>}, trial 1..15, each {@code 62 x n_k x 5}.
 */
public enum FeatureKind {
    /** {@code de_LDS1..15}: DE smoothed by a linear dynamic system. The default. */
    DE_LDS("de_LDS"),
    /** {@code de_movingAve1..15}: DE smoothed by a moving average. */
    DE_MOVING_AVE("de_movingAve");

    private final String prefix;

    FeatureKind(String prefix) {
        this.prefix = prefix;
    }

    /** The variable-name prefix, e.g. {@code "de_LDS"}. */
    public String prefix() {
        return prefix;
    }

    /** The variable that holds trial {@code trial} (1-based), e.g. {@code "de_LDS3"}. */
    public String variable(int trial) {
        if (trial < 1 || trial > Seed.TRIALS) {
            throw new IllegalArgumentException("SEED trials are numbered 1.." + Seed.TRIALS + ", got " + trial);
        }
        return prefix + trial;
    }
}
