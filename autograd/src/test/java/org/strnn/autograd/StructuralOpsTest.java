package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.check.Gen;
import org.strnn.autograd.check.Property;

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

    @Test
    void fusedDagRecurrenceMatchesTheComposedReference() {
        Property.check("fused dagRecurrence = composed ops", 20, gen -> {
            Dag dag = DagFixtures.randomDag(gen, 7);
            int rows = gen.intBetween(1, 12);
            int h = gen.intBetween(1, 4);
            Activation act = gen.intBetween(0, 1) == 0 ? Activation.RELU : Activation.TANH;
            DMatrixRMaj xw = gen.matrix(rows, dag.size() * h);
            DMatrixRMaj w = gen.matrix(h, h, -0.8, 0.8);
            DMatrixRMaj b = gen.matrix(1, h);
            DMatrixRMaj up = gen.normal(rows, dag.size() * h);

            Tensor[] fused = {Tensor.variable("xw", xw.copy()), Tensor.variable("W", w.copy()), Tensor.variable("b", b.copy())};
            Tensor hf = Ops.dagRecurrence(fused[0], fused[1], fused[2], dag, act);
            hf.backward(up);
            Tensor[] ref = {Tensor.variable("xw", xw.copy()), Tensor.variable("W", w.copy()), Tensor.variable("b", b.copy())};
            Tensor hr = DagFixtures.composed(ref[0], ref[1], ref[2], dag, act);
            hr.backward(up);

            assertArrayEquals(hr.data(), hf.data(), 1e-12, "forward");
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(ref[i].gradData(), fused[i].gradData(), 1e-10, "gradient of " + ref[i].op());
            }
        });
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
        double[][] reference = null;
        for (int threads : new int[] {1, 2, 3}) {
            Parallel.setThreads(threads);
            Tensor[] p = {Tensor.variable("xw", xw.copy()), Tensor.variable("W", w.copy()),
                Tensor.variable("b", b.copy()), Tensor.variable("G", g.copy())};
            Tensor y = Ops.mixBlocks(Ops.dagRecurrence(p[0], p[1], p[2], dag, Activation.RELU), p[3], h);
            y.backward(up);
            double[][] got = {y.data().clone(), p[0].gradData().clone(), p[1].gradData().clone(),
                p[2].gradData().clone(), p[3].gradData().clone()};
            if (reference == null) {
                reference = got;
            } else {
                for (int i = 0; i < got.length; i++) {
                    assertArrayEquals(reference[i], got[i], 0.0, "threads=" + threads + ", array " + i);
                }
            }
        }
    }
}
