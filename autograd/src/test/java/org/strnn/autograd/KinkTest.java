package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.strnn.autograd.types.Activation;
import org.strnn.autograd.types.Dag;

/** The minimum-norm subgradient at kinks, pinned exactly: relu'(0) = 0 and abs'(0) = 0. */
class KinkTest {

    @Test
    void reluHasZeroDerivativeAtZero() {
        Tensor x = Tensor.variable("x", 1, 3, 0.0, -0.0, 1e-300);
        Ops.sum(Ops.relu(x)).backward();
        assertArrayEquals(new double[] {0.0, 0.0, 1.0}, x.gradData(), 0.0);
    }

    @Test
    void absHasZeroDerivativeAtZero() {
        Tensor x = Tensor.variable("x", 1, 4, 0.0, -0.0, 2.0, -3.0);
        Ops.sum(Ops.abs(x)).backward();
        assertArrayEquals(new double[] {0.0, 0.0, 1.0, -1.0}, x.gradData(), 0.0);
    }

    @Test
    void l1OfAllZerosHasZeroGradient() {
        Tensor g = Tensor.variable("G", 2, 2, new double[4]);
        Ops.l1(g).backward();
        assertArrayEquals(new double[4], g.gradData(), 0.0);
    }

    @Test
    void fusedReluRecurrenceAlsoUsesZeroAtTheKink() {
        // One vertex, no predecessors, U = I and G = 1: h = relu(xw + b) with xw + b = 0 exactly.
        Dag single = Dag.fromPredecessors(new int[][] {{}});
        Tensor xw = Tensor.variable("xw", 1, 2, 0.5, 1.0);
        Tensor u = Tensor.constant(2, 2, 1, 0, 0, 1);
        Tensor w = Tensor.variable("W", 2, 2, 1, 0, 0, 1);
        Tensor b = Tensor.variable("b", 1, 2, -0.5, 1.0);
        Tensor g = Tensor.constant(1, 1, 1.0);
        Ops.sum(Ops.spatialRecurrence(xw, u, w, b, g, single, Activation.RELU)).backward();
        assertEquals(0.0, xw.grad(0, 0), 0.0);
        assertEquals(1.0, xw.grad(0, 1), 0.0);
        assertEquals(0.0, b.grad(0, 0), 0.0);
    }
}
