package org.strnn.nn.optim;

import java.util.Arrays;
import java.util.List;
import org.strnn.autograd.Tensor;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, with PyTorch's update (no
 * dampening, no Nesterov): for each parameter {@code w} with gradient {@code g},
 * <pre>
 *   d = g + weightDecay * w
 *   b = d                      on the first step (momentum > 0)
 *   b = momentum * b + d       afterwards
 *   w = w - lr * b             (with momentum 0, b = d)
 * </pre>
 */
public final class Sgd implements Optimizer {

    private final List<Tensor> params;
    private final double momentum;
    private final double weightDecay;
    private final double[][] velocity;
    private double lr;

    /** Plain SGD: {@code w = w - lr g}. */
    public Sgd(List<Tensor> params, double lr) {
        this(params, lr, 0.0, 0.0);
    }

    public Sgd(List<Tensor> params, double lr, double momentum, double weightDecay) {
        this.params = Params.checked("Sgd", params);
        this.lr = Params.learningRate("Sgd", lr);
        this.momentum = Params.inRange("Sgd", "momentum", momentum, 0.0, 1.0);
        this.weightDecay = Params.inRange("Sgd", "weight decay", weightDecay, 0.0, Double.POSITIVE_INFINITY);
        this.velocity = new double[this.params.size()][];
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
            double[] b = velocity[k];
            boolean first = b == null;
            if (momentum != 0 && first) {
                b = new double[w.length];
                velocity[k] = b;
            }
            for (int i = 0; i < w.length; i++) {
                double d = g[i] + weightDecay * w[i];
                if (momentum != 0) {
                    b[i] = first ? d : momentum * b[i] + d;
                    d = b[i];
                }
                w[i] -= lr * d;
            }
        }
    }

    @Override
    public void reset() {
        Arrays.fill(velocity, null);
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Params.learningRate("Sgd", lr);
    }
}
