package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftmaxTest {

    @Test
    void largeLogitsStayFinite() {
        Tensor x = Tensor.variable("x", 2, 3, 1000, 1001, 999, -1000, -1002, -1001);
        Tensor p = Ops.softmax(x);
        double e1 = Math.exp(-1);
        double e2 = Math.exp(-2);
        assertEquals(1 / (1 + e1 + e2), p.get(0, 1), 1e-15);
        assertEquals(1 / (1 + e1 + e2), p.get(1, 0), 1e-15);
        Tensor loss = Ops.softmaxCrossEntropy(x, new int[] {2, 1});
        // row 0: lse - x_2 = 1001 + log(1 + e^-1 + e^-2) - 999; row 1: -1000 + log(...) + 1002.
        double expected = (2 + Math.log(1 + e1 + e2) + 2 + Math.log(1 + e1 + e2)) / 2;
        assertEquals(expected, loss.item(), 1e-12);
        loss.backward();
        for (double g : x.gradData()) {
            assertTrue(Double.isFinite(g));
        }
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusOneHotOverRows() {
        Tensor x = Tensor.variable("x", 1, 2, 0.0, 0.0);
        Ops.softmaxCrossEntropy(x, new int[] {1}).backward();
        assertEquals(0.5, x.grad(0, 0), 1e-15);
        assertEquals(-0.5, x.grad(0, 1), 1e-15);
        assertEquals(Math.log(2), Ops.softmaxCrossEntropy(Tensor.constant(1, 2, 0, 0), new int[] {0}).item(), 1e-15);
    }

    @Test
    void logSoftmaxIsLogOfSoftmax() {
        Tensor x = Tensor.constant(1, 3, 0.3, -2.0, 5.0);
        Tensor a = Ops.logSoftmax(x);
        Tensor b = Ops.log(Ops.softmax(x));
        for (int j = 0; j < 3; j++) {
            assertEquals(b.get(0, j), a.get(0, j), 1e-12);
        }
    }
}
