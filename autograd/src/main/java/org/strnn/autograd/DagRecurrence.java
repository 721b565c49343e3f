package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.kernel.Gemm;

/**
 * A recurrence over a {@link Dag}, computed for many independent rows at once (spec section 3):
 *
 * <pre>
 *   h_v = act( xw_v + (sum_{u in pred(v)} h_u) W^T + b )
 * </pre>
 *
 * <p>Row {@code i} of the input {@code xw} (N x n*h) holds, for one slice, the input term of every
 * vertex: block {@code v} (columns {@code v*h .. v*h+h-1}) is {@code xw_v}. The output has the same
 * layout. A vertex with no predecessors gets a zero sum. {@code W} is h x h and {@code b} is 1 x h.
 *
 * <p>The vertices of one DAG level are computed together: their predecessor sums are gathered
 * into one block and multiplied by {@code W^T} in a single product. The rows are split into
 * {@link Parallel} chunks; a chunk keeps its predecessor sums in level order
 * ({@code [position][row][j]}) for the backward pass.
 *
 * <p>Backward, with {@code dA = dh (.) act'(h)} for the vertices of a level, in reverse level
 * order: {@code dxw_v = dA_v}, {@code db = sum dA}, {@code dW = dA^T P}, and {@code dP = dA W} is
 * added to the hidden-state gradient of every predecessor. Predecessors sit on lower levels, so a
 * vertex's gradient is complete before its level is reached.
 */
public final class DagRecurrence {

    private DagRecurrence() {
    }

    static Tensor apply(Tensor xw, Tensor w, Tensor b, Dag dag, Activation act) {
        int n = dag.size();
        int h = w.rows();
        ShapeCheck.require(w.cols() == h, "dagRecurrence", "W must be square, got " + w.shape());
        ShapeCheck.require(b.rows() == 1 && b.cols() == h, "dagRecurrence",
                "b must be 1x" + h + " to match W " + w.shape() + ", got " + b.shape());
        ShapeCheck.require(xw.cols() == n * h, "dagRecurrence", "input " + xw.shape() + " must have n*h = "
                + n + "*" + h + " = " + n * h + " columns (W is " + w.shape() + ", the DAG has " + n + " vertices)");
        int rows = xw.rows();
        int chunks = Parallel.chunks(rows);
        int[] levelStart = new int[dag.depth() + 1];
        for (int l = 0; l < dag.depth(); l++) {
            levelStart[l + 1] = levelStart[l] + dag.levelUnsafe(l).length;
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, n * h);
        double[] hs = out.data;
        double[] sums = new double[rows * n * h];
        double[] wT = new double[h * h];
        Gemm.transpose(w.value.data, 0, h, h, wT, 0);
        double[] xs = xw.value.data;
        double[] bs = b.value.data;
        Parallel.forEach(chunks, c -> {
            int r0 = Parallel.chunkStart(c, chunks, rows);
            int r1 = Parallel.chunkStart(c + 1, chunks, rows);
            double[] pre = new double[scratchSize(dag, r1 - r0, h)];
            forwardRows(dag, act, xs, wT, bs, hs, sums, pre, r0, r1, h);
        });
        return Tensor.derived("dagRecurrence", out, g -> {
            double[][] dW = new double[chunks][];
            double[][] db = new double[chunks][];
            double[] dxs = xw.requiresGrad() ? xw.gradData() : null;
            boolean wantW = w.requiresGrad();
            boolean wantB = b.requiresGrad();
            double[] ws = w.value.data;
            Parallel.forEach(chunks, c -> {
                int r0 = Parallel.chunkStart(c, chunks, rows);
                int r1 = Parallel.chunkStart(c + 1, chunks, rows);
                dW[c] = wantW ? new double[h * h] : null;
                db[c] = wantB ? new double[h] : null;
                backward(dag, levelStart, act, g.data, hs, sums, ws, dxs, dW[c], db[c], r0, r1, h);
            });
            if (wantW) {
                addChunks(dW, w.gradData());
            }
            if (wantB) {
                addChunks(db, b.gradData());
            }
        }, xw, w, b);
    }

    /** Adds per-chunk partial sums into {@code dst} in chunk order. */
    static void addChunks(double[][] partials, double[] dst) {
        for (double[] p : partials) {
            for (int i = 0; i < dst.length; i++) {
                dst[i] += p[i];
            }
        }
    }

