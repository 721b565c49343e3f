package org.strnn.autograd.kernel;

import org.strnn.autograd.types.Activation;

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
 * {@code v*d .. v*d+d-1}; row g of {@code ys} (rows x h*K) is the row-major vec of S.
 *
 * <p>The work is vertex-major over a block of slices: for each vertex in topological order, one
 * product {@code [P_v X_v 1] [W U b]^T} over all the block's slices ({@link Rows#mulRows}, whose
 * Vector API version uses each loaded row of weights for four slices); then, slice by slice, the
 * projection {@code S^T = G^T H}. Each output value is the same sequence of operations whatever
 * the block, so results do not depend on how the rows are split.
 */
public final class SpatialForward {

    private SpatialForward() {
    }

    /**
     * Rows {@code [r0, r1)}: reads {@code xs} and writes the result rows into {@code ys}, in blocks
     * of at most {@code ws.capacity()} slices. Afterwards {@code ws} holds the hidden states of
     * the last block (all of them when {@code r1 - r0 <= ws.capacity()}, as the backward pass
     * needs). Allocates nothing; used by the graph op and by allocation-free inference.
     */
    public static void rows(Activation act, SpatialWeights wt, double[] xs, double[] ys, int r0, int r1,
                            SpatialScratch ws) {
        for (int from = r0; from < r1; from += ws.capacity()) {
            block(act, wt, xs, ys, from, Math.min(r1, from + ws.capacity()), ws);
        }
    }

    private static void block(Activation act, SpatialWeights wt, double[] xs, double[] ys, int r0, int r1,
                              SpatialScratch ws) {
        int n = wt.n;
        int d = wt.d;
        int h = wt.h;
        int hp = wt.hp;
        int rows = r1 - r0;
        double[][][] hv = ws.hv;
        double[][] s = ws.s;
        // The predecessor sums run over whole padded rows when the padding lands where x_v is
        // copied next (the sums of padding are overwritten): whole vectors, no tail (32 values
        // instead of 30 at the SEED shape).
        int sumWidth = hp <= h + d ? hp : h;
        for (int v : wt.order) {
            int[] preds = wt.preds[v];
            double[][] a = hv[v];
            for (int i = 0; i < rows; i++) {
                if (preds.length > 0) {
                    sumRows(hv, preds, i, s[i], sumWidth);
                }
                System.arraycopy(xs, ((r0 + i) * n + v) * d, s[i], h, d);
            }
            // A_v = [P_v X_v 1] [W U b]^T (no W terms for a vertex without predecessors)
            Rows.mulRows(s, 0, rows, preds.length > 0 ? 0 : h, h + d + 1, wt.inT, a, 0, hp, false);
            for (int i = 0; i < rows; i++) {
                activate(act, a[i], hp);
            }
        }
        for (int i = 0; i < rows; i++) {
            project(wt, ws, i, ys, r0 + i);
        }
    }

    /**
     * {@code s[0..w) = sum_{u in which} rows[u][i][0..w)}, in the order of {@code which} (not
     * empty).
     */
    static void sumRows(double[][][] rows, int[] which, int i, double[] s, int w) {
        double[] a = rows[which[0]][i];
        switch (which.length) {
            case 1 -> System.arraycopy(a, 0, s, 0, w);
            case 2 -> {
                double[] b = rows[which[1]][i];
                for (int j = 0; j < w; j++) {
                    s[j] = a[j] + b[j];
                }
            }
            case 3 -> {
                double[] b = rows[which[1]][i];
                double[] c = rows[which[2]][i];
                for (int j = 0; j < w; j++) {
                    s[j] = a[j] + b[j] + c[j];
                }
            }
            default -> {
                System.arraycopy(a, 0, s, 0, w);
                for (int q = 1; q < which.length; q++) {
                    double[] b = rows[which[q]][i];
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

    /** Output row g from slice i of the block: {@code S^T = G^T H} (K rows of h), stored transposed as vec(S). */
    private static void project(SpatialWeights wt, SpatialScratch ws, int i, double[] ys, int g) {
        int k = wt.k;
        int h = wt.h;
        double[][] column = ws.column;
        for (int v = 0; v < wt.n; v++) {
            column[v] = ws.hv[v][i];
        }
        double[][] st = ws.st;
        Rows.mulRows(wt.gT, 0, k, 0, wt.n, column, st, 0, wt.hp, false);
        int out = g * h * k;
        for (int c = 0; c < k; c++) {
            double[] row = st[c];
            for (int j = 0; j < h; j++) {
                ys[out + j * k + c] = row[j];
            }
        }
    }
}
