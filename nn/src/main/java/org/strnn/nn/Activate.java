package org.strnn.nn;

import java.util.Objects;
import org.strnn.autograd.Ops;
import org.strnn.autograd.types.Activation;

/**
 * Elementwise activations as {@link Layer}s, so that they can sit in a {@link Sequential}. They
 * have no parameters; the math, and the gradient at kinks, is that of the {@link Ops} function.
 */
public final class Activate {

    private Activate() {
    }

    /** {@code max(x, 0)}, with {@code relu'(0) = 0}. */
    public static Layer relu() {
        return Ops::relu;
    }

    /** {@code tanh(x)}. */
    public static Layer tanh() {
        return Ops::tanh;
    }

    /** {@code 1 / (1 + e^-x)}. */
    public static Layer sigmoid() {
        return Ops::sigmoid;
    }

    /** The layer for a recurrence {@link Activation}. */
    public static Layer of(Activation act) {
        Objects.requireNonNull(act, "act");
        return x -> Ops.activate(x, act);
    }
}
