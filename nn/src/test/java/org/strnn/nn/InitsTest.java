package org.strnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each initialiser's distribution, fan convention and determinism. */
class InitsTest {

    private static double[] fill(Init init, int rows, int cols, long seed) {
        double[] d = new double[rows * cols];
        init.fill(d, rows, cols, new SplittableRandom(seed));
        return d;
    }

    private static double std(double[] d) {
        double m = Arrays.stream(d).average().orElseThrow();
        double v = 0;
        for (double x : d) {
            v += (x - m) * (x - m);
        }
        return Math.sqrt(v / d.length);
    }

    private static double maxAbs(double[] d) {
        return Arrays.stream(d).map(Math::abs).max().orElseThrow();
    }

    /** Rows x cols = fan_out x fan_in; 200 x 50 has 10,000 values, so the sample std is within ~1.5%. */
    @Test
    void variancesFollowTheFanConvention() {
        int out = 200;
        int in = 50;
        assertEquals(Math.sqrt(2.0 / (in + out)), std(fill(Inits.xavierNormal(), out, in, 1)), 0.03 * Math.sqrt(2.0 / 250));
        assertEquals(Math.sqrt(2.0 / (in + out)), std(fill(Inits.xavierUniform(), out, in, 2)), 0.03 * Math.sqrt(2.0 / 250));
        assertEquals(Math.sqrt(2.0 / in), std(fill(Inits.kaimingNormal(), out, in, 3)), 0.03 * Math.sqrt(2.0 / in));
        assertEquals(Math.sqrt(2.0 / in), std(fill(Inits.kaimingUniform(), out, in, 4)), 0.03 * Math.sqrt(2.0 / in));
        // kaiming depends on fan_in = cols only: the transposed shape has a different scale
        assertTrue(std(fill(Inits.kaimingNormal(), in, out, 3)) < 0.6 * std(fill(Inits.kaimingNormal(), out, in, 3)));
    }

    @Test
    void uniformInitialisersRespectTheirBounds() {
        double[] xu = fill(Inits.xavierUniform(), 30, 20, 5);
        assertTrue(maxAbs(xu) <= Math.sqrt(6.0 / 50));
        assertTrue(maxAbs(xu) > 0.9 * Math.sqrt(6.0 / 50));
        double[] u = fill(Inits.uniform(0.25), 40, 40, 6);
        assertTrue(maxAbs(u) <= 0.25 && maxAbs(u) > 0.24);
        assertTrue(maxAbs(fill(Inits.kaimingUniform(), 30, 24, 7)) <= Math.sqrt(6.0 / 24));
    }

    @Test
    void zerosAndConstants() {
        assertArrayEquals(new double[6], fill(Inits.zeros(), 2, 3, 8));
        assertArrayEquals(new double[] {0.5, 0.5}, fill(Inits.constant(0.5), 1, 2, 8));
    }

    @Test
    void sameSeedSameValuesDifferentSeedDifferentValues() {
        for (Init init : new Init[] {Inits.xavierNormal(), Inits.xavierUniform(), Inits.kaimingNormal(),
                Inits.kaimingUniform(), Inits.uniform(1)}) {
            assertArrayEquals(fill(init, 5, 7, 42), fill(init, 5, 7, 42), 0.0);
            assertFalse(Arrays.equals(fill(init, 5, 7, 42), fill(init, 5, 7, 43)));
        }
    }

    @Test
    void vectorsUseTheSameRule() {
        // a 1 x n vector: fan_in = n, fan_out = 1
        double[] v = fill(Inits.xavierNormal(), 1, 20000, 9);
        assertEquals(Math.sqrt(2.0 / 20001), std(v), 0.03 * Math.sqrt(2.0 / 20001));
    }
}
