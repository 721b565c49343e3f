package org.strnn.autograd.kernel;

/**
 * Dense matrix products on row-major {@code double[]} storage with offsets, so that a block of
 * consecutive rows of a larger matrix can be used in place. Every matrix is contiguous, with a row
 * stride equal to its column count.
 *
 * <p>Each output element is summed over the inner index in increasing order, whatever the
 * number of rows, so a row's result does not depend on how a computation is split into row
 * blocks. The inner loops run along output rows, where the JIT vectorises them.
 */
public final class Gemm {

    private Gemm() {
    }

    /** C (m x n) = A (m x k) B (k x n), or C += A B when {@code accumulate}. */
    public static void mult(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0.0);
            }
            int ai = aOff + i * k;
            for (int p = 0; p < k; p++) {
                double aip = a[ai + p];
                if (aip == 0.0) {
                    continue;
                }
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /** C (m x n) = A^T B for A (k x m) and B (k x n), or C += A^T B when {@code accumulate}. */
    public static void multTransA(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                                  int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
        }
        for (int p = 0; p < k; p++) {
            int ap = aOff + p * m;
            int bp = bOff + p * n;
            for (int i = 0; i < m; i++) {
                double api = a[ap + i];
                if (api == 0.0) {
                    continue;
                }
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += api * b[bp + j];
                }
            }
        }
    }

    /**
     * C (m x n) = A B^T for A (m x k) and B (n x k), or C += A B^T when {@code accumulate}.
     * {@code scratch} must hold at least {@code n*k} values; B^T is written there first.
     */
    public static void multTransB(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                                  int m, int k, int n, boolean accumulate, double[] scratch) {
        transpose(b, bOff, n, k, scratch, 0);
        mult(a, aOff, scratch, 0, c, cOff, m, k, n, accumulate);
    }

    /** Writes the transpose of A (rows x cols) into dst (cols x rows). */
    public static void transpose(double[] a, int aOff, int rows, int cols, double[] dst, int dstOff) {
        for (int i = 0; i < rows; i++) {
            int ai = aOff + i * cols;
            for (int j = 0; j < cols; j++) {
                dst[dstOff + j * rows + i] = a[ai + j];
            }
        }
    }
}
