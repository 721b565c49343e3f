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

    @Override
    public void addScaled(double[] c, double[] s, int sOff, int sStride, double[][] rows, int from, int to, int n) {
        int t = from;
        for (; t + 3 < to; t += 4) {
            int at = sOff + t * sStride;
            double s0 = s[at];
            double s1 = s[at + sStride];
            double s2 = s[at + 2 * sStride];
            double s3 = s[at + 3 * sStride];
            double[] b0 = rows[t];
            double[] b1 = rows[t + 1];
            double[] b2 = rows[t + 2];
            double[] b3 = rows[t + 3];
            for (int j = 0; j < n; j++) {
                c[j] += s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j];
            }
        }
        addTail(c, s, sOff, sStride, rows, t, to, n);
    }

    /** The last zero to three terms, {@code to - t < 4}, in one pass. */
    private static void addTail(double[] c, double[] s, int sOff, int sStride, double[][] rows, int t, int to, int n) {
        int left = to - t;
        int at = sOff + t * sStride;
        if (left == 3) {
            double s0 = s[at];
            double s1 = s[at + sStride];
            double s2 = s[at + 2 * sStride];
            double[] b0 = rows[t];
            double[] b1 = rows[t + 1];
            double[] b2 = rows[t + 2];
            for (int j = 0; j < n; j++) {
                c[j] += s0 * b0[j] + s1 * b1[j] + s2 * b2[j];
            }
        } else if (left == 2) {
            double s0 = s[at];
            double s1 = s[at + sStride];
            double[] b0 = rows[t];
            double[] b1 = rows[t + 1];
            for (int j = 0; j < n; j++) {
                c[j] += s0 * b0[j] + s1 * b1[j];
            }
        } else if (left == 1) {
            double s0 = s[at];
            double[] b0 = rows[t];
            for (int j = 0; j < n; j++) {
                c[j] += s0 * b0[j];
            }
        }
    }

    @Override
    public void sumScaled(double[] c, double[] s, int sOff, int sStride, double[][] rows, int from, int to, int n) {
        if (to - from < 4) {
            Arrays.fill(c, 0, n, 0.0);
            addScaled(c, s, sOff, sStride, rows, from, to, n);
            return;
        }
        int at = sOff + from * sStride;
        double s0 = s[at];
        double s1 = s[at + sStride];
        double s2 = s[at + 2 * sStride];
        double s3 = s[at + 3 * sStride];
        double[] b0 = rows[from];
        double[] b1 = rows[from + 1];
        double[] b2 = rows[from + 2];
        double[] b3 = rows[from + 3];
        for (int j = 0; j < n; j++) {
            c[j] = s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j];
        }
        addScaled(c, s, sOff, sStride, rows, from + 4, to, n);
    }

    @Override
    public void addOuter(double[][] c, double[][] a, double[][] d, int count, int m, int n) {
        if (count == 4) {
            double[] a0 = a[0];
            double[] a1 = a[1];
            double[] a2 = a[2];
            double[] a3 = a[3];
            double[] d0 = d[0];
            double[] d1 = d[1];
            double[] d2 = d[2];
            double[] d3 = d[3];
            for (int p = 0; p < m; p++) {
                double s0 = a0[p];
                double s1 = a1[p];
                double s2 = a2[p];
                double s3 = a3[p];
                double[] cp = c[p];
                for (int j = 0; j < n; j++) {
                    cp[j] += s0 * d0[j] + s1 * d1[j] + s2 * d2[j] + s3 * d3[j];
                }
            }
            return;
        }
        for (int t = 0; t < count; t++) {
            double[] at = a[t];
            double[] dt = d[t];
            for (int p = 0; p < m; p++) {
                double s = at[p];
                double[] cp = c[p];
                for (int j = 0; j < n; j++) {
                    cp[j] += s * dt[j];
                }
            }
        }
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
