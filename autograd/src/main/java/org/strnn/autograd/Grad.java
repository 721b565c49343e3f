package org.strnn.autograd;

/**
 * Gradient recording for the current thread. Recording is on by default;
 * {@code try (var off = Grad.disabled()) { ... }} turns it off for the block, so ops inside it
 * record no graph at all (inference, evaluation, finite differences). Scopes nest.
 */
public final class Grad {

    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Grad() {
    }

    /** True when ops on this thread record a graph. */
    public static boolean isEnabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    /** Turns recording off on this thread until the returned scope is closed. */
    public static Scope disabled() {
        return new Scope(DISABLED_DEPTH.get());
    }
}
