package org.strnn.autograd.kernel;

import java.util.Arrays;

/**
 * The kernels in plain Java: the reference order of operations every other implementation
 * reproduces (see {@link Kernels}), and the fallback when the Vector API is not available.
 *
 * <p>Why rows are separate arrays: HotSpot's C2 (JDK 17) vectorises a loop such as
 * {@code c[j] += s * b[j]} only when it can tell that the store cannot overlap the loads, which it
 * can when every access uses the same index {@code j}; with different offsets into the same kind
 * of array ({@code c[ci + j] += s * b[bj + j]}) it keeps the loop scalar. Rows as separate arrays
 * indexed from 0 run about 3-4x faster than the same product on one flat array with offsets.
 */
public final class ScalarKernels implements Kernels {

    /** The one instance. */
    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    /** A's columns copied into rows, then {@link #mulRows}. */
    @Override
    public void mulTransRows(double[][] a, int p0, int m, int tFrom, int tTo, double[][] b, double[][] c, int cFrom,
                             int n) {
        Rows.mulTransRowsByColumns(this, a, p0, m, tFrom, tTo, b, c, cFrom, n);
    }

    /**
     * One output row at a time, up to four terms per pass over the row;
     * {@code c[j] + s0*b0[j] + s1*b1[j] + ...} is evaluated left to right, so the terms are added
     * one at a time, in index order.
     */
    @Override
    public void mulRows(double[][] s, int sFrom, int m, int tFrom, int tTo, double[][] b, double[][] c, int cFrom,
                        int n, boolean add) {
        for (int i = 0; i < m; i++) {
            double[] si = s[sFrom + i];
            double[] ci = c[cFrom + i];
            if (!add) {
                Arrays.fill(ci, 0, n, 0.0);
            }
            for (int t = tFrom; t < tTo; t += 4) {
                int left = Math.min(4, tTo - t);
                passOfTerms(ci, si[t], left > 1 ? si[t + 1] : 0.0, left > 2 ? si[t + 2] : 0.0,
                        left > 3 ? si[t + 3] : 0.0, b, t, left, n);
            }
        }
    }

    /**
     * {@code c[j] = c[j] + s0*b[t][j] + ...} for the {@code count} (1 to 4) terms from t, added
     * one at a time, left to right; the unused scalars are ignored.
     */
    private static void passOfTerms(double[] c, double s0, double s1, double s2, double s3, double[][] b, int t,
                                    int count, int n) {
        double[] b0 = b[t];
        if (count == 4) {
            double[] b1 = b[t + 1];
            double[] b2 = b[t + 2];
            double[] b3 = b[t + 3];
            for (int j = 0; j < n; j++) {
                c[j] = c[j] + s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j];
            }
        } else if (count == 3) {
            double[] b1 = b[t + 1];
            double[] b2 = b[t + 2];
            for (int j = 0; j < n; j++) {
                c[j] = c[j] + s0 * b0[j] + s1 * b1[j] + s2 * b2[j];
            }
        } else if (count == 2) {
            double[] b1 = b[t + 1];
            for (int j = 0; j < n; j++) {
                c[j] = c[j] + s0 * b0[j] + s1 * b1[j];
            }
        } else {
            for (int j = 0; j < n; j++) {
                c[j] = c[j] + s0 * b0[j];
            }
        }
    }

    @Override
    public void add(double[] c, double[] a, int n) {
        for (int j = 0; j < n; j++) {
            c[j] += a[j];
        }
    }
}
