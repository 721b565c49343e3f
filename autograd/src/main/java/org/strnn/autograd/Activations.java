package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.kernel.Elementwise;
import org.strnn.autograd.types.Activation;

/**
 * Elementwise functions. At a kink the derivative is the minimum-norm subgradient:
 * relu'(0) = 0 and abs'(0) = 0.
 */
final class Activations {

    private Activations() {
    }

    /** y = max(x, 0). y' = 1 if x > 0, else 0 (so relu'(0) = 0). */
    static Tensor relu(Tensor x) {
        double[] in = x.value.data;
        DMatrixRMaj out = Arithmetic.like(x);
        Elementwise.activate(Activation.RELU, in, 0, out.data, 0, in.length);
        return Tensor.derived("relu", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                if (in[i] > 0) {
                    gx[i] += g.data[i];
                }
            }
        }, x);
    }

    /** y = tanh(x). y' = 1 - y^2. */
    static Tensor tanh(Tensor x) {
        double[] in = x.value.data;
        DMatrixRMaj out = Arithmetic.like(x);
        double[] y = out.data;
        Elementwise.activate(Activation.TANH, in, 0, y, 0, in.length);
        return Tensor.derived("tanh", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g.data[i] * (1 - y[i] * y[i]);
            }
        }, x);
    }

    /** y = 1 / (1 + e^-x), computed without overflow. y' = y (1 - y). */
    static Tensor sigmoid(Tensor x) {
        double[] in = x.value.data;
        DMatrixRMaj out = Arithmetic.like(x);
        double[] y = out.data;
        for (int i = 0; i < in.length; i++) {
            y[i] = sigmoid(in[i]);
        }
        return Tensor.derived("sigmoid", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g.data[i] * y[i] * (1 - y[i]);
            }
        }, x);
    }

    /** The logistic function; for x < 0 uses e^x / (1 + e^x) so e^-x cannot overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** y = e^x. y' = y. */
    static Tensor exp(Tensor x) {
        double[] in = x.value.data;
        DMatrixRMaj out = Arithmetic.like(x);
        double[] y = out.data;
        for (int i = 0; i < in.length; i++) {
            y[i] = Math.exp(in[i]);
        }
        return Tensor.derived("exp", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g.data[i] * y[i];
            }
        }, x);
    }

    /** y = ln x. y' = 1 / x. */
    static Tensor log(Tensor x) {
        double[] in = x.value.data;
        DMatrixRMaj out = Arithmetic.like(x);
        for (int i = 0; i < in.length; i++) {
            out.data[i] = Math.log(in[i]);
        }
        return Tensor.derived("log", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g.data[i] / in[i];
            }
        }, x);
    }

    /** y = |x|. y' = sign(x), with abs'(0) = 0. */
    static Tensor abs(Tensor x) {
        double[] in = x.value.data;
        DMatrixRMaj out = Arithmetic.like(x);
        for (int i = 0; i < in.length; i++) {
            out.data[i] = Math.abs(in[i]);
        }
        return Tensor.derived("abs", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g.data[i] * Math.signum(in[i]);
            }
        }, x);
    }

    /** y = x^2. y' = 2x. */
    static Tensor square(Tensor x) {
        double[] in = x.value.data;
        DMatrixRMaj out = Arithmetic.like(x);
        for (int i = 0; i < in.length; i++) {
            out.data[i] = in[i] * in[i];
        }
        return Tensor.derived("square", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < gx.length; i++) {
                gx[i] += 2 * in[i] * g.data[i];
            }
        }, x);
    }
}
