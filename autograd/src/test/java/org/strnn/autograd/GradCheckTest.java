package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.check.GradCheck;
import org.strnn.autograd.check.GradCheckFailure;
import org.strnn.autograd.check.GradCheckReport;

/** The checker's own failure path: a deliberately wrong gradient must be caught and described. */
class GradCheckTest {

    /** y = x^2 with a wrong backward (3x instead of 2x). */
    private static Tensor wrongSquare(Tensor x) {
        DMatrixRMaj out = new DMatrixRMaj(x.rows(), x.cols());
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = x.data()[i] * x.data()[i];
        }
        return Tensor.derived("wrongSquare", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += 3 * x.data()[i] * g.data[i];
            }
        }, x);
    }

    /** y = x with a backward that is not linear in the upstream gradient (adds a constant). */
    private static Tensor affineBackward(Tensor x) {
        return Tensor.derived("affineBackward", x.copyValue(), g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g.data[i] + (g.data[i] == 1.0 || g.data[i] == 0.0 ? 0.0 : 1e-3);
            }
        }, x);
    }

    @Test
    void jacobianCheckCatchesAWrongGradientAndSaysWhere() {
        DMatrixRMaj x = new DMatrixRMaj(2, 2, true, 0.5, -1.0, 2.0, 1.5);
        GradCheckFailure e = assertThrows(GradCheckFailure.class, () -> GradCheck.defaults()
                .jacobian("wrongSquare", in -> wrongSquare(in.get(0)), List.of(x), new SplittableRandom(1)));
        String m = e.getMessage();
        assertTrue(m.startsWith("wrongSquare: d out[0,0] / d input 0[0,0]"), m);
        assertTrue(m.contains("analytic 1.5, numeric 0.99999") || m.contains("analytic 1.5, numeric 1.00000"), m);
    }

    @Test
    void jacobianCheckCatchesABackwardThatIsNotLinearInTheUpstream() {
        DMatrixRMaj x = new DMatrixRMaj(1, 2, true, 0.5, -1.0);
        GradCheckFailure e = assertThrows(GradCheckFailure.class, () -> GradCheck.defaults()
                .jacobian("affineBackward", in -> affineBackward(in.get(0)), List.of(x), new SplittableRandom(2)));
        assertTrue(e.getMessage().contains("affineBackward"), e.getMessage());
    }

    @Test
    void directionCheckCatchesAWrongGradientInsideABiggerModel() {
        Tensor w = Tensor.variable("W", 3, 2, 0.1, 0.2, -0.3, 0.4, 0.5, -0.6);
        Tensor x = Tensor.constant(4, 3, 1, 2, 3, -1, 0.5, 2, 0.3, -0.2, 1, 1, 1, 1);
        GradCheckFailure e = assertThrows(GradCheckFailure.class, () -> GradCheck.defaults().direction("model",
                () -> Ops.sum(wrongSquare(Ops.tanh(Ops.matmul(x, w)))), List.of(w), 3, new SplittableRandom(3)));
        assertTrue(e.getMessage().startsWith("model: along random direction 0"), e.getMessage());
    }

    @Test
    void aFailingWholeModelCheckNamesTheParameterThatIsWrong() {
        // Only "second" passes through the wrong backward; "first" is correct.
        Tensor first = Tensor.variable("W", 3, 2, 0.1, 0.2, -0.3, 0.4, 0.5, -0.6);
        Tensor second = Tensor.variable("W", 4, 2, 0.3, -0.1, 0.2, 0.7, -0.4, 0.1, 0.6, -0.2);
        Tensor x = Tensor.constant(4, 3, 1, 2, 3, -1, 0.5, 2, 0.3, -0.2, 1, 1, 1, 1);
        java.util.Map<String, Tensor> params = new java.util.LinkedHashMap<>();
        params.put("first", first);
        params.put("second", second);
        GradCheckFailure e = assertThrows(GradCheckFailure.class, () -> GradCheck.defaults().direction("model",
                () -> Ops.add(Ops.sum(Ops.tanh(Ops.matmul(x, first))), Ops.sum(wrongSquare(second))), params, 3,
                new SplittableRandom(3)));
        assertTrue(e.getMessage().contains("parameters that disagree on their own: second ("), e.getMessage());
        assertFalse(e.getMessage().contains("first ("), e.getMessage());
    }

    @Test
    void reportsCountTheComparisonsAndSayWhereTheWorstWas() {
        DMatrixRMaj x = new DMatrixRMaj(2, 3, true, 0.5, -1.0, 2.0, 1.5, 0.25, -0.75);
        java.util.Map<String, DMatrixRMaj> inputs = new java.util.LinkedHashMap<>();
        inputs.put("x", x);
        GradCheckReport r = GradCheck.defaults().jacobian("tanh", in -> Ops.tanh(in.get(0)), inputs,
                new SplittableRandom(5));
        // 6 outputs x 6 elements of the Jacobian, then 6 elements of J^T v.
        assertEquals(42, r.comparisons());
        assertTrue(r.worstAt().contains("/ d x[") || r.worstAt().startsWith("J^T v at x["), r.worstAt());
    }

    @Test
    void directionCheckPassesOnACorrectModelAndRestoresParameters() {
        Tensor w = Tensor.variable("W", 3, 2, 0.1, 0.2, -0.3, 0.4, 0.5, -0.6);
        Tensor b = Tensor.variable("b", 1, 2, 0.05, -0.05);
        Tensor x = Tensor.constant(4, 3, 1, 2, 3, -1, 0.5, 2, 0.3, -0.2, 1, 1, 1, 1);
        double[] before = w.data().clone();
        Ops.sum(Ops.matmul(x, w)).backward();
        double[] gradBefore = w.gradData().clone();
        GradCheckReport r = GradCheck.defaults().direction("linear-tanh",
                () -> Ops.softmaxCrossEntropy(Ops.addRow(Ops.tanh(Ops.matmul(x, w)), b), new int[] {0, 1, 1, 0}),
                List.of(w, b), 5, new SplittableRandom(4));
        assertEquals(5, r.comparisons());
        assertArrayEquals(before, w.data(), 0.0);
        assertArrayEquals(gradBefore, w.gradData(), 0.0);
    }
}
