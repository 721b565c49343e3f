package org.strnn.autograd;

import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.check.Gen;
import org.strnn.autograd.check.GradCheck;
import org.strnn.autograd.check.Property;
import org.strnn.autograd.types.Activation;
import org.strnn.autograd.types.Dag;

/**
 * Every op against central finite differences: the full Jacobian, a random upstream gradient, and
 * linearity in the upstream gradient (all three are done by {@link GradCheck#jacobian}), on
 * generated shapes that include 1x1, 1xN and Nx1.
 */
class OpsGradientTest {

    private static final int TRIALS = 20;
    private static final GradCheck CHECK = GradCheck.defaults();

    private static void check(String op, Gen gen, Function<List<Tensor>, Tensor> f, DMatrixRMaj... inputs) {
        CHECK.jacobian(op, f, List.of(inputs), gen.random());
    }

    private static void unary(String op, Function<Tensor, Tensor> f, double kink, double lo, double hi) {
        Property.check(op + " gradient", TRIALS, gen -> {
            int[] s = gen.shape(4, 4);
            DMatrixRMaj x = Double.isNaN(kink) ? gen.matrix(s[0], s[1], lo, hi) : gen.matrixAwayFrom(s[0], s[1], kink, 0.05);
            check(op, gen, in -> f.apply(in.get(0)), x);
        });
    }

    private static void binary(String op, java.util.function.BiFunction<Tensor, Tensor, Tensor> f) {
        Property.check(op + " gradient", TRIALS, gen -> {
            int[] s = gen.shape(4, 4);
            check(op, gen, in -> f.apply(in.get(0), in.get(1)), gen.matrix(s[0], s[1]), gen.matrix(s[0], s[1]));
        });
    }

    @Test
    void add() {
        binary("add", Ops::add);
    }

    @Test
    void sub() {
        binary("sub", Ops::sub);
    }

    @Test
    void mul() {
        binary("mul", Ops::mul);
    }

    @Test
    void div() {
        Property.check("div gradient", TRIALS, gen -> {
            int[] s = gen.shape(4, 4);
            DMatrixRMaj b = gen.matrixAwayFrom(s[0], s[1], 0.0, 0.5);
            check("div", gen, in -> Ops.div(in.get(0), in.get(1)), gen.matrix(s[0], s[1]), b);
        });
    }

    @Test
    void scaleNegAndAddScalar() {
        Property.check("scale gradient", TRIALS, gen -> {
            int[] s = gen.shape(4, 4);
            double c = gen.doubleBetween(-3, 3);
            check("scale", gen, in -> Ops.scale(in.get(0), c), gen.matrix(s[0], s[1]));
            check("neg", gen, in -> Ops.neg(in.get(0)), gen.matrix(s[0], s[1]));
            check("addScalar", gen, in -> Ops.addScalar(in.get(0), c), gen.matrix(s[0], s[1]));
        });
    }

    @Test
    void addRow() {
        Property.check("addRow gradient", TRIALS, gen -> {
            int[] s = gen.shape(5, 4);
            check("addRow", gen, in -> Ops.addRow(in.get(0), in.get(1)), gen.matrix(s[0], s[1]), gen.matrix(1, s[1]));
        });
    }

    @Test
    void matmulInAllThreeForms() {
        Property.check("matmul gradient", TRIALS, gen -> {
            int m = gen.intBetween(1, 4);
            int k = gen.intBetween(1, 4);
            int n = gen.intBetween(1, 4);
            check("matmul", gen, in -> Ops.matmul(in.get(0), in.get(1)), gen.matrix(m, k), gen.matrix(k, n));
            check("matmulTransA", gen, in -> Ops.matmulTransA(in.get(0), in.get(1)), gen.matrix(k, m), gen.matrix(k, n));
            check("matmulTransB", gen, in -> Ops.matmulTransB(in.get(0), in.get(1)), gen.matrix(m, k), gen.matrix(n, k));
        });
    }

    @Test
    void sumsAndMeans() {
        Property.check("reduction gradients", TRIALS, gen -> {
            int[] s = gen.shape(4, 4);
            DMatrixRMaj x = gen.matrix(s[0], s[1]);
            check("sum", gen, in -> Ops.sum(in.get(0)), x);
            check("mean", gen, in -> Ops.mean(in.get(0)), x);
            check("sumRows", gen, in -> Ops.sumRows(in.get(0)), x);
            check("meanRows", gen, in -> Ops.meanRows(in.get(0)), x);
            check("sumCols", gen, in -> Ops.sumCols(in.get(0)), x);
            check("meanCols", gen, in -> Ops.meanCols(in.get(0)), x);
        });
    }

    @Test
    void relu() {
        unary("relu", Ops::relu, 0.0, 0, 0);
    }

    @Test
    void abs() {
        unary("abs", Ops::abs, 0.0, 0, 0);
    }

    @Test
    void l1() {
        unary("l1", Ops::l1, 0.0, 0, 0);
    }

    @Test
    void tanh() {
        unary("tanh", Ops::tanh, Double.NaN, -3, 3);
    }

    @Test
    void sigmoid() {
        unary("sigmoid", Ops::sigmoid, Double.NaN, -6, 6);
    }

    @Test
    void exp() {
        unary("exp", Ops::exp, Double.NaN, -2, 2);
    }

    @Test
    void log() {
        unary("log", Ops::log, Double.NaN, 0.2, 4);
    }

