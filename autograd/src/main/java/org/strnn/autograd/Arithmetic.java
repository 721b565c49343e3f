package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.kernel.Elementwise;

/** Elementwise arithmetic on tensors of one shape, and scalar forms. */
final class Arithmetic {

    private Arithmetic() {
    }

    static DMatrixRMaj like(Tensor x) {
        return new DMatrixRMaj(x.rows(), x.cols());
    }

    /** z = a + b. dz/da = dz/db = 1. */
    static Tensor add(Tensor a, Tensor b) {
        ShapeCheck.sameShape("add", a, b);
        DMatrixRMaj out = like(a);
        Elementwise.add(a.value.data, 0, b.value.data, 0, out.data, 0, out.data.length);
        return Tensor.derived("add", out, g -> {
            Tensor.accumulate(a, g);
            Tensor.accumulate(b, g);
        }, a, b);
    }

    /** z = a - b. dz/da = 1, dz/db = -1. */
    static Tensor sub(Tensor a, Tensor b) {
        ShapeCheck.sameShape("sub", a, b);
        DMatrixRMaj out = like(a);
        double[] x = a.value.data;
        double[] y = b.value.data;
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = x[i] - y[i];
        }
        return Tensor.derived("sub", out, g -> {
            Tensor.accumulate(a, g);
            if (b.requiresGrad()) {
                double[] gb = b.gradData();
                for (int i = 0; i < gb.length; i++) {
                    gb[i] -= g.data[i];
                }
            }
        }, a, b);
    }

    /** z = a * b elementwise. dz/da = b, dz/db = a. */
    static Tensor mul(Tensor a, Tensor b) {
        ShapeCheck.sameShape("mul", a, b);
        DMatrixRMaj out = like(a);
        double[] x = a.value.data;
        double[] y = b.value.data;
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = x[i] * y[i];
        }
        return Tensor.derived("mul", out, g -> {
            if (a.requiresGrad()) {
                double[] ga = a.gradData();
                for (int i = 0; i < ga.length; i++) {
                    ga[i] += g.data[i] * y[i];
                }
            }
            if (b.requiresGrad()) {
                double[] gb = b.gradData();
                for (int i = 0; i < gb.length; i++) {
                    gb[i] += g.data[i] * x[i];
                }
            }
        }, a, b);
    }

    /** z = a / b elementwise. dz/da = 1/b, dz/db = -a/b^2 = -z/b. */
    static Tensor div(Tensor a, Tensor b) {
        ShapeCheck.sameShape("div", a, b);
        DMatrixRMaj out = like(a);
        double[] x = a.value.data;
        double[] y = b.value.data;
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = x[i] / y[i];
        }
        double[] z = out.data;
        return Tensor.derived("div", out, g -> {
            if (a.requiresGrad()) {
                double[] ga = a.gradData();
                for (int i = 0; i < ga.length; i++) {
                    ga[i] += g.data[i] / y[i];
                }
            }
            if (b.requiresGrad()) {
                double[] gb = b.gradData();
                for (int i = 0; i < gb.length; i++) {
                    gb[i] -= g.data[i] * z[i] / y[i];
                }
            }
        }, a, b);
    }

    /** z = c * a for a constant c. dz/da = c. */
    static Tensor scale(Tensor a, double c) {
        DMatrixRMaj out = like(a);
        double[] x = a.value.data;
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = c * x[i];
        }
        return Tensor.derived("scale", out, g -> {
            double[] ga = a.gradData();
            for (int i = 0; i < ga.length; i++) {
                ga[i] += c * g.data[i];
            }
        }, a);
    }

    /** z = a + c for a constant c. dz/da = 1. */
    static Tensor addScalar(Tensor a, double c) {
        DMatrixRMaj out = like(a);
        double[] x = a.value.data;
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = x[i] + c;
        }
        return Tensor.derived("addScalar", out, g -> Tensor.accumulate(a, g), a);
    }

    /** z = x + b, adding the 1 x c row b to every row of the r x c matrix x. db = column sums of dz. */
    static Tensor addRow(Tensor x, Tensor b) {
        ShapeCheck.require(b.rows() == 1 && b.cols() == x.cols(), "addRow",
                "the row to add must be 1x" + x.cols() + " to match " + x.shape() + ", got " + b.shape());
        int r = x.rows();
        int c = x.cols();
        DMatrixRMaj out = like(x);
        Elementwise.addRow(x.value.data, 0, b.value.data, out.data, 0, r, c);
        return Tensor.derived("addRow", out, g -> {
            Tensor.accumulate(x, g);
            if (b.requiresGrad()) {
                double[] gb = b.gradData();
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < c; j++) {
                        gb[j] += g.data[i * c + j];
                    }
                }
            }
        }, x, b);
    }
}
