package org.strnn.autograd.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the JDK's incubating Vector API, with multiplications and additions kept
 * separate (no fused multiply-add), so that every output element goes through exactly the same
 * sequence of operations as in {@link ScalarKernels}: the results are bit-identical.
 *
 * <p>What changes is only the order across independent elements: a block of columns is kept in
 * vector registers while all the terms are added to it, instead of streaming the whole row once
 * per group of terms. Columns left over after the last full vector go through the same operations
 * one at a time.
 *
 * <p>This class is compiled separately, with {@code --add-modules jdk.incubator.vector}, and
 * only {@link KernelProvider} loads it, by name, after checking that the module is readable. It
 * must never be referenced directly by other code.
 */
final class VectorKernels implements Kernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Columns kept in registers at once. */
    private static final int BLOCK = 4 * L;

    /** The accumulator starts at zero. */
    private static final int ZERO = 0;
    /** The accumulator starts at the destination's values. */
    private static final int DST = 1;
    /** The accumulator starts as the first group of four terms (no addition to zero). */
    private static final int FIRST = 2;

    /** Per-thread scratch for the second row of a pair in {@link #multPacked}; only grows. */
    private static final ThreadLocal<double[]> SECOND_ROW = ThreadLocal.withInitial(() -> new double[0]);

    private VectorKernels() {
    }

    /**
     * The implementation, or an exception saying why not (vectors narrower than 128 bits).
     * Called reflectively by {@link KernelProvider}.
     */
    public static Kernels create() {
        if (S.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("the preferred double vector has only "
                    + S.vectorBitSize() + " bits");
        }
        return new VectorKernels();
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void addScaled(double[] c, double[] s, int sOff, int sStride, double[][] rows, int from, int to, int n) {
        columns(c, n, DST, s, sOff, sStride, rows, from, to);
    }

    @Override
    public void sumScaled(double[] c, double[] s, int sOff, int sStride, double[][] rows, int from, int to, int n) {
        columns(c, n, to - from < 4 ? ZERO : FIRST, s, sOff, sStride, rows, from, to);
    }

    @Override
    public void multPacked(double[] s, int sOff, int sRow, int sCol, double[][] bRows, int k, int n,
                           double[] c, int cOff, int i0, int i1, boolean accumulate, double[] row) {
        int width = Rows.padded(n);
        double[] second = SECOND_ROW.get();
        if (second.length < width) {
            second = new double[width];
            SECOND_ROW.set(second);
        }
        int i = i0;
        for (; i + 1 < i1; i += 2) {
            java.util.Arrays.fill(row, 0, width, 0.0);
            java.util.Arrays.fill(second, 0, width, 0.0);
            pair(row, second, width, s, sOff + i * sRow, sOff + (i + 1) * sRow, sCol, bRows, 0, k);
            store(row, c, cOff + i * n, n, accumulate);
            store(second, c, cOff + (i + 1) * n, n, accumulate);
        }
        if (i < i1) {
            columns(row, width, ZERO, s, sOff + i * sRow, sCol, bRows, 0, k);
            store(row, c, cOff + i * n, n, accumulate);
        }
    }

    /** {@code c[ci..ci+n) = row[0..n)}, or {@code +=} when accumulating. */
    private static void store(double[] row, double[] c, int ci, int n, boolean accumulate) {
        if (accumulate) {
            int j = 0;
            for (; j + L <= n; j += L) {
                DoubleVector.fromArray(S, c, ci + j).add(DoubleVector.fromArray(S, row, j)).intoArray(c, ci + j);
            }
            for (; j < n; j++) {
                c[ci + j] += row[j];
            }
        } else {
            System.arraycopy(row, 0, c, ci, n);
        }
    }

    /**
     * {@link #columns} in DST mode for two rows at once, {@code c} with scalars from {@code sOff}
     * and {@code d} with scalars from {@code dOff}: each loaded vector of the rows serves both.
     */
    private static void pair(double[] c, double[] d, int n, double[] s, int sOff, int dOff, int sStride,
                             double[][] rows, int from, int to) {
        int j = 0;
        for (; j + BLOCK <= n; j += BLOCK) {
            pairBlock(c, d, j, s, sOff, dOff, sStride, rows, from, to);
        }
        for (; j + L <= n; j += L) {
            single(c, j, s, sOff, sStride, rows, from, to);
            single(d, j, s, dOff, sStride, rows, from, to);
        }
        for (; j < n; j++) {
            c[j] = scalar(c[j], j, s, sOff, sStride, rows, from, to);
            d[j] = scalar(d[j], j, s, dOff, sStride, rows, from, to);
        }
    }

    /** {@link #pair} for the {@link #BLOCK} columns from {@code j}: eight accumulators. */
    private static void pairBlock(double[] c, double[] d, int j, double[] s, int sOff, int dOff, int sStride,
                                  double[][] rows, int from, int to) {
        int j1 = j + L;
        int j2 = j + 2 * L;
        int j3 = j + 3 * L;
        DoubleVector a0 = DoubleVector.fromArray(S, c, j);
        DoubleVector a1 = DoubleVector.fromArray(S, c, j1);
        DoubleVector a2 = DoubleVector.fromArray(S, c, j2);
        DoubleVector a3 = DoubleVector.fromArray(S, c, j3);
        DoubleVector e0 = DoubleVector.fromArray(S, d, j);
        DoubleVector e1 = DoubleVector.fromArray(S, d, j1);
        DoubleVector e2 = DoubleVector.fromArray(S, d, j2);
        DoubleVector e3 = DoubleVector.fromArray(S, d, j3);
        int t = from;
        for (; t + 3 < to; t += 4) {
            int at = sOff + t * sStride;
            int dt = dOff + t * sStride;
            double[] b0 = rows[t];
            double[] b1 = rows[t + 1];
            double[] b2 = rows[t + 2];
            double[] b3 = rows[t + 3];
            double s0 = s[at];
            double s1 = s[at + sStride];
            double s2 = s[at + 2 * sStride];
            double s3 = s[at + 3 * sStride];
            double r0 = s[dt];
            double r1 = s[dt + sStride];
            double r2 = s[dt + 2 * sStride];
            double r3 = s[dt + 3 * sStride];
            DoubleVector x0 = DoubleVector.fromArray(S, b0, j);
            DoubleVector x1 = DoubleVector.fromArray(S, b1, j);
            DoubleVector x2 = DoubleVector.fromArray(S, b2, j);
            DoubleVector x3 = DoubleVector.fromArray(S, b3, j);
            a0 = a0.add(x0.mul(s0).add(x1.mul(s1)).add(x2.mul(s2)).add(x3.mul(s3)));
            e0 = e0.add(x0.mul(r0).add(x1.mul(r1)).add(x2.mul(r2)).add(x3.mul(r3)));
            x0 = DoubleVector.fromArray(S, b0, j1);
            x1 = DoubleVector.fromArray(S, b1, j1);
            x2 = DoubleVector.fromArray(S, b2, j1);
            x3 = DoubleVector.fromArray(S, b3, j1);
            a1 = a1.add(x0.mul(s0).add(x1.mul(s1)).add(x2.mul(s2)).add(x3.mul(s3)));
            e1 = e1.add(x0.mul(r0).add(x1.mul(r1)).add(x2.mul(r2)).add(x3.mul(r3)));
            x0 = DoubleVector.fromArray(S, b0, j2);
            x1 = DoubleVector.fromArray(S, b1, j2);
            x2 = DoubleVector.fromArray(S, b2, j2);
            x3 = DoubleVector.fromArray(S, b3, j2);
            a2 = a2.add(x0.mul(s0).add(x1.mul(s1)).add(x2.mul(s2)).add(x3.mul(s3)));
            e2 = e2.add(x0.mul(r0).add(x1.mul(r1)).add(x2.mul(r2)).add(x3.mul(r3)));
            x0 = DoubleVector.fromArray(S, b0, j3);
            x1 = DoubleVector.fromArray(S, b1, j3);
            x2 = DoubleVector.fromArray(S, b2, j3);
            x3 = DoubleVector.fromArray(S, b3, j3);
            a3 = a3.add(x0.mul(s0).add(x1.mul(s1)).add(x2.mul(s2)).add(x3.mul(s3)));
            e3 = e3.add(x0.mul(r0).add(x1.mul(r1)).add(x2.mul(r2)).add(x3.mul(r3)));
        }
        a0.intoArray(c, j);
        a1.intoArray(c, j1);
        a2.intoArray(c, j2);
        a3.intoArray(c, j3);
        e0.intoArray(d, j);
        e1.intoArray(d, j1);
        e2.intoArray(d, j2);
        e3.intoArray(d, j3);
        int left = to - t;
        if (left > 0) {
            int at = sOff + t * sStride;
            int dt = dOff + t * sStride;
            for (int q = j; q < j + BLOCK; q += L) {
                tail(c, q, rows, t, left, s, at, sStride);
                tail(d, q, rows, t, left, s, dt, sStride);
            }
        }
    }

    @Override
    public void addOuter(double[][] c, double[][] a, double[][] d, int count, int m, int n) {
        if (count == 4) {
            double[] d0 = d[0];
            double[] d1 = d[1];
            double[] d2 = d[2];
            double[] d3 = d[3];
            for (int p = 0; p < m; p++) {
                double s0 = a[0][p];
                double s1 = a[1][p];
                double s2 = a[2][p];
                double s3 = a[3][p];
                double[] cp = c[p];
                int j = 0;
                for (; j + L <= n; j += L) {
                    DoubleVector g = DoubleVector.fromArray(S, d0, j).mul(s0)
                            .add(DoubleVector.fromArray(S, d1, j).mul(s1))
                            .add(DoubleVector.fromArray(S, d2, j).mul(s2))
                            .add(DoubleVector.fromArray(S, d3, j).mul(s3));
                    DoubleVector.fromArray(S, cp, j).add(g).intoArray(cp, j);
                }
                for (; j < n; j++) {
                    cp[j] += s0 * d0[j] + s1 * d1[j] + s2 * d2[j] + s3 * d3[j];
                }
            }
            return;
        }
        for (int p = 0; p < m; p++) {
            double[] cp = c[p];
            int j = 0;
            for (; j + L <= n; j += L) {
                DoubleVector acc = DoubleVector.fromArray(S, cp, j);
                for (int t = 0; t < count; t++) {
                    acc = acc.add(DoubleVector.fromArray(S, d[t], j).mul(a[t][p]));
                }
                acc.intoArray(cp, j);
            }
            for (; j < n; j++) {
                double acc = cp[j];
                for (int t = 0; t < count; t++) {
                    acc += a[t][p] * d[t][j];
                }
                cp[j] = acc;
            }
        }
    }

    @Override
    public void add(double[] c, double[] a, int n) {
        int j = 0;
        for (; j + L <= n; j += L) {
            DoubleVector.fromArray(S, c, j).add(DoubleVector.fromArray(S, a, j)).intoArray(c, j);
        }
        for (; j < n; j++) {
            c[j] += a[j];
        }
    }

    /**
     * {@code c[0..n)} = the accumulator (started as {@code mode} says) plus
     * {@code sum_{t in [from, to)} s[sOff + t*sStride] * rows[t][0..n)} in groups of four.
     *
     * <p>Every mode runs as "add to c": ZERO first sets c to +0.0, and FIRST (the first group
     * becomes the accumulator) sets it to -0.0, the exact additive identity ({@code -0.0 + x == x}
     * bit for bit, for every x including +0.0 and -0.0), so that the first addition returns the
     * group unchanged. One code path keeps the vectors in registers (C2 boxes vectors whose value
     * merges from different branches).
     */
    private static void columns(double[] c, int n, int mode, double[] s, int sOff, int sStride, double[][] rows,
                                int from, int to) {
        if (mode != DST) {
            java.util.Arrays.fill(c, 0, n, mode == ZERO ? 0.0 : -0.0);
        }
        int j = 0;
        for (; j + BLOCK <= n; j += BLOCK) {
            block(c, j, s, sOff, sStride, rows, from, to);
        }
        for (; j + L <= n; j += L) {
            single(c, j, s, sOff, sStride, rows, from, to);
        }
        for (; j < n; j++) {
            c[j] = scalar(c[j], j, s, sOff, sStride, rows, from, to);
        }
    }

    /** {@link #columns} for the {@link #BLOCK} columns from {@code j}, held in four registers. */
    private static void block(double[] c, int j, double[] s, int sOff, int sStride, double[][] rows,
                              int from, int to) {
        int j1 = j + L;
        int j2 = j + 2 * L;
        int j3 = j + 3 * L;
        DoubleVector a0 = DoubleVector.fromArray(S, c, j);
        DoubleVector a1 = DoubleVector.fromArray(S, c, j1);
        DoubleVector a2 = DoubleVector.fromArray(S, c, j2);
        DoubleVector a3 = DoubleVector.fromArray(S, c, j3);
        int t = from;
        for (; t + 3 < to; t += 4) {
            int at = sOff + t * sStride;
            double[] b0 = rows[t];
            double[] b1 = rows[t + 1];
            double[] b2 = rows[t + 2];
            double[] b3 = rows[t + 3];
            DoubleVector s0 = DoubleVector.broadcast(S, s[at]);
            DoubleVector s1 = DoubleVector.broadcast(S, s[at + sStride]);
            DoubleVector s2 = DoubleVector.broadcast(S, s[at + 2 * sStride]);
            DoubleVector s3 = DoubleVector.broadcast(S, s[at + 3 * sStride]);
            a0 = a0.add(group4(b0, b1, b2, b3, s0, s1, s2, s3, j));
            a1 = a1.add(group4(b0, b1, b2, b3, s0, s1, s2, s3, j1));
            a2 = a2.add(group4(b0, b1, b2, b3, s0, s1, s2, s3, j2));
            a3 = a3.add(group4(b0, b1, b2, b3, s0, s1, s2, s3, j3));
        }
        a0.intoArray(c, j);
        a1.intoArray(c, j1);
        a2.intoArray(c, j2);
        a3.intoArray(c, j3);
        int left = to - t;
        if (left > 0) {
            int at = sOff + t * sStride;
            tail(c, j, rows, t, left, s, at, sStride);
            tail(c, j1, rows, t, left, s, at, sStride);
            tail(c, j2, rows, t, left, s, at, sStride);
            tail(c, j3, rows, t, left, s, at, sStride);
        }
    }

    /** {@link #columns} for the {@link #L} columns from {@code j}, in one register. */
    private static void single(double[] c, int j, double[] s, int sOff, int sStride, double[][] rows,
                               int from, int to) {
        DoubleVector acc = DoubleVector.fromArray(S, c, j);
        int t = from;
        for (; t + 3 < to; t += 4) {
            acc = acc.add(group(rows, t, s, sOff + t * sStride, sStride, j));
        }
        acc.intoArray(c, j);
        int left = to - t;
        if (left > 0) {
            tail(c, j, rows, t, left, s, sOff + t * sStride, sStride);
        }
    }

    /** {@link #columns} for column {@code j} alone, in the same order, from {@code acc = c[j]}. */
    private static double scalar(double acc, int j, double[] s, int sOff, int sStride, double[][] rows,
                                 int from, int to) {
        int t = from;
        for (; t + 3 < to; t += 4) {
            int at = sOff + t * sStride;
            acc += s[at] * rows[t][j] + s[at + sStride] * rows[t + 1][j] + s[at + 2 * sStride] * rows[t + 2][j]
                    + s[at + 3 * sStride] * rows[t + 3][j];
        }
        int left = to - t;
        int at = sOff + t * sStride;
        if (left == 3) {
            acc += s[at] * rows[t][j] + s[at + sStride] * rows[t + 1][j] + s[at + 2 * sStride] * rows[t + 2][j];
        } else if (left == 2) {
            acc += s[at] * rows[t][j] + s[at + sStride] * rows[t + 1][j];
        } else if (left == 1) {
            acc += s[at] * rows[t][j];
        }
        return acc;
    }

    /** {@code s0 b0[j..] + s1 b1[j..] + s2 b2[j..] + s3 b3[j..]}, left to right. */
    private static DoubleVector group4(double[] b0, double[] b1, double[] b2, double[] b3, DoubleVector s0,
                                       DoubleVector s1, DoubleVector s2, DoubleVector s3, int j) {
        return s0.mul(DoubleVector.fromArray(S, b0, j))
                .add(s1.mul(DoubleVector.fromArray(S, b1, j)))
                .add(s2.mul(DoubleVector.fromArray(S, b2, j)))
                .add(s3.mul(DoubleVector.fromArray(S, b3, j)));
    }

    /** The group of four terms from {@code t}, at columns {@code j..}. */
    private static DoubleVector group(double[][] rows, int t, double[] s, int at, int sStride, int j) {
        return DoubleVector.fromArray(S, rows[t], j).mul(s[at])
                .add(DoubleVector.fromArray(S, rows[t + 1], j).mul(s[at + sStride]))
                .add(DoubleVector.fromArray(S, rows[t + 2], j).mul(s[at + 2 * sStride]))
                .add(DoubleVector.fromArray(S, rows[t + 3], j).mul(s[at + 3 * sStride]));
    }

    /** Adds the last {@code left} (1 to 3) terms from {@code t}, as one group, to {@code c[j..j+L)}. */
    private static void tail(double[] c, int j, double[][] rows, int t, int left, double[] s, int at, int sStride) {
        DoubleVector acc = DoubleVector.fromArray(S, c, j);
        DoubleVector b0 = DoubleVector.fromArray(S, rows[t], j).mul(s[at]);
        if (left == 1) {
            acc.add(b0).intoArray(c, j);
            return;
        }
        DoubleVector b01 = b0.add(DoubleVector.fromArray(S, rows[t + 1], j).mul(s[at + sStride]));
        if (left == 2) {
            acc.add(b01).intoArray(c, j);
            return;
        }
        acc.add(b01.add(DoubleVector.fromArray(S, rows[t + 2], j).mul(s[at + 2 * sStride]))).intoArray(c, j);
    }
}
