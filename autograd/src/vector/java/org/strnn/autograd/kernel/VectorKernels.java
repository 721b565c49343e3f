package org.strnn.autograd.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the JDK's incubating Vector API, with multiplications and additions kept
 * separate (no fused multiply-add), so that every output element goes through exactly the same
 * sequence of operations as in {@link ScalarKernels}: the results are bit-identical.
 *
 * <p>What changes is only the order across independent elements: a tile of output rows and
 * columns is kept in vector registers while all the terms are added to it, instead of streaming
 * the whole row once per term. Columns left over after the last full vector go through the same
 * operations one at a time.
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
    /**
     * Whether {@link #mulRows}' four-row tile is four vectors wide (sixteen accumulators) or two
     * (eight). With at least eight doubles per vector (AVX-512, which has 32 vector registers) the
     * wide tile fits in registers; with fewer (AVX2 has 16 registers of four doubles) its sixteen
     * accumulators, four loaded vectors and the broadcast would spill, so the narrow tile is used.
     */
    private static final boolean WIDE_TILE = L >= 8;

    /** Zeros for {@link #mulRows} to start from; replaced by a longer array when needed, never written. */
    private static volatile double[] zeros = new double[64];

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
    public void mulRows(double[][] s, int sFrom, int m, int tFrom, int tTo, double[][] b, double[][] c, int cFrom,
                        int n, boolean add) {
        double[] zero = zeros(n);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            double[] s0 = s[sFrom + i];
            double[] s1 = s[sFrom + i + 1];
            double[] s2 = s[sFrom + i + 2];
            double[] s3 = s[sFrom + i + 3];
            double[] c0 = c[cFrom + i];
            double[] c1 = c[cFrom + i + 1];
            double[] c2 = c[cFrom + i + 2];
            double[] c3 = c[cFrom + i + 3];
            int j = 0;
            if (WIDE_TILE) {
                for (; j + BLOCK <= n; j += BLOCK) {
                    tile4(s0, s1, s2, s3, add ? c0 : zero, add ? c1 : zero, add ? c2 : zero, add ? c3 : zero,
                            c0, c1, c2, c3, j, b, tFrom, tTo);
                }
            }
            for (; j + 2 * L <= n; j += 2 * L) {
                tile4x2(s0, s1, s2, s3, add ? c0 : zero, add ? c1 : zero, add ? c2 : zero, add ? c3 : zero,
                        c0, c1, c2, c3, j, b, tFrom, tTo);
            }
            for (; j + L <= n; j += L) {
                tile4Single(s0, s1, s2, s3, add ? c0 : zero, add ? c1 : zero, add ? c2 : zero, add ? c3 : zero,
                        c0, c1, c2, c3, j, b, tFrom, tTo);
            }
            for (; j < n; j++) {
                c0[j] = sequential(add ? c0[j] : 0.0, s0, b, tFrom, tTo, j);
                c1[j] = sequential(add ? c1[j] : 0.0, s1, b, tFrom, tTo, j);
                c2[j] = sequential(add ? c2[j] : 0.0, s2, b, tFrom, tTo, j);
                c3[j] = sequential(add ? c3[j] : 0.0, s3, b, tFrom, tTo, j);
            }
        }
        if (i + 1 < m) {
            double[] s0 = s[sFrom + i];
            double[] s1 = s[sFrom + i + 1];
            double[] c0 = c[cFrom + i];
            double[] c1 = c[cFrom + i + 1];
            int j = 0;
            for (; j + BLOCK <= n; j += BLOCK) {
                tile2(s0, s1, add ? c0 : zero, add ? c1 : zero, c0, c1, j, b, tFrom, tTo);
            }
            rowFrom(s0, add ? c0 : zero, c0, j, n, b, tFrom, tTo);
            rowFrom(s1, add ? c1 : zero, c1, j, n, b, tFrom, tTo);
            i += 2;
        }
        for (; i < m; i++) {
            double[] ci = c[cFrom + i];
            rowFrom(s[sFrom + i], add ? ci : zero, ci, 0, n, b, tFrom, tTo);
        }
    }

    /**
     * With the wide tile and exactly {@link #BLOCK} columns (the spatial op's weight gradient),
     * groups of four output rows read their scalars straight from the rows of A
     * ({@code a[t][p .. p+3]}, side by side in one array), so A's columns are not copied; the rows
     * left over, other widths and narrower vectors go through {@link Rows#mulTransRowsByColumns}.
     * Either way each element is {@code c + a[t][p] b[t][j]} over t in index order, as in
     * {@link #mulRows}.
     */
    @Override
    public void mulTransRows(double[][] a, int p0, int m, int tFrom, int tTo, double[][] b, double[][] c, int cFrom,
                             int n) {
        int p = 0;
        if (WIDE_TILE && n == BLOCK) {
            for (; p + 3 < m; p += 4) {
                tile4Columns(a, p0 + p, c[cFrom + p], c[cFrom + p + 1], c[cFrom + p + 2], c[cFrom + p + 3], b, tFrom,
                        tTo);
            }
        }
        if (p < m) {
            Rows.mulTransRowsByColumns(this, a, p0 + p, m - p, tFrom, tTo, b, c, cFrom + p, n);
        }
    }

    /**
     * {@link #mulTransRows} for output rows {@code q .. q+3} of A's columns and rows of exactly
     * {@link #BLOCK} columns: {@link #tile4} with the scalars of term t read from {@code a[t]}, and
     * with constant column offsets (fewer bounds checks per term).
     */
    private static void tile4Columns(double[][] a, int q, double[] c0, double[] c1, double[] c2, double[] c3,
                                     double[][] b, int tFrom, int tTo) {
        final int j = 0;
        final int j1 = L;
        final int j2 = 2 * L;
        final int j3 = 3 * L;
        DoubleVector a00 = DoubleVector.fromArray(S, c0, j);
        DoubleVector a01 = DoubleVector.fromArray(S, c0, j1);
        DoubleVector a02 = DoubleVector.fromArray(S, c0, j2);
        DoubleVector a03 = DoubleVector.fromArray(S, c0, j3);
        DoubleVector a10 = DoubleVector.fromArray(S, c1, j);
        DoubleVector a11 = DoubleVector.fromArray(S, c1, j1);
        DoubleVector a12 = DoubleVector.fromArray(S, c1, j2);
        DoubleVector a13 = DoubleVector.fromArray(S, c1, j3);
        DoubleVector a20 = DoubleVector.fromArray(S, c2, j);
        DoubleVector a21 = DoubleVector.fromArray(S, c2, j1);
        DoubleVector a22 = DoubleVector.fromArray(S, c2, j2);
        DoubleVector a23 = DoubleVector.fromArray(S, c2, j3);
        DoubleVector a30 = DoubleVector.fromArray(S, c3, j);
        DoubleVector a31 = DoubleVector.fromArray(S, c3, j1);
        DoubleVector a32 = DoubleVector.fromArray(S, c3, j2);
        DoubleVector a33 = DoubleVector.fromArray(S, c3, j3);
        for (int t = tFrom; t < tTo; t++) {
            double[] at = a[t];
            double[] bt = b[t];
            DoubleVector x0 = DoubleVector.fromArray(S, bt, j);
            DoubleVector x1 = DoubleVector.fromArray(S, bt, j1);
            DoubleVector x2 = DoubleVector.fromArray(S, bt, j2);
            DoubleVector x3 = DoubleVector.fromArray(S, bt, j3);
            DoubleVector v = DoubleVector.broadcast(S, at[q]);
            a00 = a00.add(v.mul(x0));
            a01 = a01.add(v.mul(x1));
            a02 = a02.add(v.mul(x2));
            a03 = a03.add(v.mul(x3));
            v = DoubleVector.broadcast(S, at[q + 1]);
            a10 = a10.add(v.mul(x0));
            a11 = a11.add(v.mul(x1));
            a12 = a12.add(v.mul(x2));
            a13 = a13.add(v.mul(x3));
            v = DoubleVector.broadcast(S, at[q + 2]);
            a20 = a20.add(v.mul(x0));
            a21 = a21.add(v.mul(x1));
            a22 = a22.add(v.mul(x2));
            a23 = a23.add(v.mul(x3));
            v = DoubleVector.broadcast(S, at[q + 3]);
            a30 = a30.add(v.mul(x0));
            a31 = a31.add(v.mul(x1));
            a32 = a32.add(v.mul(x2));
            a33 = a33.add(v.mul(x3));
        }
        a00.intoArray(c0, j);
        a01.intoArray(c0, j1);
        a02.intoArray(c0, j2);
        a03.intoArray(c0, j3);
        a10.intoArray(c1, j);
        a11.intoArray(c1, j1);
        a12.intoArray(c1, j2);
        a13.intoArray(c1, j3);
        a20.intoArray(c2, j);
        a21.intoArray(c2, j1);
        a22.intoArray(c2, j2);
        a23.intoArray(c2, j3);
        a30.intoArray(c3, j);
        a31.intoArray(c3, j1);
        a32.intoArray(c3, j2);
        a33.intoArray(c3, j3);
    }

    /** Zeros to start accumulators from, at least n long; never written. */
    private static double[] zeros(int n) {
        double[] z = zeros;
        if (z.length < n) {
            z = new double[Math.max(n, 2 * z.length)];
            zeros = z;
        }
        return z;
    }

    /**
     * {@link #mulRows} for one row, columns {@code [j, n)}, starting from {@code from}'s values:
     * vector by vector, then one by one.
     */
    private static void rowFrom(double[] si, double[] from, double[] ci, int j, int n, double[][] b, int tFrom,
                                int tTo) {
        for (; j + BLOCK <= n; j += BLOCK) {
            tile1(si, from, ci, j, b, tFrom, tTo);
        }
        for (; j + L <= n; j += L) {
            DoubleVector acc = DoubleVector.fromArray(S, from, j);
            for (int t = tFrom; t < tTo; t++) {
                acc = acc.add(DoubleVector.broadcast(S, si[t]).mul(DoubleVector.fromArray(S, b[t], j)));
            }
            acc.intoArray(ci, j);
        }
        for (; j < n; j++) {
            ci[j] = sequential(from[j], si, b, tFrom, tTo, j);
        }
    }

    /** {@link #mulRows} for one row and the {@link #BLOCK} columns from {@code j}: four accumulators. */
    private static void tile1(double[] si, double[] f, double[] c, int j, double[][] b, int tFrom, int tTo) {
        int j1 = j + L;
        int j2 = j + 2 * L;
        int j3 = j + 3 * L;
        DoubleVector a0 = DoubleVector.fromArray(S, f, j);
        DoubleVector a1 = DoubleVector.fromArray(S, f, j1);
        DoubleVector a2 = DoubleVector.fromArray(S, f, j2);
        DoubleVector a3 = DoubleVector.fromArray(S, f, j3);
        for (int t = tFrom; t < tTo; t++) {
            double[] bt = b[t];
            DoubleVector v = DoubleVector.broadcast(S, si[t]);
            a0 = a0.add(v.mul(DoubleVector.fromArray(S, bt, j)));
            a1 = a1.add(v.mul(DoubleVector.fromArray(S, bt, j1)));
            a2 = a2.add(v.mul(DoubleVector.fromArray(S, bt, j2)));
            a3 = a3.add(v.mul(DoubleVector.fromArray(S, bt, j3)));
        }
        a0.intoArray(c, j);
        a1.intoArray(c, j1);
        a2.intoArray(c, j2);
        a3.intoArray(c, j3);
    }

    /** {@link #mulRows} for four rows and the 2 {@link #L} columns from {@code j}: eight accumulators. */
    private static void tile4x2(double[] s0, double[] s1, double[] s2, double[] s3, double[] f0, double[] f1,
                                double[] f2, double[] f3, double[] c0, double[] c1, double[] c2, double[] c3, int j,
                                double[][] b, int tFrom, int tTo) {
        int j1 = j + L;
        DoubleVector a00 = DoubleVector.fromArray(S, f0, j);
        DoubleVector a01 = DoubleVector.fromArray(S, f0, j1);
        DoubleVector a10 = DoubleVector.fromArray(S, f1, j);
        DoubleVector a11 = DoubleVector.fromArray(S, f1, j1);
        DoubleVector a20 = DoubleVector.fromArray(S, f2, j);
        DoubleVector a21 = DoubleVector.fromArray(S, f2, j1);
        DoubleVector a30 = DoubleVector.fromArray(S, f3, j);
        DoubleVector a31 = DoubleVector.fromArray(S, f3, j1);
        for (int t = tFrom; t < tTo; t++) {
            double[] bt = b[t];
            DoubleVector x0 = DoubleVector.fromArray(S, bt, j);
            DoubleVector x1 = DoubleVector.fromArray(S, bt, j1);
            DoubleVector v = DoubleVector.broadcast(S, s0[t]);
            a00 = a00.add(v.mul(x0));
            a01 = a01.add(v.mul(x1));
            v = DoubleVector.broadcast(S, s1[t]);
            a10 = a10.add(v.mul(x0));
            a11 = a11.add(v.mul(x1));
            v = DoubleVector.broadcast(S, s2[t]);
            a20 = a20.add(v.mul(x0));
            a21 = a21.add(v.mul(x1));
            v = DoubleVector.broadcast(S, s3[t]);
            a30 = a30.add(v.mul(x0));
            a31 = a31.add(v.mul(x1));
        }
        a00.intoArray(c0, j);
        a01.intoArray(c0, j1);
        a10.intoArray(c1, j);
        a11.intoArray(c1, j1);
        a20.intoArray(c2, j);
        a21.intoArray(c2, j1);
        a30.intoArray(c3, j);
        a31.intoArray(c3, j1);
    }

    /** {@link #mulRows} for four rows and the {@link #BLOCK} columns from {@code j}. */
    private static void tile4(double[] s0, double[] s1, double[] s2, double[] s3, double[] f0, double[] f1,
                              double[] f2, double[] f3, double[] c0, double[] c1, double[] c2, double[] c3, int j,
                              double[][] b, int tFrom, int tTo) {
        int j1 = j + L;
        int j2 = j + 2 * L;
        int j3 = j + 3 * L;
        DoubleVector a00 = DoubleVector.fromArray(S, f0, j);
        DoubleVector a01 = DoubleVector.fromArray(S, f0, j1);
        DoubleVector a02 = DoubleVector.fromArray(S, f0, j2);
        DoubleVector a03 = DoubleVector.fromArray(S, f0, j3);
        DoubleVector a10 = DoubleVector.fromArray(S, f1, j);
        DoubleVector a11 = DoubleVector.fromArray(S, f1, j1);
        DoubleVector a12 = DoubleVector.fromArray(S, f1, j2);
        DoubleVector a13 = DoubleVector.fromArray(S, f1, j3);
        DoubleVector a20 = DoubleVector.fromArray(S, f2, j);
        DoubleVector a21 = DoubleVector.fromArray(S, f2, j1);
        DoubleVector a22 = DoubleVector.fromArray(S, f2, j2);
        DoubleVector a23 = DoubleVector.fromArray(S, f2, j3);
        DoubleVector a30 = DoubleVector.fromArray(S, f3, j);
        DoubleVector a31 = DoubleVector.fromArray(S, f3, j1);
        DoubleVector a32 = DoubleVector.fromArray(S, f3, j2);
        DoubleVector a33 = DoubleVector.fromArray(S, f3, j3);
        for (int t = tFrom; t < tTo; t++) {
            double[] bt = b[t];
            DoubleVector x0 = DoubleVector.fromArray(S, bt, j);
            DoubleVector x1 = DoubleVector.fromArray(S, bt, j1);
            DoubleVector x2 = DoubleVector.fromArray(S, bt, j2);
            DoubleVector x3 = DoubleVector.fromArray(S, bt, j3);
            DoubleVector v = DoubleVector.broadcast(S, s0[t]);
            a00 = a00.add(v.mul(x0));
            a01 = a01.add(v.mul(x1));
            a02 = a02.add(v.mul(x2));
            a03 = a03.add(v.mul(x3));
            v = DoubleVector.broadcast(S, s1[t]);
            a10 = a10.add(v.mul(x0));
            a11 = a11.add(v.mul(x1));
            a12 = a12.add(v.mul(x2));
            a13 = a13.add(v.mul(x3));
            v = DoubleVector.broadcast(S, s2[t]);
            a20 = a20.add(v.mul(x0));
            a21 = a21.add(v.mul(x1));
            a22 = a22.add(v.mul(x2));
            a23 = a23.add(v.mul(x3));
            v = DoubleVector.broadcast(S, s3[t]);
            a30 = a30.add(v.mul(x0));
            a31 = a31.add(v.mul(x1));
            a32 = a32.add(v.mul(x2));
            a33 = a33.add(v.mul(x3));
        }
        a00.intoArray(c0, j);
        a01.intoArray(c0, j1);
        a02.intoArray(c0, j2);
        a03.intoArray(c0, j3);
        a10.intoArray(c1, j);
        a11.intoArray(c1, j1);
        a12.intoArray(c1, j2);
        a13.intoArray(c1, j3);
        a20.intoArray(c2, j);
        a21.intoArray(c2, j1);
        a22.intoArray(c2, j2);
        a23.intoArray(c2, j3);
        a30.intoArray(c3, j);
        a31.intoArray(c3, j1);
        a32.intoArray(c3, j2);
        a33.intoArray(c3, j3);
    }

    /** {@link #mulRows} for two rows and the {@link #BLOCK} columns from {@code j}. */
    private static void tile2(double[] s0, double[] s1, double[] f0, double[] f1, double[] c0, double[] c1, int j,
                              double[][] b, int tFrom, int tTo) {
        int j1 = j + L;
        int j2 = j + 2 * L;
        int j3 = j + 3 * L;
        DoubleVector a00 = DoubleVector.fromArray(S, f0, j);
        DoubleVector a01 = DoubleVector.fromArray(S, f0, j1);
        DoubleVector a02 = DoubleVector.fromArray(S, f0, j2);
        DoubleVector a03 = DoubleVector.fromArray(S, f0, j3);
        DoubleVector a10 = DoubleVector.fromArray(S, f1, j);
        DoubleVector a11 = DoubleVector.fromArray(S, f1, j1);
        DoubleVector a12 = DoubleVector.fromArray(S, f1, j2);
        DoubleVector a13 = DoubleVector.fromArray(S, f1, j3);
        for (int t = tFrom; t < tTo; t++) {
            double[] bt = b[t];
            DoubleVector x0 = DoubleVector.fromArray(S, bt, j);
            DoubleVector x1 = DoubleVector.fromArray(S, bt, j1);
            DoubleVector x2 = DoubleVector.fromArray(S, bt, j2);
            DoubleVector x3 = DoubleVector.fromArray(S, bt, j3);
            DoubleVector v = DoubleVector.broadcast(S, s0[t]);
            a00 = a00.add(v.mul(x0));
            a01 = a01.add(v.mul(x1));
            a02 = a02.add(v.mul(x2));
            a03 = a03.add(v.mul(x3));
            v = DoubleVector.broadcast(S, s1[t]);
            a10 = a10.add(v.mul(x0));
            a11 = a11.add(v.mul(x1));
            a12 = a12.add(v.mul(x2));
            a13 = a13.add(v.mul(x3));
        }
        a00.intoArray(c0, j);
        a01.intoArray(c0, j1);
        a02.intoArray(c0, j2);
        a03.intoArray(c0, j3);
        a10.intoArray(c1, j);
        a11.intoArray(c1, j1);
        a12.intoArray(c1, j2);
        a13.intoArray(c1, j3);
    }

    /** {@link #mulRows} for four rows and the {@link #L} columns from {@code j}. */
    private static void tile4Single(double[] s0, double[] s1, double[] s2, double[] s3, double[] f0, double[] f1,
                                    double[] f2, double[] f3, double[] c0, double[] c1, double[] c2, double[] c3,
                                    int j, double[][] b, int tFrom, int tTo) {
        DoubleVector a0 = DoubleVector.fromArray(S, f0, j);
        DoubleVector a1 = DoubleVector.fromArray(S, f1, j);
        DoubleVector a2 = DoubleVector.fromArray(S, f2, j);
        DoubleVector a3 = DoubleVector.fromArray(S, f3, j);
        for (int t = tFrom; t < tTo; t++) {
            DoubleVector x = DoubleVector.fromArray(S, b[t], j);
            a0 = a0.add(DoubleVector.broadcast(S, s0[t]).mul(x));
            a1 = a1.add(DoubleVector.broadcast(S, s1[t]).mul(x));
            a2 = a2.add(DoubleVector.broadcast(S, s2[t]).mul(x));
            a3 = a3.add(DoubleVector.broadcast(S, s3[t]).mul(x));
        }
        a0.intoArray(c0, j);
        a1.intoArray(c1, j);
        a2.intoArray(c2, j);
        a3.intoArray(c3, j);
    }

    /** Column j of one row of {@link #mulRows}: {@code acc + s[t] b[t][j]}, one term at a time. */
    private static double sequential(double acc, double[] s, double[][] b, int tFrom, int tTo, int j) {
        for (int t = tFrom; t < tTo; t++) {
            acc = acc + s[t] * b[t][j];
        }
        return acc;
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
}
