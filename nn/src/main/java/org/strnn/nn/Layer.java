package org.strnn.nn;

import org.strnn.autograd.Tensor;

/** A function of one batch (batch along rows), such as {@link Linear} or an {@link Activate} function. */
@FunctionalInterface
public interface Layer {

    /** The output for input {@code x}, one row per example. */
    Tensor apply(Tensor x);
}
