package org.strnn.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;

/**
 * Every optimiser against steps computed by hand on a tiny problem: one 1x2 parameter
 * {@code w0 = (0.8, -1.5)} and the loss {@code L = sum(a w^2 / 2 + c w)} with {@code a = (2, 0.5)}
 * and {@code c = (-1, 0.25)}, so {@code dL/dw = a w + c}, which is {@code (0.6, -0.5)} at
 * {@code w0}. The first step of each is worked out in the comments; the three-step trajectories
 * come from the same formulas evaluated in Python floats (PyTorch's update, written out).
 */
class OptimizerTest {

    private static final Tensor A = Tensor.constant(1, 2, 1.0, 0.25); // a / 2
    private static final Tensor C = Tensor.constant(1, 2, -1.0, 0.25);

    private static Tensor param() {
        return Tensor.variable("w", 1, 2, 0.8, -1.5);
    }

    /** Runs three steps (zero gradients, backward, step) and returns w after each. */
    private static double[][] run(Function<Tensor, Optimizer> make) {
        Tensor w = param();
        Optimizer opt = make.apply(w);
        double[][] out = new double[3][];
        for (int i = 0; i < 3; i++) {
            w.zeroGrad();
            Ops.sum(Ops.add(Ops.mul(A, Ops.square(w)), Ops.mul(C, w))).backward();
            opt.step();
            out[i] = w.data().clone();
        }
        return out;
    }

    private static void assertTrajectory(double[][] expected, double[][] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-15, "after step " + (i + 1));
        }
    }

    @Test
    void plainSgd() {
        // step 1: w = w0 - 0.1 (0.6, -0.5) = (0.74, -1.45)
        assertTrajectory(new double[][] {{0.74, -1.45}, {0.692, -1.4024999999999999}, {0.6536, -1.3573749999999998}},
                run(w -> new Sgd(List.of(w), 0.1)));
    }

    @Test
    void sgdWithMomentumAndWeightDecay() {
        // step 1: d = g + 0.01 w0 = (0.608, -0.515); b = d; w = w0 - 0.1 b = (0.7392, -1.4485)
        assertTrajectory(new double[][] {{0.7392000000000001, -1.4485}, {0.6359008, -1.3532765},
            {0.5151154592, -1.2235582485}}, run(w -> new Sgd(List.of(w), 0.1, 0.9, 0.01)));
    }

    @Test
    void adam() {
        // step 1: m = 0.1 g, v = 0.001 g^2; bias-corrected m/sqrt(v) = g/|g|, so
        // w = w0 - 0.1 g / (|g| + 1e-8) = (0.8 - 0.1 * 0.6/0.60000001, -1.5 + 0.1 * 0.5/0.50000001)
        double[][] traj = run(w -> new Adam(List.of(w), 0.1));
        assertArrayEquals(new double[] {0.8 - 0.1 * 0.6 / 0.60000001, -1.5 + 0.1 * 0.5 / 0.50000001}, traj[0], 1e-15);
        assertTrajectory(new double[][] {{0.7000000016666666, -1.400000002}, {0.6029647906651205, -1.3004122317534286},
            {0.5132889713347244, -1.2015862776211843}}, traj);
    }

    @Test
    void adamW() {
        // step 1: w0 (1 - 0.1 * 0.1) = (0.792, -1.485), then the Adam step of -0.1 sign(g): (0.692, -1.385)
        assertTrajectory(new double[][] {{0.6920000016666666, -1.385000002}, {0.5885239125621823, -1.271653058002381},
            {0.4947872374821958, -1.1603765331322184}}, run(w -> new AdamW(List.of(w), 0.1, 0.9, 0.999, 1e-8, 0.1)));
    }

    @Test
    void resetForgetsStateAndTheLearningRateCanChange() {
        for (Function<Tensor, Optimizer> make : List.<Function<Tensor, Optimizer>>of(
                w -> new Sgd(List.of(w), 0.1, 0.9, 0.0), w -> new Adam(List.of(w), 0.1), w -> new AdamW(List.of(w), 0.1, 0.1))) {
            Tensor w = param();
            Optimizer opt = make.apply(w);
            w.gradData()[0] = 0.6;
            w.gradData()[1] = -0.5;
            opt.step();
            opt.step();
            opt.reset();
            double[] before = w.data().clone();
            opt.step();
            // after reset the step is a first step again, from wherever w is
            Tensor fresh = Tensor.variable("w", 1, 2, before.clone());
            fresh.gradData()[0] = 0.6;
            fresh.gradData()[1] = -0.5;
            make.apply(fresh).step();
            assertArrayEquals(fresh.data(), w.data(), 0.0, opt.getClass().getSimpleName());

            opt.setLearningRate(0.0);
            assertEquals(0.0, opt.learningRate());
            double[] frozen = w.data().clone();
            opt.step();
            if (!(opt instanceof AdamW)) {
                assertArrayEquals(frozen, w.data(), 0.0, "lr 0 leaves " + opt.getClass().getSimpleName() + " still");
            }
        }
    }

    @Test
    void parametersWithoutGradientsAreSkipped() {
        Tensor w = param();
        Tensor untouched = Tensor.variable("u", 1, 1, 3.0);
        Optimizer opt = new AdamW(List.of(w, untouched), 0.1, 0.5);
        w.gradData()[0] = 1;
        opt.step();
        assertEquals(3.0, untouched.item());
        assertEquals(-1.5 * (1 - 0.05), w.data()[1], 1e-15); // decayed, zero gradient so no Adam move
    }

    @Test
    void badArgumentsAreRejected() {
        Tensor w = param();
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(w, w), 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(Tensor.scalar(1)), 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(w), -1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(w), 0.1, 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(w), 0.1, 1.0, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(w), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new AdamW(List.of(w), 0.1, -0.1));
    }
}
