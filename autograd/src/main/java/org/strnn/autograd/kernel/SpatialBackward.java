package org.strnn.autograd.kernel;

import java.util.Arrays;
import org.strnn.autograd.types.Activation;

/**
 * The backward kernel of {@link SpatialForward}, vertex-major over a block of slices like the
 * forward pass. With {@code dS} a slice's upstream gradient (h x K):
 *
 * <ol>
 *   <li>slice by slice, {@code dH = G dS^T} (the projection's share of every vertex's state
 *       gradient), then {@code dG += [H ...] [dS ...]} over all the block's slices at once;</li>
 *   <li>vertex by vertex in reverse topological order, over all the block's slices at once, with
 *       {@code E_u = sum_{v in succ(u)} dA_v} (the successors are done by then):
 *       {@code dH_u += E_u W}, {@code dW^T += H_u^T E_u}, {@code dA_u = dH_u (.) act'(H_u)},
 *       {@code [dU^T; db] += [X_u 1]^T dA_u} and {@code dX_u += dA_u U}.</li>
 * </ol>
 *
 * <p>Gathering from the successors, rather than scattering {@code dA_v W} to every predecessor,
 * takes one product per vertex and needs no predecessor sums. Every product is a
 * {@link Rows#mulRows} or {@link Rows#mulTransRows}, whose terms are added one at a time in index
 * order, so a weight gradient sums the block's slices in slice order, vertex after vertex: the
 * order depends only on the block's bounds, never on the thread count.
 */
public final class SpatialBackward {

    private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>();

    private SpatialBackward() {
    }

    /**
     * Rows {@code [r0, r1)}: {@code fwd} holds these rows' hidden states as
     * {@link SpatialForward#rows} left them (so {@code r1 - r0 <= fwd.capacity()}), {@code up} the
     * upstream gradient (rows x h*K). Adds into {@code dx} (unless null) and into {@code part}'s
     * wanted weight gradients. Its working memory is kept per thread and reused.
     */
    public static void rows(Activation act, SpatialWeights wt, double[] xs, SpatialScratch fwd, double[] up,
                            double[] dx, SpatialGradients part, int r0, int r1) {
        int rows = r1 - r0;
        if (rows > fwd.capacity()) {
            throw new IllegalArgumentException(rows + " rows, but the forward states hold only " + fwd.capacity());
        }
        int n = wt.n;
        int d = wt.d;
        int h = wt.h;
        int hp = wt.hp;
        Scratch sc = scratch(wt, rows);
        double[][][] hv = fwd.hv;
        double[][][] dA = sc.dA;
        for (int i = 0; i < rows; i++) {
            projectionGradient(wt, hv, up, part.dG != null, sc, i, r0 + i);
        }
        if (part.dG != null) {
            // dG += [H_v of every slice] [dS of every slice]: one product over the block.
            Rows.mulRows(sc.hFlat, 0, n, 0, rows * h, sc.dsAll, part.dG, 0, wt.kq, true);
        }
        for (int q = n - 1; q >= 0; q--) {
            int u = wt.order[q];
            double[][] a = dA[u];
            double[][] hu = hv[u];
            int[] succ = wt.succ[u];
            if (succ.length > 0) {
                double[][] e = succ.length == 1 ? dA[succ[0]] : sc.e;
                if (succ.length > 1) {
                    for (int i = 0; i < rows; i++) {
                        SpatialForward.sumRows(dA, succ, i, e[i], hp);
                    }
                }
                Rows.mulRows(e, 0, rows, 0, h, wt.w, a, 0, hp, true);
                if (part.dWT != null) {
                    Rows.mulTransRows(hu, 0, h, 0, rows, e, part.dWT, 0, hp);
                }
            }
            for (int i = 0; i < rows; i++) {
                derivative(act, a[i], hu[i], hp);
            }
            if (part.dUT != null) {
                double[][] xT = sc.xT;
                for (int i = 0; i < rows; i++) {
                    int at = ((r0 + i) * n + u) * d;
                    for (int f = 0; f < d; f++) {
                        xT[f][i] = xs[at + f];
                    }
                }
                Rows.mulRows(xT, 0, d + 1, 0, rows, a, part.dUT, 0, hp, true);
            }
            if (dx != null) {
                double[][] dxs = sc.dxs;
                Rows.mulRows(a, 0, rows, 0, h, wt.uRows, dxs, 0, dxs[0].length, false);
                for (int i = 0; i < rows; i++) {
                    int at = ((r0 + i) * n + u) * d;
                    double[] row = dxs[i];
                    for (int f = 0; f < d; f++) {
                        dx[at + f] += row[f];
                    }
                }
            }
        }
    }

