package org.strnn.autograd.kernel;

/**
 * Linear combinations of rows, where every row is its own zero-based {@code double[]}.
 *
 * <p>Why separate arrays: see {@link ScalarKernels}; the vectorised kernels profit from them too.
 *
 * <p>{@link #mulRows} and {@link #mulTransRows} add the terms one at a time, in index order.
 * The order depends only on the number of terms, never on where the rows came from, so results
 * are reproducible; and it is the same in every {@link Kernels} implementation, so the scalar and
 * the vectorised kernels (chosen once by {@link KernelProvider}) give the same bits.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * A product of row blocks, {@code C += S B} (or {@code C = S B} unless {@code add}): for every
     * {@code i in [0, m)}, {@code c[cFrom+i][0..n) += sum_{t in [tFrom, tTo)} s[sFrom+i][t] * b[t][0..n)},
     * starting from +0.0 instead of c's values unless {@code add}. The rows of S, B and C are
     * separate arrays (S's hold the scalars, B's and C's are at least n long).
     *
     * <p>The terms are added to the accumulator one at a time, in index order: {@code c = (((c + s_0 b_0) + s_1 b_1) + ...)}, which lets an implementation keep a tile
     * of several output rows in registers and use every loaded row of B for all of them. Every
     * implementation follows this order, so they give the same bits.
     */
    public static void mulRows(double[][] s, int sFrom, int m, int tFrom, int tTo, double[][] b, double[][] c,
                               int cFrom, int n, boolean add) {
        KernelProvider.IMPL.mulRows(s, sFrom, m, tFrom, tTo, b, c, cFrom, n, add);
    }

    /**
     * {@code C += A^T B} with A read in place: for every {@code p in [0, m)},
     * {@code c[cFrom+p][0..n) += sum_{t in [tFrom, tTo)} a[t][p0+p] * b[t][0..n)}, the terms added
     * one at a time in index order, as in {@link #mulRows}. This is the form of a weight gradient
     * summed over examples (rows t of A and B), without transposing A first.
     */
    public static void mulTransRows(double[][] a, int p0, int m, int tFrom, int tTo, double[][] b, double[][] c,
                                    int cFrom, int n) {
        KernelProvider.IMPL.mulTransRows(a, p0, m, tFrom, tTo, b, c, cFrom, n);
    }

    /**
     * {@link #mulTransRows} through {@code impl}'s {@link Kernels#mulRows}: A's m columns are
     * copied into rows (m x terms values, small beside the product's m x terms x n), then the same
     * order of additions. The scalar kernels use it for every product, the vector ones where no
     * transposing tile fits (public for the benchmark that compares the two).
     */
    public static void mulTransRowsByColumns(Kernels impl, double[][] a, int p0, int m, int tFrom, int tTo, double[][] b,
                                      double[][] c, int cFrom, int n) {
        double[][] columns = COLUMNS.get();
        if (columns.length < m || (m > 0 && columns[0].length < tTo)) {
            columns = new double[Math.max(m, columns.length)][Math.max(tTo, columns.length > 0 ? columns[0].length : 0)];
            COLUMNS.set(columns);
        }
        for (int t = tFrom; t < tTo; t++) {
            double[] at = a[t];
            for (int p = 0; p < m; p++) {
                columns[p][t] = at[p0 + p];
            }
        }
        impl.mulRows(columns, 0, m, tFrom, tTo, b, c, cFrom, n, true);
    }

    /** Per-thread scratch for the columns of A in {@link #mulTransRowsByColumns}; only grows. */
    private static final ThreadLocal<double[][]> COLUMNS = ThreadLocal.withInitial(() -> new double[0][0]);

    /** {@code c[0..n) += a[0..n)}. */
    public static void add(double[] c, double[] a, int n) {
        KernelProvider.IMPL.add(c, a, n);
    }

    /** A {@code rows x width} block of zeroed rows. */
    public static double[][] zeros(int rows, int width) {
        return new double[rows][width];
    }

    /** {@code n} rounded up to a multiple of 4, the width rows are padded to (with zeros). */
    public static int padded(int n) {
        return (n + 3) & ~3;
    }
}
