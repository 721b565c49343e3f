package org.strnn.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Tensor;

/** Clipping by global norm. */
class GradClipTest {

    private static Tensor withGrad(double... g) {
        Tensor t = Tensor.variable("p", 1, g.length, new double[g.length]);
        System.arraycopy(g, 0, t.gradData(), 0, g.length);
        return t;
    }

    @Test
    void clipsToTheMaxNormKeepingTheDirection() {
        Tensor a = withGrad(3, 0);
        Tensor b = withGrad(0, 4);
        // global norm sqrt(9 + 16) = 5; scaled by 1 / (5 + 1e-6)
        assertEquals(5.0, GradClip.clipGlobalNorm(List.of(a, b, Tensor.variable("none", 1, 1, 0.0)), 1.0));
        double s = 1.0 / (5.0 + 1e-6);
        assertArrayEquals(new double[] {3 * s, 0}, a.gradData(), 1e-16);
        assertArrayEquals(new double[] {0, 4 * s}, b.gradData(), 1e-16);
    }

    @Test
    void leavesSmallGradientsAlone() {
        Tensor a = withGrad(0.3, -0.4);
        assertEquals(0.5, GradClip.clipGlobalNorm(List.of(a), 1.0), 1e-16);
        assertArrayEquals(new double[] {0.3, -0.4}, a.gradData(), 0.0);
    }

    @Test
    void refusesNonFiniteNormsAndBadLimits() {
        Tensor a = withGrad(Double.NaN, 1);
        assertThrows(IllegalStateException.class, () -> GradClip.clipGlobalNorm(List.of(a), 1.0));
        assertEquals(1.0, a.gradData()[1]);
        assertThrows(IllegalArgumentException.class, () -> GradClip.clipGlobalNorm(List.of(a), 0));
    }
}
