package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.kernel.Gemm;
import org.strnn.autograd.kernel.Rows;

/**
 * Matrix products. With C = A B and upstream G = dL/dC: dL/dA = G B^T and dL/dB = A^T G.
 *
 * <p>Every product here, forward or backward, is written as {@code C[i, :] (+)= sum_p S(i, p) B[p, :]}
 * with S read in place (a matrix or its transpose) and B packed into rows ({@link Gemm#multPacked}).
 * Output rows are independent, so large products split them into {@link Parallel} chunks (about
 * {@link #PARALLEL_MIN} multiply-adds or more, and at least four rows, each); a row's value does
 * not depend on the split or the thread count.
 */
final class MatMul {

    /**
     * About the multiply-adds per chunk a product must offer before it is split (chunks are whole
     * rows, so one may fall a little short): waking a worker costs
     * more than the temporal layer's products take (32 x 300 x 30 at batch 32, about 20 µs),
     * which ran slower on 2 threads than on 1 when they were split into 16 chunks of 2 rows.
     */
    private static final long PARALLEL_MIN = 1L << 20;

    /** The fewest rows per chunk: one register tile of {@link Rows#mulRows}. */
    private static final int MIN_CHUNK_ROWS = 4;

    private MatMul() {
    }

    /** C = A B. */
    static Tensor matmul(Tensor a, Tensor b) {
        ShapeCheck.require(a.cols() == b.rows(), "matmul", "shapes " + a.shape() + " and " + b.shape()
                + " do not chain (" + a.cols() + " columns vs " + b.rows() + " rows)");
        int m = a.rows();
        int k = a.cols();
        int n = b.cols();
        DMatrixRMaj out = new DMatrixRMaj(m, n);
        product(a.value.data, k, 1, packRows(b.value.data, k, n), k, n, out.data, m, false);
        return Tensor.derived("matmul", out, g -> {
            if (a.requiresGrad()) {
                // dA (m x k) += G B^T
                product(g.data, n, 1, packTransposed(b.value.data, k, n), n, k, a.gradData(), m, true);
            }
            if (b.requiresGrad()) {
                // dB (k x n) += A^T G
                product(a.value.data, 1, k, packRows(g.data, m, n), m, n, b.gradData(), k, true);
            }
        }, a, b);
    }

    /** C = A^T B. dL/dA = B G^T, dL/dB = A G. */
    static Tensor matmulTransA(Tensor a, Tensor b) {
        ShapeCheck.require(a.rows() == b.rows(), "matmulTransA", "shapes " + a.shape() + " and " + b.shape()
                + " do not chain as A^T B (" + a.rows() + " rows vs " + b.rows() + " rows)");
        int k = a.rows();
        int m = a.cols();
        int n = b.cols();
        DMatrixRMaj out = new DMatrixRMaj(m, n);
        product(a.value.data, 1, m, packRows(b.value.data, k, n), k, n, out.data, m, false);
        return Tensor.derived("matmulTransA", out, g -> {
            if (a.requiresGrad()) {
                // dA (k x m) += B G^T
                product(b.value.data, n, 1, packTransposed(g.data, m, n), n, m, a.gradData(), k, true);
            }
            if (b.requiresGrad()) {
                // dB (k x n) += A G
                product(a.value.data, m, 1, packRows(g.data, m, n), m, n, b.gradData(), k, true);
            }
        }, a, b);
    }

    /** C = A B^T. dL/dA = G B, dL/dB = G^T A. */
    static Tensor matmulTransB(Tensor a, Tensor b) {
        ShapeCheck.require(a.cols() == b.cols(), "matmulTransB", "shapes " + a.shape() + " and " + b.shape()
                + " do not chain as A B^T (" + a.cols() + " columns vs " + b.cols() + " columns)");
        int m = a.rows();
        int k = a.cols();
        int n = b.rows();
        DMatrixRMaj out = new DMatrixRMaj(m, n);
        product(a.value.data, k, 1, packTransposed(b.value.data, n, k), k, n, out.data, m, false);
        return Tensor.derived("matmulTransB", out, g -> {
            if (a.requiresGrad()) {
                // dA (m x k) += G B
                product(g.data, n, 1, packRows(b.value.data, n, k), n, k, a.gradData(), m, true);
            }
            if (b.requiresGrad()) {
                // dB (n x k) += G^T A
                product(g.data, 1, n, packRows(a.value.data, m, k), m, k, b.gradData(), n, true);
            }
        }, a, b);
    }

    private static double[][] packRows(double[] b, int rows, int cols) {
        double[][] packed = new double[rows][Rows.padded(cols)];
        Gemm.packRows(b, 0, rows, cols, packed);
        return packed;
    }

    private static double[][] packTransposed(double[] b, int rows, int cols) {
        double[][] packed = new double[cols][Rows.padded(rows)];
        Gemm.packTransposed(b, 0, rows, cols, packed);
        return packed;
    }

    /**
     * C (m x n) (+)= S B with {@code S(i, p) = s[i*sRow + p*sCol]} (p < k) and B as k packed rows;
     * large products are split into row chunks.
     */
    private static void product(double[] s, int sRow, int sCol, double[][] bRows, int k, int n, double[] c, int m,
                                boolean accumulate) {
        // Output rows are independent, so the split changes no value; it only decides who works.
        long byWork = (long) m * k * n / PARALLEL_MIN;
        int chunks = (int) Math.max(1, Math.min(Parallel.chunks(m / MIN_CHUNK_ROWS), byWork));
        Parallel.forEach(chunks, ch -> Gemm.multPacked(s, 0, sRow, sCol, bRows, k, n, c, 0,
                Parallel.chunkStart(ch, chunks, m), Parallel.chunkStart(ch + 1, chunks, m), accumulate));
    }
}
