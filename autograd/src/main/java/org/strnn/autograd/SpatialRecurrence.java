package org.strnn.autograd;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.kernel.Rows;

/**
 * One direction of STRNN's spatial layer as a single op (spec sections 3 and 4): the input
 * projection, the recurrence over a {@link Dag} and the sparse projection, for every row at once.
 *
 * <pre>
 *   h_v = act( U x_v + W p_v + b ),   p_v = sum_{u in pred(v)} h_u,
 *   S = H G,   y[g, j*K + k] = S[j, k]
 * </pre>
 *
 * <p>Row g of {@code x} (rows x n*d) is one slice, with vertex v's features in columns
 * {@code v*d .. v*d+d-1}; {@code H = [h_1 ... h_n]} (h x n) holds its hidden states, and row g of the
 * result (rows x h*K) is the row-major vec of {@code S}. {@code U} is h x d, {@code W} is h x h,
 * {@code b} is 1 x h and {@code G} is n x K. The op equals
 * {@code mixBlocks(dagRecurrence(reshape(reshape(x, rows*n, d) U^T, rows, n*h), W, b, dag, act), G, h)};
 * fused, it keeps only the hidden states for the backward pass.
 *
 * <p>Backward, per slice, with {@code dS} the upstream gradient (h x K): {@code dG += H^T dS},
 * then vertex by vertex in reverse topological order, with {@code e_u = sum_{v in succ(u)} dA_v}
 * (the successors are done by then):
 * {@code dh_u = (dS G^T)_u + W^T e_u}, {@code dA_u = dh_u (.) act'(h_u)}, {@code dW += e_u h_u^T},
 * {@code dU += dA_u x_u^T}, {@code db += dA_u} and {@code dx_u = U^T dA_u}. Gathering from the
 * successors, rather than scattering {@code W^T dA_v} to every predecessor, takes one product per
 * vertex and needs no predecessor sums.
 *
 * <p>Layout: a slice's vertex rows are separate zero-padded arrays, which the JIT vectorises (see
 * {@link Rows}); slices are split into {@link Parallel} chunks and processed one at a time, so a
 * slice's working set stays in the L1 cache. Weight gradients are summed per chunk and the chunk
 * sums added in chunk order, so results do not depend on the thread count.
 */
public final class SpatialRecurrence {

    private SpatialRecurrence() {
    }

    /**
     * The weights of one direction, packed for the kernels: rows padded with zeros to a multiple
     * of 4 values. A packed copy does not follow later changes of the arrays it was made from.
     */
    public static final class Weights {
        final int n;
        final int d;
        final int h;
        final int k;
        final int hp;
        final int np;
        /** h + d + 1 rows of hp: rows 0..h-1 are W^T, rows h..h+d-1 are U^T, row h+d is b. */
        final double[][] inT;
        /** h rows of hp: W. */
        final double[][] w;
        /** n x K, row-major: G. */
        final double[] g;

        private Weights(int n, int d, int h, int k) {
            this.n = n;
            this.d = d;
            this.h = h;
            this.k = k;
            this.hp = Rows.padded(h);
            this.np = Rows.padded(n);
            this.inT = new double[h + d + 1][hp];
            this.w = new double[h][hp];
            this.g = new double[n * k];
        }

        /**
         * Packs row-major {@code u} (h x d), {@code w} (h x h), {@code b} (h) and {@code g}
         * (n x k), for a DAG of n vertices with d features per vertex.
         */
        public static Weights pack(double[] u, double[] w, double[] b, double[] g, int n, int d, int h, int k) {
            if (u.length != h * d || w.length != h * h || b.length != h || g.length != n * k) {
                throw new IllegalArgumentException("weights do not match n=" + n + ", d=" + d + ", h=" + h + ", K=" + k
                        + ": got " + u.length + ", " + w.length + ", " + b.length + " and " + g.length + " values");
            }
            Weights p = new Weights(n, d, h, k);
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
            System.arraycopy(g, 0, p.g, 0, n * k);
            return p;
        }

        /** The result's width, h*K. */
        public int outputWidth() {
            return h * k;
        }
    }

    /** Scratch for {@link #forwardRows}: one per thread; allocates nothing once made. */
    public static final class Workspace {
        final double[][] hv;
        final double[] s;
        final double[][] st;

        public Workspace(Weights wt) {
            hv = new double[wt.n][wt.hp];
            s = new double[wt.h + wt.d + 1];
            s[wt.h + wt.d] = 1.0;
            st = new double[wt.k][wt.hp];
        }
    }

