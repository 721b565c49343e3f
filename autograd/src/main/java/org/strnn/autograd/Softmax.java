package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.kernel.Elementwise;

/** Row-wise softmax and the fused softmax-cross-entropy loss, stable for large logits. */
final class Softmax {

    private Softmax() {
    }

    /** log sum_j exp(x[o + j]) over one row of c values, computed as max + log sum exp(x - max). */
    static double logSumExp(double[] x, int o, int c) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
            max = Math.max(max, x[o + j]);
        }
        double sum = 0;
        for (int j = 0; j < c; j++) {
            sum += Math.exp(x[o + j] - max);
        }
        return max + Math.log(sum);
    }

    /** y_i = softmax(x_i) per row. dx_i = y_i * (g_i - <g_i, y_i>). */
    static Tensor softmax(Tensor x) {
        int r = x.rows();
        int c = x.cols();
        DMatrixRMaj out = Arithmetic.like(x);
        double[] y = out.data;
        Elementwise.softmaxRows(x.value.data, y, r, c);
        return Tensor.derived("softmax", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < r; i++) {
                int o = i * c;
                double dot = 0;
                for (int j = 0; j < c; j++) {
                    dot += g.data[o + j] * y[o + j];
                }
                for (int j = 0; j < c; j++) {
                    gx[o + j] += y[o + j] * (g.data[o + j] - dot);
                }
            }
        }, x);
    }

    /** y_i = x_i - logsumexp(x_i) per row. dx_i = g_i - softmax(x_i) * sum(g_i). */
    static Tensor logSoftmax(Tensor x) {
        int r = x.rows();
        int c = x.cols();
        double[] xs = x.value.data;
        double[] p = new double[r * c];
        Elementwise.softmaxRows(xs, p, r, c);
        DMatrixRMaj out = Arithmetic.like(x);
        for (int i = 0; i < r; i++) {
            int o = i * c;
            double lse = logSumExp(xs, o, c);
            for (int j = 0; j < c; j++) {
                out.data[o + j] = xs[o + j] - lse;
            }
        }
        return Tensor.derived("logSoftmax", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < r; i++) {
                int o = i * c;
                double sum = 0;
                for (int j = 0; j < c; j++) {
                    sum += g.data[o + j];
                }
                for (int j = 0; j < c; j++) {
                    gx[o + j] += g.data[o + j] - p[o + j] * sum;
                }
            }
        }, x);
    }

    /**
     * L = (1/r) sum_i -log softmax(x_i)[y_i], for logits x (r x c) and labels y_i in [0, c).
     * dL/dx_i = (softmax(x_i) - onehot(y_i)) / r.
     */
    static Tensor crossEntropy(Tensor logits, int[] labels) {
        int r = logits.rows();
        int c = logits.cols();
        ShapeCheck.require(labels.length == r, "softmaxCrossEntropy",
                "logits are " + logits.shape() + " but there are " + labels.length + " labels");
        ShapeCheck.require(r > 0, "softmaxCrossEntropy", "needs at least one row, logits are " + logits.shape());
        for (int i = 0; i < r; i++) {
            ShapeCheck.require(labels[i] >= 0 && labels[i] < c, "softmaxCrossEntropy",
                    "label " + labels[i] + " of row " + i + " is outside [0, " + c + ")");
        }
        int[] y = labels.clone();
        double[] xs = logits.value.data;
        double[] p = new double[r * c];
        Elementwise.softmaxRows(xs, p, r, c);
        double loss = 0;
        for (int i = 0; i < r; i++) {
            // -log softmax = logsumexp - x_y, kept in log space so a confident wrong answer stays finite.
            loss += logSumExp(xs, i * c, c) - xs[i * c + y[i]];
        }
        DMatrixRMaj out = new DMatrixRMaj(1, 1, true, loss / r);
        return Tensor.derived("softmaxCrossEntropy", out, g -> {
            double scale = g.data[0] / r;
            double[] gx = logits.gradData();
            for (int i = 0; i < r; i++) {
                int o = i * c;
                for (int j = 0; j < c; j++) {
                    gx[o + j] += scale * (p[o + j] - (j == y[i] ? 1.0 : 0.0));
                }
            }
        }, logits);
    }
}
