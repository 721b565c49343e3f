package org.strnn.nn.optim;

import java.util.Arrays;
import java.util.List;
import org.strnn.autograd.Tensor;

/**
 * Adam (Kingma and Ba 2015) with PyTorch's exact update. At step {@code t = 1, 2, ...}, for each
 * parameter {@code w} with gradient {@code g}:
 * <pre>
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   w = w - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * with {@code m = v = 0} initially. Note that {@code eps} is added after the bias correction of
 * {@code v}, as PyTorch does. As in PyTorch, each parameter counts its own steps, and a parameter
 * without a gradient is skipped without counting one.
 */
public final class Adam implements Optimizer {

    private final List<Tensor> params;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[][] m;
    private final double[][] v;
    private final int[] steps;
    private double lr;

    /** {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code eps = 1e-8}. */
    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8);
    }

    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps) {
        this.params = Params.checked("Adam", params);
        this.lr = Params.learningRate("Adam", lr);
        this.beta1 = Params.inRange("Adam", "beta1", beta1, 0.0, 1.0);
        this.beta2 = Params.inRange("Adam", "beta2", beta2, 0.0, 1.0);
        this.eps = Params.inRange("Adam", "eps", eps, 0.0, Double.POSITIVE_INFINITY);
        this.m = new double[this.params.size()][];
        this.v = new double[this.params.size()][];
        this.steps = new int[this.params.size()];
    }

    List<Tensor> params() {
        return params;
    }

    @Override
    public void step() {
        for (int k = 0; k < params.size(); k++) {
            Tensor p = params.get(k);
            if (!p.hasGrad()) {
                continue;
            }
            double[] w = p.data();
            double[] g = p.gradData();
            if (m[k] == null) {
                m[k] = new double[w.length];
                v[k] = new double[w.length];
            }
            double[] mk = m[k];
            double[] vk = v[k];
            int t = ++steps[k];
            // StrictMath: the same bits on every JVM, so training is reproducible everywhere.
            double bc1 = 1 - StrictMath.pow(beta1, t);
            double bc2 = 1 - StrictMath.pow(beta2, t);
            double stepSize = lr / bc1;
            double bc2Sqrt = Math.sqrt(bc2);
            for (int i = 0; i < w.length; i++) {
                mk[i] = beta1 * mk[i] + (1 - beta1) * g[i];
                vk[i] = beta2 * vk[i] + (1 - beta2) * g[i] * g[i];
                double denom = Math.sqrt(vk[i]) / bc2Sqrt + eps;
                w[i] -= stepSize * (mk[i] / denom);
            }
        }
    }

    @Override
    public void reset() {
        Arrays.fill(m, null);
        Arrays.fill(v, null);
        Arrays.fill(steps, 0);
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Params.learningRate("Adam", lr);
    }

    /**
     * A copy of the optimiser's state, for checkpoints: per parameter (in the order given at
     * construction) the first and second moments, null before its first step, and its step count.
     */
    public record State(double[][] firstMoments, double[][] secondMoments, int[] steps) {
    }

    /** A copy of the current state. */
    public State exportState() {
        double[][] mc = new double[m.length][];
        double[][] vc = new double[v.length][];
        for (int k = 0; k < m.length; k++) {
            mc[k] = m[k] == null ? null : m[k].clone();
            vc[k] = v[k] == null ? null : v[k].clone();
        }
        return new State(mc, vc, steps.clone());
    }

    /** Restores a state from {@link #exportState()}; every shape must match this optimiser's parameters. */
    public void importState(State state) {
        if (state.firstMoments().length != params.size() || state.secondMoments().length != params.size()
                || state.steps().length != params.size()) {
            throw new IllegalArgumentException("Adam state is for " + state.steps().length + " parameters, this "
                    + "optimiser has " + params.size());
        }
        for (int k = 0; k < params.size(); k++) {
            double[] mk = state.firstMoments()[k];
            double[] vk = state.secondMoments()[k];
            int size = params.get(k).size();
            if ((mk == null) != (vk == null) || (mk != null && (mk.length != size || vk.length != size))
                    || state.steps()[k] < 0 || (mk == null && state.steps()[k] != 0)) {
                throw new IllegalArgumentException("Adam state of parameter " + k + " (" + params.get(k).op()
                        + ") does not match it");
            }
        }
        for (int k = 0; k < params.size(); k++) {
            m[k] = state.firstMoments()[k] == null ? null : state.firstMoments()[k].clone();
            v[k] = state.secondMoments()[k] == null ? null : state.secondMoments()[k].clone();
            steps[k] = state.steps()[k];
        }
    }
}
