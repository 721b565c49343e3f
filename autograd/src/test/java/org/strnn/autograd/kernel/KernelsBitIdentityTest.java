package org.strnn.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.check.Gen;
import org.strnn.autograd.check.Property;

/**
 * Every available {@link Kernels} implementation, and the {@link Rows} / {@link Gemm} entry points
 * that delegate to the chosen one, give exactly the bits of an element-by-element reference that
 * follows the documented order of operations (terms added to the accumulator one at a time, in
 * index order; never a fused multiply-add). Without
 * {@code --add-modules jdk.incubator.vector} only the scalar implementation is checked; Surefire
 * runs this class once more with the module (see the pom), where the vectorised one is checked too.
 *
 * <p>Inputs mix magnitudes from 2^-30 to 2^30 and signed zeros, so that any change of the order
 * of additions changes some bits. Lengths are random, most of them not multiples of the vector
 * length, so the tails are covered.
 */
class KernelsBitIdentityTest {

    private static final int TRIALS = 300;

    /**
     * A row width for the products: a third of the time exactly 32 (one 4 x 32 register tile
     * with 512-bit vectors, which has kernels of its own), a third a multiple of 8 (whole
     * vectors), else anything from 1 to 70 (the tails).
     */
    private static int columns(Gen gen) {
        return switch (gen.intBetween(0, 2)) {
            case 0 -> 32;
            case 1 -> 8 * gen.intBetween(1, 8);
            default -> gen.intBetween(1, 70);
        };
    }

    /** The implementations to check, each with its name. */
    private static List<Kernels> implementations() {
        List<Kernels> all = new ArrayList<>();
        all.add(KernelProvider.scalar());
        KernelProvider.vector().ifPresent(all::add);
        return all;
    }

    @Test
    void multPackedFollowsTheDocumentedOrder() {
        Property.check("kernels: multPacked bits", TRIALS, gen -> {
            int m = gen.intBetween(1, 9);
            int k = gen.intBetween(0, 40);
            int n = gen.intBetween(1, 70);
            boolean transposed = gen.random().nextBoolean();
            int sRow = transposed ? 1 : k;
            int sCol = transposed ? m : 1;
            int sOff = gen.intBetween(0, 5);
            int cOff = gen.intBetween(0, 5);
            boolean accumulate = gen.random().nextBoolean();
            double[] s = values(gen, sOff + m * k);
            double[][] bRows = new double[k][Rows.padded(n)];
            for (int t = 0; t < k; t++) {
                System.arraycopy(values(gen, n), 0, bRows[t], 0, n);
            }
            double[] c0 = values(gen, cOff + m * n + 2);
            int i0 = gen.intBetween(0, m);
            int i1 = gen.intBetween(i0, m);

            double[] want = c0.clone();
            for (int i = i0; i < i1; i++) {
                for (int j = 0; j < n; j++) {
                    double acc = sequential(0.0, s, sOff + i * sRow, sCol, bRows, 0, k, j);
                    int at = cOff + i * n + j;
                    want[at] = accumulate ? c0[at] + acc : acc;
                }
            }
            double[] c = c0.clone();
            Gemm.multPacked(s, sOff, sRow, sCol, bRows, k, n, c, cOff, i0, i1, accumulate);
            assertBits("Gemm.multPacked", want, c);
        });
    }

