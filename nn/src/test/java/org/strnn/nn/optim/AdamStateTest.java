package org.strnn.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;

/** Adam's state survives export and import exactly, so a resumed run matches an uninterrupted one. */
class AdamStateTest {

    private static void step(Tensor w, Tensor b, Adam adam) {
        w.zeroGrad();
        b.zeroGrad();
        Tensor x = Tensor.constant(2, 3, 1, -2, 0.5, 0.3, 0.1, -1);
        Ops.sum(Ops.square(Ops.tanh(Ops.addRow(Ops.matmulTransB(x, w), b)))).backward();
        adam.step();
    }

    @Test
    void resumingFromAnExportedStateMatchesAnUninterruptedRunBitForBit() {
        Tensor w1 = Tensor.variable("W", 2, 3, 0.1, -0.2, 0.3, 0.4, -0.5, 0.6);
        Tensor b1 = Tensor.variable("b", 1, 2, 0.0, 0.0);
        Adam straight = new Adam(List.of(w1, b1), 0.05);
        for (int i = 0; i < 6; i++) {
            step(w1, b1, straight);
        }

        Tensor w2 = Tensor.variable("W", 2, 3, 0.1, -0.2, 0.3, 0.4, -0.5, 0.6);
        Tensor b2 = Tensor.variable("b", 1, 2, 0.0, 0.0);
        Adam first = new Adam(List.of(w2, b2), 0.05);
        for (int i = 0; i < 3; i++) {
            step(w2, b2, first);
        }
        Adam.State saved = first.exportState();
        Adam resumed = new Adam(List.of(w2, b2), 0.05);
        resumed.importState(saved);
        for (int i = 0; i < 3; i++) {
            step(w2, b2, resumed);
        }
        assertArrayEquals(w1.data(), w2.data(), 0.0);
        assertArrayEquals(b1.data(), b2.data(), 0.0);
    }

    @Test
    void aStateOfOtherShapesIsRejected() {
        Tensor w = Tensor.variable("W", 1, 2, 1, 2);
        Adam adam = new Adam(List.of(w), 0.1);
        assertThrows(IllegalArgumentException.class, () -> adam.importState(
                new Adam.State(new double[][] {new double[3]}, new double[][] {new double[3]}, new int[] {1})));
        assertThrows(IllegalArgumentException.class, () -> adam.importState(
                new Adam.State(new double[2][], new double[2][], new int[2])));
    }
}
