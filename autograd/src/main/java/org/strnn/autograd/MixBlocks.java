package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.kernel.Gemm;

/**
 * The sparse projections of STRNN (spec sections 4 and 6), row by row.
 *
 * <p>Row {@code g} of {@code x} (rows x n*w) holds {@code n} blocks of {@code w} values; read as
 * an {@code n x w} matrix {@code X_g} (block v is row v), it is the transpose of the paper's
 * {@code H = [h_1 ... h_n]} (w x n). With {@code M} (n x K):
 *
 * <pre>
 *   S_g = H_g M = X_g^T M        (w x K),   y[g, j*K + k] = S_g[j, k]  (row-major vec)
 * </pre>
 *
 * <p>Backward: {@code dX_g = M dS_g^T} and {@code dM = sum_g X_g dS_g}.
 */
public final class MixBlocks {

    private MixBlocks() {
    }

    /**
     * The forward kernel on raw row-major storage for rows {@code [g0, g1)}: {@code ys} (rows x w*k)
     * from {@code xs} (rows x n*w) and {@code ms} (n x k). Allocates nothing.
     */
    public static void forwardRows(double[] xs, double[] ms, double[] ys, int g0, int g1, int n, int w, int k) {
        for (int g = g0; g < g1; g++) {
            Gemm.multTransA(xs, g * n * w, ms, 0, ys, g * w * k, w, n, k, false);
        }
    }

    static Tensor apply(Tensor x, Tensor m, int w) {
        ShapeCheck.require(w > 0, "mixBlocks", "block width must be positive, got " + w);
        int n = m.rows();
        int k = m.cols();
        ShapeCheck.require(x.cols() == n * w, "mixBlocks", "input " + x.shape() + " must have n*w = " + n + "*" + w
                + " = " + n * w + " columns to mix with " + m.shape());
        int rows = x.rows();
        int chunks = Parallel.chunks(rows);
        DMatrixRMaj out = new DMatrixRMaj(rows, w * k);
        double[] xs = x.value.data;
        double[] ms = m.value.data;
        double[] ys = out.data;
        Parallel.forEach(chunks, c -> forwardRows(xs, ms, ys, Parallel.chunkStart(c, chunks, rows),
                Parallel.chunkStart(c + 1, chunks, rows), n, w, k));
        return Tensor.derived("mixBlocks", out, grad -> {
            double[] gs = grad.data;
            double[] dxs = x.requiresGrad() ? x.gradData() : null;
            double[][] dM = new double[chunks][];
            boolean wantM = m.requiresGrad();
            Parallel.forEach(chunks, c -> {
                dM[c] = wantM ? new double[n * k] : null;
                int g1 = Parallel.chunkStart(c + 1, chunks, rows);
                for (int g = Parallel.chunkStart(c, chunks, rows); g < g1; g++) {
                    if (dxs != null) {
                        Gemm.multTransB(ms, 0, gs, g * w * k, dxs, g * n * w, n, k, w, true);
                    }
                    if (wantM) {
                        Gemm.mult(xs, g * n * w, gs, g * w * k, dM[c], 0, n, w, k, true);
                    }
                }
            });
            if (wantM) {
                addChunks(dM, m.gradData());
            }
        }, x, m);
    }

    /** Adds per-chunk partial sums into {@code dst} in chunk order. */
    private static void addChunks(double[][] partials, double[] dst) {
        for (double[] p : partials) {
            for (int i = 0; i < dst.length; i++) {
                dst[i] += p[i];
            }
        }
    }
}
