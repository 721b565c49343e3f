package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;

/**
 * How an op sends its gradient back: given {@code upstream = dL/d(output)}, add
 * {@code dL/d(parent)} into {@link Tensor#gradBuffer()} of each parent that
 * {@link Tensor#requiresGrad()}. Must not modify {@code upstream}, and must be linear in it.
 */
@FunctionalInterface
public interface Backward {
    void apply(DMatrixRMaj upstream);
}
