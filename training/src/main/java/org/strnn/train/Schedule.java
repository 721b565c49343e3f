package org.strnn.train;

/** The learning rate over a run, as a function of the optimiser step. */
public enum Schedule {

    /** The base rate throughout. */
    CONSTANT,
    /**
     * Cosine decay from the base rate to zero over the planned steps of the run (Loshchilov and
     * Hutter 2017, without restarts): {@code lr * (1 + cos(pi * step / steps)) / 2}.
     */
    COSINE;

    /** The rate of step {@code step} (0-based) of {@code steps} planned steps. */
    public double rate(double base, long step, long steps) {
        if (this == CONSTANT || steps <= 0) {
            return base;
        }
        double progress = Math.min(1.0, (double) step / steps);
        return base * 0.5 * (1 + StrictMath.cos(Math.PI * progress));
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Schedule of(String key) {
        for (Schedule s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + key + "' (constant or cosine)");
    }
}
