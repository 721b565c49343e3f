package org.strnn.autograd.kernel;

/**
 * One chunk's share of the weight gradients of {@link SpatialBackward}, in the packed layout.
 * Chunks are summed with {@link #add} in chunk order, so the total does not depend on the thread
 * count.
 */
public final class SpatialGradients {
    /** h rows of hp: dW^T. */
    final double[][] dWT;
    /** d + 1 rows of hp: dU^T, then db. */
    final double[][] dUT;
    /** n rows of {@link SpatialWeights#kq}: dG. */
    final double[][] dG;

    /** Zeros for the wanted gradients: W's, U's and b's (together), G's. */
    public SpatialGradients(SpatialWeights wt, boolean wantW, boolean wantUb, boolean wantG) {
        dWT = wantW ? new double[wt.h][wt.hp] : null;
        dUT = wantUb ? new double[wt.d + 1][wt.hp] : null;
        dG = wantG ? new double[wt.n][wt.kq] : null;
    }

    /** Adds another chunk's partial sums into these. */
    public void add(SpatialGradients other) {
        addRows(dWT, other.dWT);
        addRows(dUT, other.dUT);
        addRows(dG, other.dG);
    }

    private static void addRows(double[][] dst, double[][] src) {
        if (dst != null) {
            for (int i = 0; i < dst.length; i++) {
                Rows.add(dst[i], src[i], dst[i].length);
            }
        }
    }

    /** Adds the sums into the row-major parameter gradients (null: not wanted). */
    public void addTo(SpatialWeights wt, double[] dw, double[] du, double[] db, double[] dg) {
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
                    dg[v * k + c] += dG[v][c];
                }
            }
        }
    }
}