    static Tensor apply(Tensor x, Tensor u, Tensor w, Tensor b, Tensor g, Dag dag, Activation act) {
        int n = dag.size();
        int h = w.rows();
        int d = u.cols();
        int k = g.cols();
        String op = "spatialRecurrence";
        ShapeCheck.require(w.cols() == h, op, "W must be square, got " + w.shape());
        ShapeCheck.require(u.rows() == h, op, "U " + u.shape() + " must have h=" + h + " rows to match W " + w.shape());
        ShapeCheck.require(b.rows() == 1 && b.cols() == h, op, "b must be 1x" + h + " to match W " + w.shape()
                + ", got " + b.shape());
        ShapeCheck.require(g.rows() == n, op, "G " + g.shape() + " must have one row per vertex (the DAG has " + n + ")");
        ShapeCheck.require(x.cols() == n * d, op, "input " + x.shape() + " must have n*d = " + n + "*" + d + " = "
                + n * d + " columns (the DAG has " + n + " vertices, U is " + u.shape() + ")");
        int rows = x.rows();
        int chunks = Parallel.chunks(rows);
        Weights wt = Weights.pack(u.value.data, w.value.data, b.value.data, g.value.data, n, d, h, k);
        DMatrixRMaj out = new DMatrixRMaj(rows, h * k);
        // Each chunk keeps its own hidden states, allocated (and zeroed) on the thread that fills them.
        double[][] hs = new double[chunks][];
        double[] xs = x.value.data;
        double[] ys = out.data;
        Parallel.forEach(chunks, c -> {
            int r0 = Parallel.chunkStart(c, chunks, rows);
            int r1 = Parallel.chunkStart(c + 1, chunks, rows);
            hs[c] = new double[(r1 - r0) * n * h];
            forwardRows(dag, act, wt, xs, hs[c], ys, r0, r1, new Workspace(wt));
        });
        return Tensor.derived(op, out, grad -> {
            boolean wantW = w.requiresGrad();
            boolean wantUb = u.requiresGrad() || b.requiresGrad();
            boolean wantG = g.requiresGrad();
            double[] dx = x.requiresGrad() ? x.gradData() : null;
            Partials[] parts = new Partials[chunks];
            Parallel.forEach(chunks, c -> {
                parts[c] = new Partials(wt, wantW, wantUb, wantG);
                backward(dag, act, wt, xs, hs[c], grad.data, dx, parts[c], Parallel.chunkStart(c, chunks, rows),
                        Parallel.chunkStart(c + 1, chunks, rows));
            });
            Partials total = parts[0];
            for (int c = 1; c < chunks; c++) {
                total.add(parts[c]);
            }
            total.addTo(wt, w.requiresGrad() ? w.gradData() : null, u.requiresGrad() ? u.gradData() : null,
                    b.requiresGrad() ? b.gradData() : null, wantG ? g.gradData() : null);
        }, x, u, w, b, g);
    }

    /**
     * The forward kernel on raw row-major storage, for rows {@code [r0, r1)}: reads {@code xs}
     * (rows x n*d), writes the result rows into {@code ys} (rows x h*K) and, unless {@code hs} is
     * null, the hidden states of these rows into {@code hs}: vertex v of row g at
     * {@code ((g - r0)*n + v)*h}. Allocates nothing; used by the op and by allocation-free inference.
     */
    public static void forwardRows(Dag dag, Activation act, Weights wt, double[] xs, double[] hs, double[] ys,
                                   int r0, int r1, Workspace ws) {
        int n = wt.n;
        int d = wt.d;
        int h = wt.h;
        int hp = wt.hp;
        int[] order = dag.orderUnsafe();
        double[][] hv = ws.hv;
        double[] s = ws.s;
        for (int g = r0; g < r1; g++) {
            int xRow = g * n * d;
            for (int v : order) {
                int[] preds = dag.predecessorsUnsafe(v);
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
    private static void sumRows(double[][] rows, int[] which, double[] s, int w) {
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

    /** Row g of the result: {@code S^T = G^T H^T} (K rows of h), stored transposed as vec(S). */
    private static void project(Weights wt, double[][] hv, double[][] st, double[] ys, int g) {
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

    /** One chunk's share of the weight gradients, in the packed layout. */
    private static final class Partials {
        /** h rows of hp: dW^T. */
        final double[][] dWT;
        /** d + 1 rows of hp: dU^T, then db. */
        final double[][] dUT;
        /** K rows of np: dG^T. */
        final double[][] dGT;

        Partials(Weights wt, boolean wantW, boolean wantUb, boolean wantG) {
            dWT = wantW ? new double[wt.h][wt.hp] : null;
            dUT = wantUb ? new double[wt.d + 1][wt.hp] : null;
            dGT = wantG ? new double[wt.k][wt.np] : null;
        }

        /** Adds another chunk's partial sums into these. */
        void add(Partials other) {
            addRows(dWT, other.dWT);
            addRows(dUT, other.dUT);
            addRows(dGT, other.dGT);
        }

        private static void addRows(double[][] dst, double[][] src) {
            if (dst != null) {
                for (int i = 0; i < dst.length; i++) {
                    Rows.add(dst[i], src[i], dst[i].length);
                }
            }
        }

        /** Adds the sums into the parameters' gradients (null: not wanted). */
        void addTo(Weights wt, double[] dw, double[] du, double[] db, double[] dg) {
            int h = wt.h;
            int d = wt.d;
            int k = wt.k;
            if (dw != null) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < h; j++) {
                        dw[i * h + j] += dWT[j][i];
                    }
                }
            }
            if (du != null) {
                for (int i = 0; i < h; i++) {
                    for (int f = 0; f < d; f++) {
                        du[i * d + f] += dUT[f][i];
                    }
                }
            }
            if (db != null) {
                for (int j = 0; j < h; j++) {
                    db[j] += dUT[d][j];
                }
            }
            if (dg != null) {
                for (int v = 0; v < wt.n; v++) {
                    for (int c = 0; c < k; c++) {
                        dg[v * k + c] += dGT[c][v];
                    }
                }
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

    private static void backward(Dag dag, Activation act, Weights wt, double[] xs, double[] hs, double[] up,
                                 double[] dx, Partials part, int r0, int r1) {
        int n = wt.n;
        int d = wt.d;
        int h = wt.h;
        int k = wt.k;
        int hp = wt.hp;
        int[] order = dag.orderUnsafe();
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
                int[] succ = dag.successorsUnsafe(u);
                int terms = k;
                if (succ.length > 0) {
                    int slot = dW.slot();
                    double[] e = dW.d[slot];
                    sumRows(dA, succ, e, hp);
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
}