    @Test
    void square() {
        unary("square", Ops::square, Double.NaN, -3, 3);
    }

    @Test
    void softmaxAndLogSoftmax() {
        unary("softmax", Ops::softmax, Double.NaN, -4, 4);
        unary("logSoftmax", Ops::logSoftmax, Double.NaN, -4, 4);
    }

    @Test
    void softmaxCrossEntropy() {
        Property.check("softmaxCrossEntropy gradient", TRIALS, gen -> {
            int rows = gen.intBetween(1, 5);
            int classes = gen.intBetween(1, 5);
            int[] labels = gen.labels(rows, classes);
            check("softmaxCrossEntropy", gen, in -> Ops.softmaxCrossEntropy(in.get(0), labels),
                    gen.matrix(rows, classes, -4, 4));
        });
    }

    @Test
    void slicesAndConcatenation() {
        Property.check("slice and concat gradients", TRIALS, gen -> {
            int[] s = gen.shape(5, 5);
            int r0 = gen.intBetween(0, s[0] - 1);
            int rc = gen.intBetween(1, s[0] - r0);
            int c0 = gen.intBetween(0, s[1] - 1);
            int cc = gen.intBetween(1, s[1] - c0);
            DMatrixRMaj x = gen.matrix(s[0], s[1]);
            check("sliceRows", gen, in -> Ops.sliceRows(in.get(0), r0, rc), x);
            check("sliceCols", gen, in -> Ops.sliceCols(in.get(0), c0, cc), x);
            int extra = gen.intBetween(1, 3);
            check("concatRows", gen, in -> Ops.concatRows(List.of(in.get(0), in.get(1), in.get(0))),
                    x, gen.matrix(extra, s[1]));
            check("concatCols", gen, in -> Ops.concatCols(List.of(in.get(0), in.get(1))),
                    x, gen.matrix(s[0], extra));
        });
    }

    @Test
    void transposeAndReshape() {
        Property.check("transpose and reshape gradients", TRIALS, gen -> {
            int[] s = gen.shape(4, 4);
            DMatrixRMaj x = gen.matrix(s[0], s[1]);
            check("transpose", gen, in -> Ops.transpose(in.get(0)), x);
            check("reshape", gen, in -> Ops.reshape(in.get(0), 1, s[0] * s[1]), x);
            check("reshape", gen, in -> Ops.reshape(in.get(0), s[0] * s[1], 1), x);
        });
    }

    @Test
    void mixBlocks() {
        Property.check("mixBlocks gradient", TRIALS, gen -> {
            int rows = gen.intBetween(1, 3);
            int n = gen.intBetween(1, 4);
            int w = gen.intBetween(1, 3);
            int k = gen.intBetween(1, 3);
            check("mixBlocks", gen, in -> Ops.mixBlocks(in.get(0), in.get(1), w),
                    gen.matrix(rows, n * w), gen.matrix(n, k));
        });
    }

    @Test
    void spatialRecurrenceWithTanh() {
        Property.check("spatialRecurrence (tanh) gradient", TRIALS, gen -> {
            Dag dag = DagFixtures.randomDag(gen, 5);
            int rows = gen.intBetween(1, 3);
            int d = gen.intBetween(1, 3);
            int h = gen.intBetween(1, 5);
            int k = gen.intBetween(1, 3);
            check("spatialRecurrence", gen, in -> Ops.spatialRecurrence(in.get(0), in.get(1), in.get(2), in.get(3),
                    in.get(4), dag, Activation.TANH), gen.matrix(rows, dag.size() * d), gen.matrix(h, d),
                    gen.matrix(h, h, -0.8, 0.8), gen.matrix(1, h), gen.matrix(dag.size(), k));
        });
    }

    @Test
    void spatialRecurrenceWithRelu() {
        Property.check("spatialRecurrence (relu) gradient", TRIALS, gen -> {
            Dag dag = DagFixtures.randomDag(gen, 5);
            int rows = gen.intBetween(1, 3);
            int d = gen.intBetween(1, 3);
            int h = gen.intBetween(1, 5);
            int k = gen.intBetween(1, 3);
            DMatrixRMaj x;
            DMatrixRMaj u;
            DMatrixRMaj w;
            DMatrixRMaj b;
            // Redraw until every pre-activation keeps clear of relu's kink.
            do {
                x = gen.matrix(rows, dag.size() * d);
                u = gen.matrix(h, d);
                w = gen.matrix(h, h, -0.8, 0.8);
                b = gen.matrix(1, h);
            } while (DagFixtures.smallestPreActivation(dag, inputTerm(x, u, dag.size()), w, b) < 0.02);
            check("spatialRecurrence", gen, in -> Ops.spatialRecurrence(in.get(0), in.get(1), in.get(2), in.get(3),
                    in.get(4), dag, Activation.RELU), x, u, w, b, gen.matrix(dag.size(), k));
        });
    }

    /** x U^T per vertex: (rows x n*d) to (rows x n*h). */
    private static DMatrixRMaj inputTerm(DMatrixRMaj x, DMatrixRMaj u, int n) {
        int rows = x.numRows;
        int d = u.numCols;
        Tensor xw = Ops.matmulTransB(Ops.reshape(Tensor.constant(x), rows * n, d), Tensor.constant(u));
        return Ops.reshape(xw, rows, xw.size() / rows).copyValue();
    }
}
