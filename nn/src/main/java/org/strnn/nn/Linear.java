package org.strnn.nn;

import java.util.random.RandomGenerator;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;

/**
 * An affine map, batch along rows: {@code y = x W^T + b}, with {@code x} (batch x in), {@code W}
 * (out x in) and {@code b} (1 x out). Parameters, in order: {@code W}, then {@code b} if there is
 * a bias. By default {@code W} is Xavier-normal and {@code b} starts at zero.
 */
public final class Linear extends Module implements Layer {

    private final Tensor weight;
    private final Tensor bias;

    /** Xavier-normal weights and, if {@code bias}, a zero bias. */
    public Linear(int in, int out, boolean bias, RandomGenerator rng) {
        this(in, out, bias, Inits.xavierNormal(), rng);
    }

    /** Weights from {@code weightInit} and, if {@code bias}, a zero bias. */
    public Linear(int in, int out, boolean bias, Init weightInit, RandomGenerator rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear needs in, out >= 1, got in=" + in + ", out=" + out);
        }
        this.weight = parameter("W", out, in, weightInit, rng);
        this.bias = bias ? parameter("b", 1, out, Inits.zeros(), rng) : null;
    }

    public int inFeatures() {
        return weight.cols();
    }

    public int outFeatures() {
        return weight.rows();
    }

    /** {@code W} (out x in). */
    public Tensor weight() {
        return weight;
    }

    /** {@code b} (1 x out), or null without a bias. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public Tensor apply(Tensor x) {
        if (x.cols() != inFeatures()) {
            throw new IllegalArgumentException("Linear(" + inFeatures() + " -> " + outFeatures() + "): input is "
                    + x.shape() + ", expected batch x " + inFeatures());
        }
        Tensor y = Ops.matmulTransB(x, weight);
        return bias == null ? y : Ops.addRow(y, bias);
    }
}
