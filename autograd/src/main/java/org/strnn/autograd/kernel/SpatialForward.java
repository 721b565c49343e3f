package org.strnn.autograd.kernel;

import org.strnn.autograd.Activation;

/**
 * The forward kernel of one direction of STRNN's spatial layer (spec sections 3 and 4), on raw
 * row-major storage:
 *
 * <pre>
 *   h_v = act( U x_v + W p_v + b ),   p_v = sum_{u in pred(v)} h_u,
 *   S = H G,   y[g, j*K + k] = S[j, k]
 * </pre>
 *
 * <p>Row g of {@code xs} (rows x n*d) is one slice, vertex v's features in columns
 * {@code v*d .. v*d+d-1}; row g of {@code ys} (rows x h*K) is the row-major vec of S. A slice's
 * vertex rows are separate zero-padded arrays, which the JIT vectorises (see {@link Rows}), and
 * each slice is finished before the next starts, so its working set stays in the L1 cache.
 */
public final class SpatialForward {

    private SpatialForward() {
    }

    /**
     * Rows {@code [r0, r1)}: reads {@code xs}, writes the result rows into {@code ys} and, unless
     * {@code hs} is null, the hidden states of these rows into {@code hs}: vertex v of row g at
     * {@code ((g - r0)*n + v)*h}. Allocates nothing; used by the graph op and by allocation-free
     * inference.
     */
    public static void rows(Activation act, SpatialWeights wt, double[] xs, double[] hs, double[] ys, int r0, int r1,
                            SpatialScratch ws) {
        int n = wt.n;
        int d = wt.d;
        int h = wt.h;
        int hp = wt.hp;
        double[][] hv = ws.hv;
        double[] s = ws.s;
        for (int g = r0; g < r1; g++) {
            int xRow = g * n * d;
            for (int v : wt.order) {
                int[] preds = wt.preds[v];
                int first = h;
                if (preds.length > 0) {
                    sumRows(hv, preds, s, h);
                    first = 0;
                }
                System.arraycopy(xs, xRow + v * d, s, h, d);
                // a = W p + U x + 1 * b
                double[] a = hv[v];
                Rows.sumScaled(a, s, 0, 1, wt.inT, first, h + d + 1, hp);
                activate(act, a, hp);
            }
            if (hs != null) {
                int at = (g - r0) * n * h;
                for (int v = 0; v < n; v++) {
                    System.arraycopy(hv[v], 0, hs, at + v * h, h);
                }
            }
            project(wt, hv, ws.st, ys, g);
        }
    }

    /** {@code s[0..w) = sum_{u in which} rows[u][0..w)}, in the order of {@code which} (not empty). */
    static void sumRows(double[][] rows, int[] which, double[] s, int w) {
        double[] a = rows[which[0]];
        switch (which.length) {
            case 1 -> System.arraycopy(a, 0, s, 0, w);
            case 2 -> {
                double[] b = rows[which[1]];
                for (int j = 0; j < w; j++) {
                    s[j] = a[j] + b[j];
                }
            }
            case 3 -> {
                double[] b = rows[which[1]];
                double[] c = rows[which[2]];
                for (int j = 0; j < w; j++) {
                    s[j] = a[j] + b[j] + c[j];
                }
            }
            default -> {
                System.arraycopy(a, 0, s, 0, w);
                for (int q = 1; q < which.length; q++) {
                    double[] b = rows[which[q]];
                    for (int j = 0; j < w; j++) {
                        s[j] += b[j];
                    }
                }
            }
        }
    }

    /**
     * {@code a = act(a)}. ReLU is {@code max(a, 0)}, which compiles to a branch-free vector max: a
     * branch on the sign of a pre-activation is mispredicted half the time. (Unlike
     * {@link Activation#RELU}, it keeps a NaN.)
     */
    private static void activate(Activation act, double[] a, int n) {
        if (act == Activation.RELU) {
            for (int j = 0; j < n; j++) {
                a[j] = Math.max(a[j], 0.0);
            }
        } else {
            for (int j = 0; j < n; j++) {
                a[j] = act.apply(a[j]);
            }
        }
    }

    /** Row g of the result: {@code S^T = G^T H^T} (K rows of h), stored transposed as vec(S). */
    private static void project(SpatialWeights wt, double[][] hv, double[][] st, double[] ys, int g) {
        int k = wt.k;
        int h = wt.h;
        int out = g * h * k;
        for (int c = 0; c < k; c++) {
            double[] row = st[c];
            Rows.sumScaled(row, wt.g, c, k, hv, 0, wt.n, wt.hp);
            for (int j = 0; j < h; j++) {
                ys[out + j * k + c] = row[j];
            }
        }
    }
}
