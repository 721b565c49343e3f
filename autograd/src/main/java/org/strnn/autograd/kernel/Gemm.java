package org.strnn.autograd.kernel;

/**
 * Dense matrix products on row-major {@code double[]} storage with offsets, so that a block of
 * consecutive rows of a larger matrix can be used in place. Every matrix is contiguous, with a row
 * stride equal to its column count.
 *
 * <p>Every output row is a linear combination of rows, {@code C[i, :] = sum_p S(i, p) B[p, :]},
 * its terms added one at a time in index order ({@link Rows#mulRows}), with the rows of B first
 * copied ("packed") into separate zero-padded arrays; the Vector API kernels compute four output
 * rows at a time in registers. An output row's value depends only on its own inputs, never on
 * which rows are computed together, so a computation split into row blocks gives the same bits. The packing buffers are per thread and
 * only grow, so a warm caller allocates nothing.
 */
public final class Gemm {

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Gemm() {
    }

    /** Per-thread packing buffers, and the rows {@link #multPacked} gathers and computes. */
    private static final class Scratch {
        double[][] rows = new double[0][];
        /** Up to four rows of S, gathered from their strides. */
        double[][] gathered = new double[4][0];
        /** The same rows of C, {@code Rows.padded(n)} wide. */
        double[][] out = new double[4][0];

        double[][] rows(int count, int width) {
            if (rows.length < count || (count > 0 && rows[0].length < width)) {
                int w = Math.max(width, rows.length > 0 ? rows[0].length : 0);
                rows = new double[Math.max(count, rows.length)][w];
            }
            return rows;
        }

        /** Makes {@link #gathered} at least k and {@link #out} at least width long. */
        void block(int k, int width) {
            if (gathered[0].length < k) {
                gathered = new double[4][k];
            }
            if (out[0].length < width) {
                out = new double[4][width];
            }
        }
    }

    /**
     * Copies B (rows x cols, row-major from {@code off}) into the first {@code rows} arrays of
     * {@code dst}, each at least {@link Rows#padded}{@code (cols)} long; the padding is zeroed.
     */
    public static void packRows(double[] b, int off, int rows, int cols, double[][] dst) {
        int width = Rows.padded(cols);
        for (int p = 0; p < rows; p++) {
            double[] d = dst[p];
            System.arraycopy(b, off + p * cols, d, 0, cols);
            java.util.Arrays.fill(d, cols, width, 0.0);
        }
    }

    /**
     * Copies the transpose of B (rows x cols, row-major from {@code off}) into the first
     * {@code cols} arrays of {@code dst}, each at least {@link Rows#padded}{@code (rows)} long;
     * the padding is zeroed.
     */
    public static void packTransposed(double[] b, int off, int rows, int cols, double[][] dst) {
        int width = Rows.padded(rows);
        for (int j = 0; j < cols; j++) {
            java.util.Arrays.fill(dst[j], rows, width, 0.0);
        }
        for (int i = 0; i < rows; i++) {
            int bi = off + i * cols;
            for (int j = 0; j < cols; j++) {
                dst[j][i] = b[bi + j];
            }
        }
    }

    /**
     * Rows {@code [i0, i1)} of C (row stride {@code n}, from {@code cOff}) = S B, or += when
     * {@code accumulate}, where {@code S(i, p) = s[sOff + i*sRow + p*sCol]} for p in [0, k) and B is
     * given as k packed rows ({@link #packRows}, {@link #packTransposed}). Strides let S be a matrix
     * or its transpose in place.
     *
     * <p>Four rows at a time: their scalars are gathered into rows, {@link Rows#mulRows} computes
     * them from zero (the Vector API kernels as one register tile), and they are stored into C
     * (added to it when accumulating: {@code c + (the row's sum)}). Allocates nothing once the
     * calling thread's buffers have grown to the shape.
     */
    public static void multPacked(double[] s, int sOff, int sRow, int sCol, double[][] bRows, int k, int n,
                                  double[] c, int cOff, int i0, int i1, boolean accumulate) {
        int width = Rows.padded(n);
        Scratch sc = SCRATCH.get();
        sc.block(k, width);
        double[][] gathered = sc.gathered;
        double[][] out = sc.out;
        for (int i = i0; i < i1; i += 4) {
            int count = Math.min(4, i1 - i);
            for (int r = 0; r < count; r++) {
                double[] row = gathered[r];
                int at = sOff + (i + r) * sRow;
                for (int t = 0; t < k; t++) {
                    row[t] = s[at + t * sCol];
                }
            }
            Rows.mulRows(gathered, 0, count, 0, k, bRows, out, 0, width, false);
            for (int r = 0; r < count; r++) {
                double[] row = out[r];
                int ci = cOff + (i + r) * n;
                if (accumulate) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += row[j];
                    }
                } else {
                    System.arraycopy(row, 0, c, ci, n);
                }
            }
        }
    }

    /** C (m x n) = A (m x k) B (k x n), or C += A B when {@code accumulate}. */
    public static void mult(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n, boolean accumulate) {
        Scratch sc = SCRATCH.get();
        double[][] rows = sc.rows(k, Rows.padded(n));
        packRows(b, bOff, k, n, rows);
        multPacked(a, aOff, k, 1, rows, k, n, c, cOff, 0, m, accumulate);
    }

    /** C (m x n) = A^T B for A (k x m) and B (k x n), or C += A^T B when {@code accumulate}. */
    public static void multTransA(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                                  int m, int k, int n, boolean accumulate) {
        Scratch sc = SCRATCH.get();
        double[][] rows = sc.rows(k, Rows.padded(n));
        packRows(b, bOff, k, n, rows);
        multPacked(a, aOff, 1, m, rows, k, n, c, cOff, 0, m, accumulate);
    }

    /** C (m x n) = A B^T for A (m x k) and B (n x k), or C += A B^T when {@code accumulate}. */
    public static void multTransB(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                                  int m, int k, int n, boolean accumulate) {
        Scratch sc = SCRATCH.get();
        double[][] rows = sc.rows(k, Rows.padded(n));
        packTransposed(b, bOff, n, k, rows);
        multPacked(a, aOff, k, 1, rows, k, n, c, cOff, 0, m, accumulate);
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
