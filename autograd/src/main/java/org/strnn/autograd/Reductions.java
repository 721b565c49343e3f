package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;

/** Sums and means: of all elements (1x1), per row (r x 1) and per column (1 x c). */
final class Reductions {

    private Reductions() {
    }

    /** s = sum of all elements, scaled by c. ds/dx_ij = c. */
    static Tensor sum(Tensor x, double c, String op) {
        double s = 0;
        for (double v : x.value.data) {
            s += v;
        }
        DMatrixRMaj out = new DMatrixRMaj(1, 1, true, c * s);
        return Tensor.derived(op, out, g -> {
            double gc = c * g.data[0];
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += gc;
            }
        }, x);
    }

    /** s_i = c * sum_j x_ij (an r x 1 column). ds_i/dx_ij = c. */
    static Tensor sumRows(Tensor x, double c, String op) {
        int r = x.rows();
        int k = x.cols();
        DMatrixRMaj out = new DMatrixRMaj(r, 1);
        double[] xs = x.value.data;
        for (int i = 0; i < r; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += xs[i * k + j];
            }
            out.data[i] = c * s;
        }
        return Tensor.derived(op, out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < r; i++) {
                double gi = c * g.data[i];
                for (int j = 0; j < k; j++) {
                    gx[i * k + j] += gi;
                }
            }
        }, x);
    }

    /** s_j = c * sum_i x_ij (a 1 x c row). ds_j/dx_ij = c. */
    static Tensor sumCols(Tensor x, double c, String op) {
        int r = x.rows();
        int k = x.cols();
        DMatrixRMaj out = new DMatrixRMaj(1, k);
        double[] xs = x.value.data;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < k; j++) {
                out.data[j] += xs[i * k + j];
            }
        }
        for (int j = 0; j < k; j++) {
            out.data[j] *= c;
        }
        return Tensor.derived(op, out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < k; j++) {
                    gx[i * k + j] += c * g.data[j];
                }
            }
        }, x);
    }
}
