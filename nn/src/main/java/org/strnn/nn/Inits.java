package org.strnn.nn;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The standard initialisers. For a {@code rows x cols} parameter, {@code fan_in = cols} and
 * {@code fan_out = rows} (a weight is {@code out x in}, see {@link Init}). The same rule holds for
 * a {@code 1 x n} vector ({@code fan_in = n}, {@code fan_out = 1}), although vectors are usually
 * biases and start at zero. Values are drawn in row-major order.
 */
public final class Inits {

    private Inits() {
    }

    /** Glorot and Bengio (2010): {@code N(0, s^2)} with {@code s = sqrt(2 / (fan_in + fan_out))}. */
    public static Init xavierNormal() {
        return (data, rows, cols, rng) -> {
            double s = Math.sqrt(2.0 / (cols + rows));
            for (int i = 0; i < data.length; i++) {
                data[i] = s * rng.nextGaussian();
            }
        };
    }

    /** Glorot and Bengio (2010): {@code U(-a, a)} with {@code a = sqrt(6 / (fan_in + fan_out))} (variance {@code 2 / (fan_in + fan_out)}). */
    public static Init xavierUniform() {
        return (data, rows, cols, rng) -> fillUniform(data, Math.sqrt(6.0 / (cols + rows)), rng);
    }

    /** He et al. (2015), fan-in mode with the ReLU gain: {@code N(0, s^2)} with {@code s = sqrt(2 / fan_in)}. */
    public static Init kaimingNormal() {
        return (data, rows, cols, rng) -> {
            double s = Math.sqrt(2.0 / cols);
            for (int i = 0; i < data.length; i++) {
                data[i] = s * rng.nextGaussian();
            }
        };
    }

    /** He et al. (2015), fan-in mode with the ReLU gain: {@code U(-a, a)} with {@code a = sqrt(6 / fan_in)} (variance {@code 2 / fan_in}). */
    public static Init kaimingUniform() {
        return (data, rows, cols, rng) -> fillUniform(data, Math.sqrt(6.0 / cols), rng);
    }

    /**
     * {@code U(-a, a)} for a fixed bound. With {@code a = 1 / sqrt(hidden)} this is PyTorch's
     * default for recurrent cells.
     */
    public static Init uniform(double bound) {
        if (!(bound >= 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("uniform bound must be finite and >= 0, got " + bound);
        }
        return (data, rows, cols, rng) -> fillUniform(data, bound, rng);
    }

    /** All zeros; draws nothing from the generator. */
    public static Init zeros() {
        return constant(0.0);
    }

    /** Every value {@code c}; draws nothing from the generator. */
    public static Init constant(double c) {
        return (data, rows, cols, rng) -> Arrays.fill(data, c);
    }

    /** {@code U(-a, a)}: {@code a (2u - 1)} for {@code u} uniform in [0, 1). */
    private static void fillUniform(double[] data, double a, RandomGenerator rng) {
        for (int i = 0; i < data.length; i++) {
            data[i] = a * (2 * rng.nextDouble() - 1);
        }
    }
}
