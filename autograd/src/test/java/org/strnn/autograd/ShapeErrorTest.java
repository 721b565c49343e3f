package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.strnn.autograd.types.Dag;

/** A shape mismatch throws IllegalArgumentException naming the op and both shapes. */
class ShapeErrorTest {

    private static final Tensor A23 = Tensor.constant(2, 3, new double[6]);
    private static final Tensor B32 = Tensor.constant(3, 2, new double[6]);
    private static final Tensor C24 = Tensor.constant(2, 4, new double[8]);

    private static void rejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    @Test
    void elementwiseOpsNameBothShapes() {
        rejects(() -> Ops.add(A23, B32), "add", "2x3", "3x2");
        rejects(() -> Ops.sub(A23, C24), "sub", "2x3", "2x4");
        rejects(() -> Ops.mul(A23, B32), "mul", "2x3", "3x2");
        rejects(() -> Ops.div(A23, B32), "div", "2x3", "3x2");
    }

    @Test
    void productsNameBothShapes() {
        rejects(() -> Ops.matmul(A23, C24), "matmul", "2x3", "2x4");
        rejects(() -> Ops.matmulTransA(A23, B32), "matmulTransA", "2x3", "3x2");
        rejects(() -> Ops.matmulTransB(A23, B32), "matmulTransB", "2x3", "3x2");
    }

    @Test
    void structuralOpsNameTheirShapes() {
        rejects(() -> Ops.addRow(A23, Tensor.constant(1, 2, 0, 0)), "addRow", "2x3", "1x2");
        rejects(() -> Ops.concatRows(List.of(A23, C24)), "concatRows", "2x3", "2x4");
        rejects(() -> Ops.concatCols(List.of(A23, B32)), "concatCols", "2x3", "3x2");
        rejects(() -> Ops.sliceRows(A23, 1, 2), "sliceRows", "2x3");
        rejects(() -> Ops.sliceCols(A23, 2, 2), "sliceCols", "2x3");
        rejects(() -> Ops.reshape(A23, 4, 2), "reshape", "2x3", "4x2");
        rejects(() -> Ops.mixBlocks(A23, B32, 2), "mixBlocks", "2x3", "3x2");
        rejects(() -> Ops.softmaxCrossEntropy(A23, new int[] {0}), "softmaxCrossEntropy", "2x3");
        rejects(() -> Ops.softmaxCrossEntropy(A23, new int[] {0, 3}), "softmaxCrossEntropy", "label 3");
        Dag dag = Dag.fromPredecessors(new int[][] {{}, {0}});
    }

    @Test
    void leavesRejectDataOfTheWrongLength() {
        rejects(() -> Tensor.constant(2, 2, 1, 2, 3), "2x2", "3");
    }
}
