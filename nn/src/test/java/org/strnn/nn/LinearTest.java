package org.strnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.check.GradCheck;
import org.strnn.autograd.check.Property;

/** Linear, Sequential and the activation layers. */
class LinearTest {

    @Test
    void linearComputesXWTransposedPlusB() {
        Linear lin = new Linear(2, 3, true, new SplittableRandom(1));
        lin.loadState(Map.of("W", new double[] {1, 2, 3, 4, 5, 6}, "b", new double[] {0.5, -1, 2}),
                Map.of("W", new int[] {3, 2}, "b", new int[] {3}));
        Tensor y = lin.apply(Tensor.constant(2, 2, 1, 0, -1, 2));
        // row (1, 0): W x = (1, 3, 5); row (-1, 2): (3, 5, 7)
        assertArrayEquals(new double[] {1.5, 2, 7, 3.5, 4, 9}, y.data(), 0.0);
        assertEquals(3, lin.outFeatures());
        var e = assertThrows(IllegalArgumentException.class, () -> lin.apply(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("Linear(2 -> 3)"), e.getMessage());
        assertEquals(List.of("W"), List.copyOf(new Linear(2, 3, false, new SplittableRandom(1)).namedParameters().keySet()));
    }

    @Test
    void sequentialGradientMatchesFiniteDifferences() {
        Property.check("Sequential gradient", 5, gen -> {
            SplittableRandom rng = new SplittableRandom(gen.random().nextLong());
            Sequential net = new Sequential(new Linear(3, 4, true, Inits.xavierUniform(), rng), Activate.tanh(),
                    new Linear(4, 2, true, rng), Activate.sigmoid());
            assertEquals(List.of("0.W", "0.b", "2.W", "2.b"), List.copyOf(net.namedParameters().keySet()));
            Tensor x = Tensor.constant(gen.matrix(gen.intBetween(1, 4), 3));
            GradCheck.defaults().jacobian("Sequential", () -> net.apply(x), net.namedParameters(), gen.random());
            GradCheck.defaults().jacobian("Sequential input", in -> net.apply(in.get(0)), List.of(x.copyValue()),
                    gen.random());
        });
    }

    @Test
    void activationLayersApplyTheirFunction() {
        Tensor x = Tensor.constant(1, 3, -1, 0, 2);
        assertArrayEquals(new double[] {0, 0, 2}, Activate.relu().apply(x).data(), 0.0);
        assertArrayEquals(new double[] {Math.tanh(-1), 0, Math.tanh(2)}, Activate.tanh().apply(x).data(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 2},
                Activate.of(org.strnn.autograd.types.Activation.RELU).apply(x).data(), 0.0);
        assertEquals(0.5, Activate.sigmoid().apply(x).get(0, 1), 0.0);
    }
}
