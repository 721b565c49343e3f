package org.strnn.nn.optim;

import java.util.List;
import org.strnn.autograd.Tensor;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter 2019), PyTorch's {@code AdamW}: each
 * step first shrinks every parameter that has a gradient, {@code w = w (1 - lr * weightDecay)},
 * then applies the {@link Adam} update, whose moments see the gradient alone (the decay is not
 * part of the gradient, unlike L2 regularisation).
 */
public final class AdamW implements Optimizer {

    private final Adam adam;
    private final double weightDecay;

    /** {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code eps = 1e-8}. */
    public AdamW(List<Tensor> params, double lr, double weightDecay) {
        this(params, lr, 0.9, 0.999, 1e-8, weightDecay);
    }

    public AdamW(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this.adam = new Adam(params, lr, beta1, beta2, eps);
        this.weightDecay = Params.inRange("AdamW", "weight decay", weightDecay, 0.0, Double.POSITIVE_INFINITY);
    }

    @Override
    public void step() {
        double shrink = 1 - adam.learningRate() * weightDecay;
        for (Tensor p : adam.params()) {
            if (p.hasGrad()) {
                double[] w = p.data();
                for (int i = 0; i < w.length; i++) {
                    w[i] *= shrink;
                }
            }
        }
        adam.step();
    }

    @Override
    public void reset() {
        adam.reset();
    }

    @Override
    public double learningRate() {
        return adam.learningRate();
    }

    @Override
    public void setLearningRate(double lr) {
        adam.setLearningRate(lr);
    }

    /** A copy of the underlying Adam state (the decay itself keeps no state), for checkpoints. */
    public Adam.State exportState() {
        return adam.exportState();
    }

    /** Restores a state from {@link #exportState()}. */
    public void importState(Adam.State state) {
        adam.importState(state);
    }
}
