package org.strnn.autograd.kernel;

/**
 * Linear combinations of rows, where every row is its own zero-based {@code double[]}.
 *
 * <p>Why separate arrays: HotSpot's C2 (JDK 17) vectorises a loop such as
 * {@code c[j] += s * b[j]} only when it can tell that the store cannot overlap the loads, which it
 * can when every access uses the same index {@code j}; with different offsets into the same kind
 * of array ({@code c[ci + j] += s * b[bj + j]}) it keeps the loop scalar. Rows as separate arrays
 * indexed from 0 run about 3-4x faster than the same product on one flat array with offsets.
 *
 * <p>The terms are taken four at a time: {@code c[j] += s0 b0[j] + s1 b1[j] + s2 b2[j] + s3 b3[j]}
 * (left to right), with the last one to three terms in one final pass. The order depends only on
 * the number of terms, never on where the rows came from, so results are reproducible.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * {@code c[0..n) += sum_{t in [from, to)} s[sOff + t*sStride] * rows[t][0..n)}: a row of
     * {@code S B} for scalars S and the rows B.
     */
    public static void addScaled(double[] c, double[] s, int sOff, int sStride, double[][] rows, int from, int to,
                                 int n) {
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

    /**
     * {@code c[0..n) = sum_{t in [from, to)} s[sOff + t*sStride] * rows[t][0..n)}, zeros for no
     * terms: {@link #addScaled} without reading c first.
     */
    public static void sumScaled(double[] c, double[] s, int sOff, int sStride, double[][] rows, int from, int to,
                                 int n) {
        if (to - from < 4) {
            java.util.Arrays.fill(c, 0, n, 0.0);
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

    /**
     * Rank-{@code count} update, {@code count <= 4}: for every {@code p in [0, m)},
     * {@code c[p][0..n) += sum_{t < count} a[t][p] * d[t][0..n)}. This is {@code C += A^T D} for
     * the {@code count} rows of A and D, the form of a weight gradient summed over examples.
     */
    public static void addOuter(double[][] c, double[][] a, double[][] d, int count, int m, int n) {
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

    /** {@code c[0..n) += a[0..n)}. */
    public static void add(double[] c, double[] a, int n) {
        for (int j = 0; j < n; j++) {
            c[j] += a[j];
        }
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
