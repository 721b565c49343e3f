package org.strnn.autograd.kernel;

import org.strnn.autograd.types.Dag;

/**
 * One direction of STRNN's spatial layer packed for {@link SpatialForward} and
 * {@link SpatialBackward}: the DAG as plain arrays, and the weights as rows padded with zeros to a
 * multiple of 4 values (see {@link Rows}). A packed copy does not follow later changes of the
 * arrays or the DAG it was made from.
 */
public final class SpatialWeights {
    final int n;
    final int d;
    final int h;
    final int k;
    final int hp;
    /** K rounded up to a multiple of 8 (whole vectors of up to 512 bits): the width of a dG row. */
    final int kq;
    /** A topological order of the vertices. */
    final int[] order;
    /** The predecessors of each vertex, in the order of their sum. */
    final int[][] preds;
    /** The successors of each vertex. */
    final int[][] succ;
    /** h + d + 1 rows of hp: rows 0..h-1 are W^T, rows h..h+d-1 are U^T, row h+d is b. */
    final double[][] inT;
    /** h rows of hp: W. */
    final double[][] w;
    /** n rows of K: G, the scalars of the projection's gradient (dh_v = sum_c G[v, c] dS^T_c). */
    final double[][] gRows;
    /** K rows of n: G^T, the scalars of the projection (S^T_c = sum_v G[v, c] h_v). */
    final double[][] gT;
    /** h rows of {@code Rows.padded(d)}: U, for the input gradient (dx_v = sum_i dA_v[i] U_i). */
    final double[][] uRows;

    private SpatialWeights(Dag dag, int d, int h, int k) {
        this.n = dag.size();
        this.d = d;
        this.h = h;
        this.k = k;
        this.hp = Rows.padded(h);
        this.kq = (k + 7) & ~7;
        this.order = dag.order();
        this.preds = new int[n][];
        this.succ = new int[n][];
        for (int v = 0; v < n; v++) {
            preds[v] = dag.predecessors(v);
            succ[v] = dag.successors(v);
        }
        this.inT = new double[h + d + 1][hp];
        this.w = new double[h][hp];
        this.gRows = new double[n][k];
        this.gT = new double[k][n];
        this.uRows = new double[h][Rows.padded(d)];
    }

    /**
     * Packs row-major {@code u} (h x d), {@code w} (h x h), {@code b} (h) and {@code g}
     * (n x k) for {@code dag} (n vertices) with d features per vertex.
     */
    public static SpatialWeights pack(Dag dag, double[] u, double[] w, double[] b, double[] g, int d, int h, int k) {
        int n = dag.size();
        if (u.length != h * d || w.length != h * h || b.length != h || g.length != n * k) {
            throw new IllegalArgumentException("weights do not match n=" + n + ", d=" + d + ", h=" + h + ", K=" + k
                    + ": got " + u.length + ", " + w.length + ", " + b.length + " and " + g.length + " values");
        }
        SpatialWeights p = new SpatialWeights(dag, d, h, k);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                p.inT[j][i] = w[i * h + j];
                p.w[i][j] = w[i * h + j];
            }
            for (int f = 0; f < d; f++) {
                p.inT[h + f][i] = u[i * d + f];
            }
        }
        System.arraycopy(b, 0, p.inT[h + d], 0, h);
        for (int i = 0; i < h; i++) {
            System.arraycopy(u, i * d, p.uRows[i], 0, d);
        }
        for (int v = 0; v < n; v++) {
            for (int c = 0; c < k; c++) {
                p.gRows[v][c] = g[v * k + c];
                p.gT[c][v] = g[v * k + c];
            }
        }
        return p;
    }

    /** The result's width, h*K. */
    public int outputWidth() {
        return h * k;
    }

}