    @Test
    void mulRowsFollowsTheDocumentedOrder() {
        Property.check("kernels: mulRows bits", TRIALS, gen -> {
            int m = gen.intBetween(0, 13);
            int terms = gen.intBetween(0, 40);
            int tFrom = gen.intBetween(0, terms);
            int tTo = gen.intBetween(tFrom, terms);
            int n = columns(gen);
            int sFrom = gen.intBetween(0, 3);
            int cFrom = gen.intBetween(0, 3);
            boolean add = gen.random().nextBoolean();
            double[][] s = new double[sFrom + m][];
            for (int i = 0; i < s.length; i++) {
                s[i] = values(gen, terms + gen.intBetween(0, 3));
            }
            double[][] b = new double[terms][];
            for (int t = 0; t < terms; t++) {
                b[t] = values(gen, n + gen.intBetween(0, 3));
            }
            double[][] c0 = new double[cFrom + m + 1][];
            for (int i = 0; i < c0.length; i++) {
                c0[i] = values(gen, n + gen.intBetween(0, 3));
            }
            double[][] want = copy(c0);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double acc = add ? c0[cFrom + i][j] : 0.0;
                    for (int t = tFrom; t < tTo; t++) {
                        acc = acc + s[sFrom + i][t] * b[t][j];
                    }
                    want[cFrom + i][j] = acc;
                }
            }
            List<Kernels> impls = implementations();
            for (int variant = 0; variant <= impls.size(); variant++) {
                boolean viaRows = variant == impls.size();
                double[][] c = copy(c0);
                if (viaRows) {
                    Rows.mulRows(s, sFrom, m, tFrom, tTo, b, c, cFrom, n, add);
                } else {
                    impls.get(variant).mulRows(s, sFrom, m, tFrom, tTo, b, c, cFrom, n, add);
                }
                assertRows((viaRows ? "Rows" : impls.get(variant).name()) + " mulRows", want, c);
            }
        });
    }

    @Test
    void mulTransRowsFollowsTheDocumentedOrder() {
        Property.check("kernels: mulTransRows bits", TRIALS, gen -> {
            int m = gen.intBetween(0, 13);
            int p0 = gen.intBetween(0, 3);
            int terms = gen.intBetween(0, 40);
            int tFrom = gen.intBetween(0, terms);
            int tTo = gen.intBetween(tFrom, terms);
            int n = columns(gen);
            int cFrom = gen.intBetween(0, 3);
            double[][] a = new double[terms][];
            double[][] b = new double[terms][];
            for (int t = 0; t < terms; t++) {
                a[t] = values(gen, p0 + m + gen.intBetween(0, 3));
                b[t] = values(gen, n + gen.intBetween(0, 3));
            }
            double[][] c0 = new double[cFrom + m + 1][];
            for (int i = 0; i < c0.length; i++) {
                c0[i] = values(gen, n + gen.intBetween(0, 3));
            }
            double[][] want = copy(c0);
            for (int p = 0; p < m; p++) {
                for (int j = 0; j < n; j++) {
                    double acc = c0[cFrom + p][j];
                    for (int t = tFrom; t < tTo; t++) {
                        acc = acc + a[t][p0 + p] * b[t][j];
                    }
                    want[cFrom + p][j] = acc;
                }
            }
            List<Kernels> impls = implementations();
            for (int variant = 0; variant <= impls.size(); variant++) {
                boolean viaRows = variant == impls.size();
                double[][] c = copy(c0);
                if (viaRows) {
                    Rows.mulTransRows(a, p0, m, tFrom, tTo, b, c, cFrom, n);
                } else {
                    impls.get(variant).mulTransRows(a, p0, m, tFrom, tTo, b, c, cFrom, n);
                }
                assertRows((viaRows ? "Rows" : impls.get(variant).name()) + " mulTransRows", want, c);
            }
        });
    }

    @Test
    void gemmProductsMatchTheReference() {
        Property.check("kernels: Gemm.mult, multTransA, multTransB bits", 100, gen -> {
            int m = gen.intBetween(1, 40);
            int k = gen.intBetween(1, 40);
            int n = gen.intBetween(1, 40);
            double[] a = values(gen, m * k);
            double[] b = values(gen, k * n);
            double[] aT = new double[k * m];
            Gemm.transpose(a, 0, m, k, aT, 0);
            double[] bT = new double[n * k];
            Gemm.transpose(b, 0, k, n, bT, 0);
            double[] want = new double[m * n];
            double[][] bRows = new double[k][];
            for (int p = 0; p < k; p++) {
                bRows[p] = java.util.Arrays.copyOfRange(b, p * n, p * n + n);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    want[i * n + j] = sequential(0.0, a, i * k, 1, bRows, 0, k, j);
                }
            }
            double[] c = new double[m * n];
            Gemm.mult(a, 0, b, 0, c, 0, m, k, n, false);
            assertBits("Gemm.mult", want, c);
            c = new double[m * n];
            Gemm.multTransA(aT, 0, b, 0, c, 0, m, k, n, false);
            assertBits("Gemm.multTransA", want, c);
            c = new double[m * n];
            Gemm.multTransB(a, 0, bT, 0, c, 0, m, k, n, false);
            assertBits("Gemm.multTransB", want, c);
        });
    }

    @Test
    void addFollowsTheDocumentedOrder() {
        Property.check("kernels: add bits", TRIALS, gen -> {
            int n = gen.intBetween(1, 70);
            double[] x = values(gen, n);
            double[] y0 = values(gen, n + 1);
            double[] wantAdd = y0.clone();
            for (int j = 0; j < n; j++) {
                wantAdd[j] = y0[j] + x[j];
            }
            List<Kernels> impls = implementations();
            for (int variant = 0; variant <= impls.size(); variant++) {
                boolean viaRows = variant == impls.size();
                String name = viaRows ? "Rows" : impls.get(variant).name();
                double[] y = y0.clone();
                if (viaRows) {
                    Rows.add(y, x, n);
                } else {
                    impls.get(variant).add(y, x, n);
                }
                assertBits(name + " add", wantAdd, y);
            }
        });
    }

    @Test
    void theScalarPropertyForcesTheScalarKernelsAndNamesAreWellFormed() {
        assertEquals("scalar", KernelProvider.scalar().name());
        KernelProvider.vector().ifPresent(v -> {
            if (!v.name().matches("vector-\\d+") || Integer.parseInt(v.name().substring(7)) < 128) {
                fail("bad vector kernel name " + v.name());
            }
        });
        boolean forced = "scalar".equals(System.getProperty(KernelProvider.PROPERTY));
        if (forced || KernelProvider.vector().isEmpty()) {
            assertEquals("scalar", KernelProvider.name());
        } else {
            assertEquals(KernelProvider.vector().get().name(), KernelProvider.name());
        }
    }

    /** A deep copy of rows. */
    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    /** Every row of {@code got} has exactly the bits of the same row of {@code want}. */
    private static void assertRows(String what, double[][] want, double[][] got) {
        for (int i = 0; i < want.length; i++) {
            assertBits(what + " row " + i, want[i], got[i]);
        }
    }

    /** {@code acc} plus the terms {@code [from, to)} of column j, one at a time, in index order. */
    static double sequential(double acc, double[] s, int sOff, int stride, double[][] rows, int from, int to, int j) {
        for (int t = from; t < to; t++) {
            acc = acc + s[sOff + t * stride] * rows[t][j];
        }
        return acc;
    }

    /** Values whose magnitudes span 2^-30 to 2^30, with some signed zeros. */
    static double[] values(Gen gen, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = gen.intBetween(0, 19);
            if (kind == 0) {
                v[i] = 0.0;
            } else if (kind == 1) {
                v[i] = -0.0;
            } else {
                v[i] = gen.doubleBetween(-1, 1) * Math.scalb(1.0, gen.intBetween(-30, 30));
            }
        }
        return v;
    }

    static void assertBits(String what, double[] want, double[] got) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++) {
            if (Double.doubleToRawLongBits(want[i]) != Double.doubleToRawLongBits(got[i])) {
                fail(what + ": element " + i + " is " + got[i] + ", expected " + want[i] + " (bit for bit)");
            }
        }
    }
}
