package org.strnn.train;

import org.strnn.nn.optim.Adam;
import org.strnn.nn.optim.AdamW;
import org.strnn.nn.optim.Optimizer;

/** The state of the optimisers whose state can be saved (Adam and AdamW), for checkpoints. */
public final class OptimizerStates {

    private OptimizerStates() {
    }

    /** The Adam moments and step counts of {@code o}, or null when it is not Adam or AdamW. */
    public static Adam.State export(Optimizer o) {
        if (o instanceof Adam a) {
            return a.exportState();
        }
        if (o instanceof AdamW w) {
            return w.exportState();
        }
        return null;
    }

    /** Restores a state from {@link #export}; fails when {@code o} keeps no such state. */
    public static void restore(Optimizer o, Adam.State state) {
        if (o instanceof Adam a) {
            a.importState(state);
        } else if (o instanceof AdamW w) {
            w.importState(state);
        } else {
            throw new IllegalArgumentException("cannot restore Adam state into " + o.getClass().getSimpleName());
        }
    }

    /** {@code "adam"}, {@code "adamw"}, or the class name of another optimiser. */
    public static String name(Optimizer o) {
        return o instanceof Adam ? "adam" : o instanceof AdamW ? "adamw" : o.getClass().getSimpleName().toLowerCase(
                java.util.Locale.ROOT);
    }
}
