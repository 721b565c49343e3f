package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.check.Gen;
import org.strnn.autograd.check.Property;
import org.strnn.autograd.kernel.Gemm;
import org.strnn.autograd.types.Activation;
import org.strnn.autograd.types.Dag;

/**
 * The fused structural ops against plain reference computations, and their results under any
 * thread count.
 */
class StructuralOpsTest {

    @AfterEach
    void singleThreaded() {
        Parallel.setThreads(1);
    }

    @Test
    void mixBlocksIsTheSpatialProjectionOfEveryRow() {
        Property.check("mixBlocks = vec(H G) per row", 20, gen -> {
            int rows = gen.intBetween(1, 4);
            int n = gen.intBetween(1, 6);
            int w = gen.intBetween(1, 4);
            int k = gen.intBetween(1, 4);
            DMatrixRMaj x = gen.matrix(rows, n * w);
            DMatrixRMaj g = gen.matrix(n, k);
            Tensor y = Ops.mixBlocks(Tensor.constant(x), Tensor.constant(g), w);
            for (int r = 0; r < rows; r++) {
                // H (w x n): column v is block v of the row. S = H G (w x K); y = row-major vec(S).
                for (int j = 0; j < w; j++) {
                    for (int c = 0; c < k; c++) {
                        double s = 0;
                        for (int v = 0; v < n; v++) {
                            s += x.get(r, v * w + j) * g.get(v, c);
                        }
                        assertEquals(s, y.get(r, j * k + c), 1e-12);
                    }
                }
            }
        });
    }

    /** The composed reference of {@link Ops#spatialRecurrence}. */
    static Tensor composedSpatial(Tensor x, Tensor u, Tensor w, Tensor b, Tensor g, Dag dag, Activation act) {
        int rows = x.rows();
        int n = dag.size();
        int h = w.rows();
        Tensor xw = Ops.reshape(Ops.matmulTransB(Ops.reshape(x, rows * n, u.cols()), u), rows, n * h);
        return Ops.mixBlocks(DagFixtures.composed(xw, w, b, dag, act), g, h);
    }

