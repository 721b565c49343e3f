package org.strnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.nn.optim.Sgd;

/** The L1 penalty as a loss term and the proximal soft-threshold. */
class SparsityTest {

    @Test
    void l1PenaltyValueAndSubgradient() {
        Tensor a = Tensor.variable("a", 1, 3, 1.5, 0.0, -2.0);
        Tensor b = Tensor.variable("b", 2, 1, -0.5, 4.0);
        Tensor pen = Sparsity.l1Penalty(List.of(a, b), 0.1);
        assertEquals(0.1 * (1.5 + 2 + 0.5 + 4), pen.item(), 1e-15);
        pen.backward();
        assertArrayEquals(new double[] {0.1, 0.0, -0.1}, a.gradData(), 0.0); // d|w|/dw (0) = 0
        assertArrayEquals(new double[] {-0.1, 0.1}, b.gradData(), 0.0);
        assertEquals(0.0, Sparsity.l1Penalty(List.of(), 0.1).item());
        assertThrows(IllegalArgumentException.class, () -> Sparsity.l1Penalty(List.of(a), -1));
    }

    @Test
    void softThresholdProducesExactZeros() {
        Tensor w = Tensor.variable("w", 2, 3, 0.3, -0.05, 0.1, -0.7, 0.0, Double.NaN);
        int zeros = Sparsity.proximalL1(List.of(w), 0.1);
        assertArrayEquals(new double[] {0.2, 0.0, 0.0, -0.6, 0.0}, java.util.Arrays.copyOf(w.data(), 5), 1e-16);
        assertEquals(0.0, w.data()[2]); // |w| == threshold lands exactly on zero
        assertEquals(1 / Double.POSITIVE_INFINITY, w.data()[1]); // +0.0, not -0.0
        assertTrue(Double.isNaN(w.data()[5]), "NaN is not hidden as a zero");
        assertEquals(3, zeros);
    }

    /**
     * With plain SGD, step-then-threshold with lr * lambda is the proximal-gradient (ISTA) step: on
     * {@code 0.5 |w - t|^2 + lambda |w|_1} it converges to the soft-thresholded target, with exact
     * zeros where {@code |t| <= lambda}; the subgradient penalty only oscillates around zero.
     */
    @Test
    void proximalGradientReachesTheLassoSolution() {
        double lambda = 0.3;
        double lr = 0.1;
        Tensor target = Tensor.constant(1, 4, 1.0, -0.2, 0.25, -2.0);
        Tensor w = Tensor.variable("w", 1, 4, 0.5, 0.5, -0.5, 0.5);
        Tensor v = Tensor.variable("v", 1, 4, 0.5, 0.5, -0.5, 0.5);
        Sgd prox = new Sgd(List.of(w), lr);
        Sgd sub = new Sgd(List.of(v), lr);
        for (int i = 0; i < 300; i++) {
            w.zeroGrad();
            Ops.scale(Ops.sum(Ops.square(Ops.sub(w, target))), 0.5).backward();
            prox.step();
            Sparsity.proximalL1(List.of(w), lr * lambda);
            v.zeroGrad();
            Ops.add(Ops.scale(Ops.sum(Ops.square(Ops.sub(v, target))), 0.5), Sparsity.l1Penalty(List.of(v), lambda))
                    .backward();
            sub.step();
        }
        assertArrayEquals(new double[] {0.7, 0.0, 0.0, -1.7}, w.data(), 1e-12);
        assertEquals(0.0, w.data()[1]);
        assertEquals(0.0, w.data()[2]);
        assertTrue(v.data()[1] != 0.0 || v.data()[2] != 0.0, "the subgradient path rarely lands on exact zeros");
    }
}
