package org.strnn.nn;

import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.Grad;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.check.GradCheckFailure;
import org.strnn.autograd.check.Tolerance;

/**
 * The full-Jacobian check of {@code GradCheck.jacobian}, but with respect to a module's live
 * parameters (GradCheck differentiates only with respect to fresh input tensors that it makes
 * itself, and a module owns its parameter tensors). Every entry of {@code d f / d p} from
 * backward, one output element at a time, is compared with central differences
 * {@code (f(p + h e) - f(p - h e)) / 2h}, {@code h = 1e-6 max(1, |p_e|)}; then {@code J^T v} for a
 * random upstream {@code v}. Parameters and their gradients are left as they were found.
 */
final class LiveJacobian {

    private static final double REL_STEP = 1e-6;

    private LiveJacobian() {
    }

    /** @return the largest absolute difference seen */
    static double check(String name, Supplier<Tensor> f, List<Tensor> params, RandomGenerator rng, Tolerance tol) {
        Tensor probe = f.get();
        int outSize = probe.size();
        double[][][] numeric = new double[params.size()][][];
        for (int k = 0; k < params.size(); k++) {
            double[] w = params.get(k).data();
            numeric[k] = new double[w.length][];
            for (int e = 0; e < w.length; e++) {
                double x = w[e];
                double h = REL_STEP * Math.max(1.0, Math.abs(x));
                w[e] = x + h;
                double xp = w[e];
                double[] yp = valueOf(f);
                w[e] = x - h;
                double xm = w[e];
                double[] ym = valueOf(f);
                w[e] = x;
                double[] d = new double[outSize];
                for (int o = 0; o < outSize; o++) {
                    d[o] = (yp[o] - ym[o]) / (xp - xm);
                }
                numeric[k][e] = d;
            }
        }
        double worst = 0;
        double[][] saved = new double[params.size()][];
        for (int k = 0; k < params.size(); k++) {
            saved[k] = params.get(k).hasGrad() ? params.get(k).gradData().clone() : null;
        }
        try {
            for (int o = 0; o < outSize; o++) {
                DMatrixRMaj onehot = new DMatrixRMaj(probe.rows(), probe.cols());
                onehot.data[o] = 1.0;
                backward(f, params, onehot);
                for (int k = 0; k < params.size(); k++) {
                    double[] g = params.get(k).gradData();
                    for (int e = 0; e < g.length; e++) {
                        worst = Math.max(worst, compare(name, tol, g[e], numeric[k][e][o],
                                "d out[" + o + "] / d param " + k + "[" + e + "]"));
                    }
                }
            }
            DMatrixRMaj v = new DMatrixRMaj(probe.rows(), probe.cols());
            for (int o = 0; o < outSize; o++) {
                v.data[o] = rng.nextGaussian();
            }
            backward(f, params, v);
            for (int k = 0; k < params.size(); k++) {
                double[] g = params.get(k).gradData();
                for (int e = 0; e < g.length; e++) {
                    double num = 0;
                    for (int o = 0; o < outSize; o++) {
                        num += numeric[k][e][o] * v.data[o];
                    }
                    worst = Math.max(worst, compare(name, tol, g[e], num,
                            "with a random upstream gradient, d / d param " + k + "[" + e + "]"));
                }
            }
        } finally {
            for (int k = 0; k < params.size(); k++) {
                Tensor p = params.get(k);
                if (saved[k] == null) {
                    p.zeroGrad();
                } else {
                    System.arraycopy(saved[k], 0, p.gradData(), 0, p.size());
                }
            }
        }
        return worst;
    }

    private static double compare(String name, Tolerance tol, double analytic, double numeric, String where) {
        if (!tol.accepts(analytic, numeric)) {
            throw new GradCheckFailure(name + ": " + where + ": analytic " + analytic + ", numeric " + numeric
                    + " (difference " + Math.abs(analytic - numeric) + " > tolerance " + tol.bound(analytic, numeric) + ")");
        }
        return Math.abs(analytic - numeric);
    }

    private static void backward(Supplier<Tensor> f, List<Tensor> params, DMatrixRMaj upstream) {
        for (Tensor p : params) {
            p.zeroGrad();
        }
        f.get().backward(upstream);
    }

    private static double[] valueOf(Supplier<Tensor> f) {
        try (var off = Grad.disabled()) {
            return f.get().data().clone();
        }
    }
}