    /**
     * Slice i of the block (output row g): {@code dH[., i] = G dS^T} (overwriting), and, when dG
     * is wanted, this slice's rows of the block-wide {@code [H_v ...]} and {@code [dS ...]}.
     */
    private static void projectionGradient(SpatialWeights wt, double[][][] hv, double[] up, boolean wantG,
                                           Scratch sc, int i, int g) {
        int n = wt.n;
        int h = wt.h;
        int k = wt.k;
        double[][] dsT = sc.dsT;
        int o = g * h * k;
        for (int c = 0; c < k; c++) {
            double[] row = dsT[c];
            for (int j = 0; j < h; j++) {
                row[j] = up[o + j * k + c];
            }
        }
        double[][] column = sc.column;
        for (int v = 0; v < n; v++) {
            column[v] = sc.dA[v][i];
        }
        Rows.mulRows(wt.gRows, 0, n, 0, k, dsT, column, 0, wt.hp, false);
        if (wantG) {
            double[][] dsAll = sc.dsAll;
            for (int j = 0; j < h; j++) {
                System.arraycopy(up, o + j * k, dsAll[i * h + j], 0, k);
            }
            for (int v = 0; v < n; v++) {
                System.arraycopy(hv[v][i], 0, sc.hFlat[v], i * h, h);
            }
        }
    }

    /**
     * {@code dh = dh (.) act'(y)} in place, the derivative taken from the output y. For ReLU,
     * {@code y = max(a, 0) >= 0}, and {@code min(1, y * 2^1200)} is exactly 1 for every y > 0 (the
     * smallest positive double is 2^-1074) and 0 for y = 0: relu'(y) without a branch.
     */
    private static void derivative(Activation act, double[] dh, double[] y, int n) {
        if (act == Activation.RELU) {
            for (int j = 0; j < n; j++) {
                dh[j] = dh[j] * Math.min(1.0, y[j] * 0x1p600 * 0x1p600);
            }
        } else {
            for (int j = 0; j < n; j++) {
                dh[j] = dh[j] * act.derivativeFromOutput(y[j]);
            }
        }
    }

    /**
     * This thread's working memory, made anew when the shape changes or more rows come than it
     * holds (STRNN's directions all have one shape, so it is made once per thread and kept).
     */
    private static Scratch scratch(SpatialWeights wt, int rows) {
        Scratch sc = SCRATCH.get();
        if (sc == null || !sc.fits(wt, rows)) {
            sc = new Scratch(wt, Math.max(rows, sc != null && sc.fitsShape(wt) ? sc.capacity : 0));
            SCRATCH.set(sc);
        }
        return sc;
    }

    /** A thread's working memory for blocks of up to {@code capacity} slices of one shape. */
    private static final class Scratch {
        final int n;
        final int d;
        final int h;
        final int k;
        final int capacity;
        /** {@code dA[v][i]}: the state gradient of vertex v in slice i, then (after act') dA. */
        final double[][][] dA;
        /** The summed successor gradients, one row per slice. */
        final double[][] e;
        /** dS^T of one slice: K rows of hp. */
        final double[][] dsT;
        /** dS of every slice of the block, slice after slice: capacity*h rows of kq. */
        final double[][] dsAll;
        /** H_v of every slice of the block, slice after slice, flat: n rows of capacity*h. */
        final double[][] hFlat;
        /** [X_u 1]^T over the block: d + 1 rows of capacity, the last all ones. */
        final double[][] xT;
        /** dX_u of each slice, {@code Rows.padded(d)} wide. */
        final double[][] dxs;
        /** The rows of one slice gathered from {@link #dA}. */
        final double[][] column;

        Scratch(SpatialWeights wt, int capacity) {
            n = wt.n;
            d = wt.d;
            h = wt.h;
            k = wt.k;
            this.capacity = Math.max(1, capacity);
            dA = new double[n][this.capacity][wt.hp];
            e = new double[this.capacity][wt.hp];
            dsT = new double[k][wt.hp];
            dsAll = new double[this.capacity * h][wt.kq];
            hFlat = new double[n][this.capacity * h];
            xT = new double[d + 1][this.capacity];
            Arrays.fill(xT[d], 1.0);
            dxs = new double[this.capacity][Rows.padded(d)];
            column = new double[n][];
        }

        boolean fitsShape(SpatialWeights wt) {
            return n == wt.n && d == wt.d && h == wt.h && k == wt.k;
        }

        boolean fits(SpatialWeights wt, int rows) {
            return fitsShape(wt) && rows <= capacity;
        }
    }
}