    /** The scratch {@link #forwardRows} needs for {@code rows} rows of width {@code h}. */
    public static int scratchSize(Dag dag, int rows, int h) {
        return dag.widestLevel() * rows * h;
    }

    /**
     * The forward kernel on raw row-major storage, for rows {@code [r0, r1)}: reads {@code xs}
     * (rows x n*h), the transposed recurrent weight {@code wT} (h x h) and {@code bs} (h), writes
     * the hidden states into {@code hs} (rows x n*h). {@code sums} (rows*n*h) receives the
     * predecessor sums, rows {@code [r0, r1)} in level order from offset {@code r0*n*h}; it must
     * be zero there on entry. {@code pre} is scratch of {@link #scratchSize} values. Allocates
     * nothing; used by the op and by allocation-free inference.
     */
    public static void forwardRows(Dag dag, Activation act, double[] xs, double[] wT, double[] bs, double[] hs,
                                   double[] sums, double[] pre, int r0, int r1, int h) {
        int n = dag.size();
        int rowLen = n * h;
        int rcount = r1 - r0;
        int base = r0 * rowLen;
        int position = 0;
        for (int l = 0; l < dag.depth(); l++) {
            int[] verts = dag.levelUnsafe(l);
            int m = verts.length;
            int levelOff = base + position * rcount * h;
            position += m;
            if (l > 0) {
                for (int q = 0; q < m; q++) {
                    int[] preds = dag.predecessorsUnsafe(verts[q]);
                    for (int i = 0; i < rcount; i++) {
                        int dst = levelOff + (q * rcount + i) * h;
                        int row = (r0 + i) * rowLen;
                        for (int u : preds) {
                            int src = row + u * h;
                            for (int j = 0; j < h; j++) {
                                sums[dst + j] += hs[src + j];
                            }
                        }
                    }
                }
                Gemm.mult(sums, levelOff, wT, 0, pre, 0, m * rcount, h, h, false);
            }
            for (int q = 0; q < m; q++) {
                int v = verts[q];
                for (int i = 0; i < rcount; i++) {
                    int at = (r0 + i) * rowLen + v * h;
                    int p = (q * rcount + i) * h;
                    for (int j = 0; j < h; j++) {
                        double a = xs[at + j] + bs[j];
                        if (l > 0) {
                            a += pre[p + j];
                        }
                        hs[at + j] = act.apply(a);
                    }
                }
            }
        }
    }

    private static void backward(Dag dag, int[] levelStart, Activation act, double[] upstream, double[] hs,
                                 double[] sums, double[] ws, double[] dxs, double[] dW, double[] db,
                                 int r0, int r1, int h) {
        int n = dag.size();
        int rowLen = n * h;
        int rcount = r1 - r0;
        int base = r0 * rowLen;
        double[] dh = new double[rcount * rowLen];
        System.arraycopy(upstream, base, dh, 0, dh.length);
        int widest = dag.widestLevel() * rcount * h;
        double[] dA = new double[widest];
        double[] dP = new double[widest];
        for (int l = dag.depth() - 1; l >= 0; l--) {
            int[] verts = dag.levelUnsafe(l);
            int m = verts.length;
            for (int q = 0; q < m; q++) {
                int v = verts[q];
                for (int i = 0; i < rcount; i++) {
                    int at = (r0 + i) * rowLen + v * h;
                    int local = i * rowLen + v * h;
                    int p = (q * rcount + i) * h;
                    for (int j = 0; j < h; j++) {
                        double gj = dh[local + j] * act.derivativeFromOutput(hs[at + j]);
                        dA[p + j] = gj;
                        if (dxs != null) {
                            dxs[at + j] += gj;
                        }
                        if (db != null) {
                            db[j] += gj;
                        }
                    }
                }
            }
            if (l == 0) {
                continue;
            }
            int levelOff = base + levelStart[l] * rcount * h;
            if (dW != null) {
                Gemm.multTransA(dA, 0, sums, levelOff, dW, 0, h, m * rcount, h, true);
            }
            Gemm.mult(dA, 0, ws, 0, dP, 0, m * rcount, h, h, false);
            for (int q = 0; q < m; q++) {
                int[] preds = dag.predecessorsUnsafe(verts[q]);
                for (int i = 0; i < rcount; i++) {
                    int p = (q * rcount + i) * h;
                    for (int u : preds) {
                        int local = i * rowLen + u * h;
                        for (int j = 0; j < h; j++) {
                            dh[local + j] += dP[p + j];
                        }
                    }
                }
            }
        }
    }
}
