package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph walk itself: fan-out, unused inputs, accumulation, no-grad, depth, determinism. */
class BackpropTest {

    @Test
    void fanOutAccumulatesEveryPath() {
        // y = x*x + 3x uses x three times; dy/dx = 2x + 3.
        Tensor x = Tensor.variable("x", 1, 2, 1.5, -2.0);
        Tensor y = Ops.sum(Ops.add(Ops.mul(x, x), Ops.scale(x, 3)));
        y.backward();
        assertArrayEquals(new double[] {2 * 1.5 + 3, 2 * -2.0 + 3}, x.gradData(), 0.0);
    }

    @Test
    void anInputThatDoesNotReachTheOutputGetsZeroGradient() {
        Tensor x = Tensor.variable("x", 1, 2, 1.0, 2.0);
        Tensor unused = Tensor.variable("unused", 2, 2, 1, 2, 3, 4);
        Tensor sameGraphButSliced = Ops.sliceCols(Ops.concatCols(List.of(x, Ops.sliceRows(unused, 0, 1))), 0, 2);
        Ops.sum(sameGraphButSliced).backward();
        assertArrayEquals(new double[] {1, 1}, x.gradData(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, unused.gradData(), 0.0);
        Tensor never = Tensor.variable("never", 1, 1, 5.0);
        assertFalse(never.hasGrad());
        assertEquals(0.0, never.grad(0, 0));
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor x = Tensor.variable("x", 1, 1, 2.0);
        Tensor y = Ops.square(x);
        y.backward();
        y.backward();
        assertEquals(8.0, x.grad(0, 0), 0.0, "two sweeps of the same graph add 2 * dy/dx");
        Ops.square(x).backward();
        assertEquals(12.0, x.grad(0, 0), 0.0);
        x.zeroGrad();
        assertEquals(0.0, x.grad(0, 0), 0.0);
        Ops.square(x).backward();
        assertEquals(4.0, x.grad(0, 0), 0.0);
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor x = Tensor.variable("x", 1, 1, 2.0);
        Tensor y;
        try (var off = Grad.disabled()) {
            assertFalse(Grad.isEnabled());
            y = Ops.tanh(Ops.mul(x, x));
            try (var nested = Grad.disabled()) {
                assertFalse(Grad.isEnabled());
            }
            assertFalse(Grad.isEnabled(), "closing a nested scope keeps the outer one");
        }
        assertTrue(Grad.isEnabled());
        assertFalse(y.requiresGrad());
        assertTrue(y.isLeaf());
        assertTrue(y.parents().isEmpty());
        assertEquals(Math.tanh(4.0), y.item(), 0.0);
        assertThrows(IllegalStateException.class, y::backward);
    }

    @Test
    void constantsRecordNothing() {
        Tensor a = Tensor.constant(1, 2, 1, 2);
        Tensor y = Ops.exp(a);
        assertFalse(y.requiresGrad());
        assertTrue(y.parents().isEmpty());
    }

    @Test
    void aTenThousandNodeChainDoesNotOverflowTheStack() {
        Tensor x = Tensor.variable("x", 1, 1, 0.5);
        Tensor y = x;
        for (int i = 0; i < 10_000; i++) {
            y = Ops.scale(Ops.addScalar(y, 0.0), 1.0);
        }
        Ops.sum(y).backward();
        assertEquals(1.0, x.grad(0, 0), 0.0);
    }

    @Test
    void intermediateGradientsAreReleasedAndLeavesKept() {
        Tensor x = Tensor.variable("x", 1, 1, 3.0);
        Tensor mid = Ops.square(x);
        Tensor y = Ops.scale(mid, 2.0);
        y.backward();
        assertFalse(mid.hasGrad());
        assertEquals(12.0, x.grad(0, 0), 0.0);
    }

    @Test
    void backwardIsBitIdenticalAcrossRuns() {
        double[] first = null;
        for (int run = 0; run < 3; run++) {
            Tensor a = Tensor.variable("a", 3, 3, 0.1, -0.7, 0.3, 1.1, 0.2, -0.4, 0.9, -1.3, 0.6);
            Tensor b = Tensor.variable("b", 3, 2, 0.5, -0.2, 0.8, 0.3, -0.9, 0.7);
            Tensor h = Ops.tanh(Ops.matmul(a, b));
            Tensor y = Ops.sum(Ops.add(Ops.matmulTransA(a, Ops.mul(h, h)), Ops.matmul(a, b)));
            y.backward();
            double[] g = a.gradData().clone();
            if (first == null) {
                first = g;
            } else {
                assertArrayEquals(first, g, 0.0);
            }
        }
    }

    @Test
    void backwardNeedsAScalarOrAnUpstreamOfTheRightShape() {
        Tensor x = Tensor.variable("x", 2, 2, 1, 2, 3, 4);
        Tensor y = Ops.tanh(x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, y::backward);
        assertTrue(e.getMessage().contains("2x2"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> y.backward(new org.ejml.data.DMatrixRMaj(2, 3)));
        assertTrue(e2.getMessage().contains("2x3") && e2.getMessage().contains("2x2"), e2.getMessage());
    }

    @Test
    void leavesAndDerivedTensorsDescribeThemselves() {
        Tensor w = Tensor.variable("encoder.W", 2, 3, new double[6]);
        Tensor y = Ops.relu(w);
        assertEquals("encoder.W", w.op());
        assertEquals("relu", y.op());
        assertEquals(List.of(w), y.parents());
        assertEquals("Tensor(relu, 2x3)", y.toString());
    }
}