    @Test
    void fusedSpatialRecurrenceMatchesTheComposedReference() {
        Property.check("spatialRecurrence = mixBlocks(composed recurrence(x U^T))", 30, gen -> {
            Dag dag = DagFixtures.randomDag(gen, 9);
            // A third of the cases have 64+ rows (4+ slices per chunk, so the kernels' 4-row tiles
            // run) and up to 33 hidden units (whole and partial vector blocks).
            boolean large = gen.intBetween(0, 2) == 0;
            int rows = large ? gen.intBetween(64, 140) : gen.intBetween(1, 12);
            int d = gen.intBetween(1, 4);
            int h = large ? gen.intBetween(1, 33) : gen.intBetween(1, 7);
            int k = gen.intBetween(1, 5);
            double wr = Math.min(0.8, 2.4 / Math.sqrt(h));
            Activation act = gen.intBetween(0, 1) == 0 ? Activation.RELU : Activation.TANH;
            DMatrixRMaj[] in = {gen.matrix(rows, dag.size() * d), gen.matrix(h, d), gen.matrix(h, h, -wr, wr),
                gen.matrix(1, h), gen.matrix(dag.size(), k)};
            DMatrixRMaj up = gen.normal(rows, h * k);
            String[] names = {"x", "U", "W", "b", "G"};
            Tensor[] f = new Tensor[5];
            Tensor[] r = new Tensor[5];
            for (int i = 0; i < 5; i++) {
                f[i] = Tensor.variable(names[i], in[i].copy());
                r[i] = Tensor.variable(names[i], in[i].copy());
            }
            Tensor yf = Ops.spatialRecurrence(f[0], f[1], f[2], f[3], f[4], dag, act);
            yf.backward(up);
            Tensor yr = composedSpatial(r[0], r[1], r[2], r[3], r[4], dag, act);
            yr.backward(up);
            assertArrayEquals(yr.data(), yf.data(), 1e-12, "forward");
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(r[i].gradData(), f[i].gradData(), 1e-10, "gradient of " + names[i]);
            }
        });
    }

    @Test
    void spatialRecurrenceComputesOnlyTheGradientsThatAreWanted() {
        Gen gen = new Gen(3);
        Dag dag = DagFixtures.randomDag(gen, 6);
        DMatrixRMaj[] in = {gen.matrix(4, dag.size() * 2), gen.matrix(3, 2), gen.matrix(3, 3, -0.5, 0.5),
            gen.matrix(1, 3), gen.matrix(dag.size(), 2)};
        DMatrixRMaj up = gen.normal(4, 6);
        Tensor[] f = {Tensor.constant(in[0]), Tensor.variable("U", in[1].copy()), Tensor.constant(in[2]),
            Tensor.constant(in[3]), Tensor.constant(in[4])};
        Ops.spatialRecurrence(f[0], f[1], f[2], f[3], f[4], dag, Activation.TANH).backward(up);
        Tensor[] r = {Tensor.constant(in[0]), Tensor.variable("U", in[1].copy()), Tensor.constant(in[2]),
            Tensor.constant(in[3]), Tensor.constant(in[4])};
        composedSpatial(r[0], r[1], r[2], r[3], r[4], dag, Activation.TANH).backward(up);
        for (int i : new int[] {0, 2, 3, 4}) {
            assertFalse(f[i].hasGrad(), "input " + i + " wants no gradient");
        }
        assertArrayEquals(r[1].gradData(), f[1].gradData(), 1e-10);
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        Gen gen = new Gen(7);
        Dag dag = DagFixtures.randomDag(gen, 9);
        int rows = 37;
        int h = 5;
        DMatrixRMaj xw = gen.matrix(rows, dag.size() * h);
        DMatrixRMaj w = gen.matrix(h, h, -0.5, 0.5);
        DMatrixRMaj b = gen.matrix(1, h);
        DMatrixRMaj g = gen.matrix(dag.size(), 3);
        DMatrixRMaj up = gen.normal(rows, h * 3);
        DMatrixRMaj x = gen.matrix(rows, dag.size() * 4);
        DMatrixRMaj u = gen.matrix(h, 4);
        double[][] reference = null;
        for (int threads : new int[] {1, 2, 3}) {
            Parallel.setThreads(threads);
            Tensor[] p = {Tensor.variable("xw", xw.copy()), Tensor.variable("W", w.copy()),
                Tensor.variable("b", b.copy()), Tensor.variable("G", g.copy())};
            Tensor y = Ops.mixBlocks(DagFixtures.composed(p[0], p[1], p[2], dag, Activation.RELU), p[3], h);
            y.backward(up);
            Tensor[] q = {Tensor.variable("x", x.copy()), Tensor.variable("U", u.copy()), Tensor.variable("W", w.copy()),
                Tensor.variable("b", b.copy()), Tensor.variable("G", g.copy())};
            Tensor z = Ops.spatialRecurrence(q[0], q[1], q[2], q[3], q[4], dag, Activation.RELU);
            z.backward(up);
            double[][] got = {y.data().clone(), p[0].gradData().clone(), p[1].gradData().clone(),
                p[2].gradData().clone(), p[3].gradData().clone(), z.data().clone(), q[0].gradData().clone(),
                q[1].gradData().clone(), q[2].gradData().clone(), q[3].gradData().clone(), q[4].gradData().clone()};
            if (reference == null) {
                reference = got;
            } else {
                for (int i = 0; i < got.length; i++) {
                    assertArrayEquals(reference[i], got[i], 0.0, "threads=" + threads + ", array " + i);
                }
            }
        }
    }

    /**
     * Products large enough to be split into chunks (96 x 160 x 160, two chunks of at least 2^20
     * multiply-adds): forward values bit-identical to a plain loop that adds the terms in index
     * order, and forward values and both gradients bit-identical for 1, 2 and 3 threads.
     */
    @Test
    void largeProductsAreSplitWithoutChangingABit() {
        Gen gen = new Gen(11);
        int m = 96;
        int k = 160;
        int n = 160;
        DMatrixRMaj a = gen.matrix(m, k);
        DMatrixRMaj b = gen.matrix(k, n);
        DMatrixRMaj bt = gen.matrix(n, k);
        DMatrixRMaj at = gen.matrix(k, m);
        DMatrixRMaj up = gen.normal(m, n);
        double[][] reference = null;
        for (int threads : new int[] {1, 2, 3}) {
            Parallel.setThreads(threads);
            Tensor[] p = {Tensor.variable("A", a.copy()), Tensor.variable("B", b.copy()),
                Tensor.variable("Bt", bt.copy()), Tensor.variable("At", at.copy())};
            Tensor ab = Ops.matmul(p[0], p[1]);
            Tensor abt = Ops.matmulTransB(p[0], p[2]);
            Tensor atb = Ops.matmulTransA(p[3], p[1]);
            assertArrayEquals(plainProduct(a, b), ab.data(), 0.0, "A B, threads=" + threads);
            assertArrayEquals(plainProduct(a, transpose(bt)), abt.data(), 0.0, "A Bt^T, threads=" + threads);
            assertArrayEquals(plainProduct(transpose(at), b), atb.data(), 0.0, "At^T B, threads=" + threads);
            Ops.add(Ops.add(ab, abt), atb).backward(up);
            double[][] got = {p[0].gradData().clone(), p[1].gradData().clone(), p[2].gradData().clone(),
                p[3].gradData().clone()};
            if (reference == null) {
                reference = got;
            } else {
                for (int i = 0; i < got.length; i++) {
                    assertArrayEquals(reference[i], got[i], 0.0, "threads=" + threads + ", gradient " + i);
                }
            }
        }
    }

    /** C = A B with each element's terms added one at a time, in index order, from +0.0. */
    private static double[] plainProduct(DMatrixRMaj a, DMatrixRMaj b) {
        double[] c = new double[a.numRows * b.numCols];
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < b.numCols; j++) {
                double acc = 0.0;
                for (int p = 0; p < a.numCols; p++) {
                    acc = acc + a.get(i, p) * b.get(p, j);
                }
                c[i * b.numCols + j] = acc;
            }
        }
        return c;
    }

    private static DMatrixRMaj transpose(DMatrixRMaj a) {
        DMatrixRMaj t = new DMatrixRMaj(a.numCols, a.numRows);
        Gemm.transpose(a.data, 0, a.numRows, a.numCols, t.data, 0);
        return t;
    }
}
