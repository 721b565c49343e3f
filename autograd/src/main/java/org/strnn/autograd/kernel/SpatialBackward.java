package org.strnn.autograd.kernel;

import org.strnn.autograd.Activation;

/**
 * The backward kernel of {@link SpatialForward}. Per slice, with {@code dS} the upstream gradient
 * (h x K): {@code dG += H^T dS}, then vertex by vertex in reverse topological order, with
 * {@code e_u = sum_{v in succ(u)} dA_v} (the successors are done by then):
 * {@code dh_u = (dS G^T)_u + W^T e_u}, {@code dA_u = dh_u (.) act'(h_u)}, {@code dW += e_u h_u^T},
 * {@code dU += dA_u x_u^T}, {@code db += dA_u} and {@code dx_u = U^T dA_u}. Gathering from the
 * successors, rather than scattering {@code W^T dA_v} to every predecessor, takes one product per
 * vertex and needs no predecessor sums.
 */
public final class SpatialBackward {

    private SpatialBackward() {
    }

    /**
     * Rows {@code [r0, r1)}: {@code hs} holds these rows' hidden states as
     * {@link SpatialForward#rows} wrote them, {@code up} the upstream gradient (rows x h*K).
     * Adds into {@code dx} (unless null) and into {@code part}'s wanted weight gradients.
     */
    public static void rows(Activation act, SpatialWeights wt, double[] xs, double[] hs, double[] up, double[] dx,
                            SpatialGradients part, int r0, int r1) {
        int n = wt.n;
        int d = wt.d;
        int h = wt.h;
        int k = wt.k;
        int hp = wt.hp;
        int[] order = wt.order;
        double[][] hv = new double[n][hp];
        double[][] dA = new double[n][hp];
        double[] dh = new double[hp];
        double[][] ht = part.dGT != null ? new double[h][wt.np] : null;
        // dh_u = sum_c G[u, c] dS^T_c + sum_i e_u[i] W_i: K + h scaled rows.
        double[][] dhRows = new double[k + h][];
        for (int c = 0; c < k; c++) {
            dhRows[c] = new double[hp];
        }
        System.arraycopy(wt.w, 0, dhRows, k, h);
        double[] z = new double[k + h];
        Outer dW = new Outer(part.dWT, h, hp);
        Outer dU = new Outer(part.dUT, d + 1, hp);
        for (int t = 0; t < 4; t++) {
            dU.a[t][d] = 1.0;
        }
        for (int g = r0; g < r1; g++) {
            int at = (g - r0) * n * h;
            for (int v = 0; v < n; v++) {
                System.arraycopy(hs, at + v * h, hv[v], 0, h);
            }
            int o = g * h * k;
            for (int c = 0; c < k; c++) {
                double[] row = dhRows[c];
                for (int j = 0; j < h; j++) {
                    row[j] = up[o + j * k + c];
                }
            }
            if (ht != null) {
                for (int j = 0; j < h; j++) {
                    double[] row = ht[j];
                    for (int v = 0; v < n; v++) {
                        row[v] = hs[at + v * h + j];
                    }
                }
                for (int c = 0; c < k; c++) {
                    Rows.addScaled(part.dGT[c], dhRows[c], 0, 1, ht, 0, h, wt.np);
                }
            }
            int xRow = g * n * d;
            for (int q = n - 1; q >= 0; q--) {
                int u = order[q];
                System.arraycopy(wt.g, u * k, z, 0, k);
                int[] succ = wt.succ[u];
                int terms = k;
                if (succ.length > 0) {
                    int slot = dW.slot();
                    double[] e = dW.d[slot];
                    SpatialForward.sumRows(dA, succ, e, hp);
                    System.arraycopy(e, 0, z, k, h);
                    terms = k + h;
                    System.arraycopy(hv[u], 0, dW.a[slot], 0, h);
                    dW.commit();
                }
                Rows.sumScaled(dh, z, 0, 1, dhRows, 0, terms, hp);
                double[] a = dA[u];
                derivative(act, dh, hv[u], a, hp);
                if (dx != null) {
                    for (int f = 0; f < d; f++) {
                        double[] uf = wt.inT[h + f];
                        double sum = 0;
                        for (int j = 0; j < h; j++) {
                            sum += uf[j] * a[j];
                        }
                        dx[xRow + u * d + f] += sum;
                    }
                }
                int slot = dU.slot();
                System.arraycopy(xs, xRow + u * d, dU.a[slot], 0, d);
                System.arraycopy(a, 0, dU.d[slot], 0, hp);
                dU.commit();
            }
        }
        dW.flush();
        dU.flush();
    }

    /**
     * {@code out = dh (.) act'(y)}, the derivative taken from the output y. For ReLU,
     * {@code y = max(a, 0) >= 0}, and {@code min(1, y * 2^1200)} is exactly 1 for every y > 0 (the
     * smallest positive double is 2^-1074) and 0 for y = 0: relu'(y) without a branch.
     */
    private static void derivative(Activation act, double[] dh, double[] y, double[] out, int n) {
        if (act == Activation.RELU) {
            for (int j = 0; j < n; j++) {
                out[j] = dh[j] * Math.min(1.0, y[j] * 0x1p600 * 0x1p600);
            }
        } else {
            for (int j = 0; j < n; j++) {
                out[j] = dh[j] * act.derivativeFromOutput(y[j]);
            }
        }
    }

    /**
     * Up to four rows of a rank-4 update {@code C += sum_t a_t d_t^T}, copied in as the backward
     * pass produces them (the scalars a_t are the first {@code m} values of a row).
     */
    private static final class Outer {
        final double[][] c;
        final double[][] a;
        final double[][] d;
        final int m;
        int count;

        Outer(double[][] c, int m, int width) {
            this.c = c;
            this.m = m;
            this.a = new double[4][m];
            this.d = new double[4][width];
        }

        /** The next slot: fill a[slot] and d[slot], then call {@link #commit}. */
        int slot() {
            return count;
        }

        void commit() {
            if (++count == 4) {
                flush();
            }
        }

        void flush() {
            if (c != null) {
                Rows.addOuter(c, a, d, count, m, d[0].length);
            }
            count = 0;
        }
    }
}
