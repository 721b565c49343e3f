package org.strnn.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void stepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, Ticks.step(1.0, 5), 1e-12);
        assertEquals(20, Ticks.step(100, 5), 1e-12);
        assertEquals(0.25, Ticks.step(1.23, 6), 1e-12);
        assertEquals(1, Ticks.step(7, 7), 1e-12);
        assertEquals(2.5, Ticks.step(2.5, 1), 1e-12);
        assertEquals(5e-4, Ticks.step(0.002, 5), 1e-15);
    }

    @Test
    void integerStepsSkipTwoAndAHalfAndNeverGoBelowOne() {
        assertEquals(5, Ticks.integerStep(29, 8), 0);
        assertEquals(5, Ticks.integerStep(19, 8), 0);
        assertEquals(1, Ticks.integerStep(0.5, 8), 0);
        assertEquals(50, Ticks.integerStep(299, 8), 0);
    }

    @Test
    void ticksAreTheMultiplesInsideTheRange() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Ticks.at(0, 1, 0.25), 1e-12);
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8}, Ticks.at(0.1, 0.95, 0.2), 1e-12);
        double[] symmetric = Ticks.at(-0.4, 0.4, 0.2);
        assertEquals(0, Double.compare(0.0, symmetric[2]), "zero must not be -0.0");
    }

    @Test
    void boundsAreNiceAndHoldTheData() {
        assertArrayEquals(new double[] {0, 1.5, 0.25}, Ticks.bounds(0.09, 1.32, 6), 1e-12);
        SplittableRandom rng = new SplittableRandom(20240607L);
        for (int i = 0; i < 2000; i++) {
            double lo = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-4, 5));
            double hi = lo + rng.nextDouble() * Math.pow(10, rng.nextInt(-4, 5));
            int max = rng.nextInt(2, 10);
            double[] b = Ticks.bounds(lo, hi, max);
            String c = "case " + i + ": [" + lo + ", " + hi + "] max " + max + " -> [" + b[0] + ", " + b[1] + "] step " + b[2];
            double slack = 1e-9 * b[2]; // rounding slack, so 0.30000000000000004 does not cost a whole step
            assertTrue(b[0] <= lo + slack && hi - slack <= b[1], c);
            assertTrue((b[1] - b[0]) / b[2] <= max + 1e-6, c);
            assertEquals(Math.rint(b[0] / b[2]), b[0] / b[2], 1e-6, c);
        }
    }

    @Test
    void aZeroWidthRangeIsWidenedAroundItsValue() {
        double[] b = Ticks.bounds(5, 5, 6);
        assertTrue(b[0] < 5 && 5 < b[1], b[0] + " .. " + b[1]);
        double[] z = Ticks.bounds(0, 0, 6);
        assertTrue(z[0] < 0 && 0 < z[1], z[0] + " .. " + z[1]);
    }

    @Test
    void labelsCarryTheDecimalsTheStepNeeds() {
        assertEquals("0.25", Ticks.label(0.25, 0.25));
        assertEquals("0.2", Ticks.label(0.2, 0.2));
        assertEquals("0.50", Ticks.label(0.5, 0.25));
        assertEquals("10", Ticks.label(10, 5));
        assertEquals("0", Ticks.label(-0.0, 1));
    }

    @Test
    void compactKeepsThreeSignificantDigits() {
        assertEquals("1", Ticks.compact(1.0));
        assertEquals("0.765", Ticks.compact(0.76543));
        assertEquals("-2.5", Ticks.compact(-2.5));
        assertEquals("1.72e-04", Ticks.compact(1.72e-4));
        assertEquals("0", Ticks.compact(0));
    }

    @Test
    void rejectsRangesWithoutAnAxis() {
        Pixels.assertRejected(() -> Ticks.step(0, 5), "span");
        Pixels.assertRejected(() -> Ticks.bounds(Double.NaN, 1, 5), "range");
        Pixels.assertRejected(() -> Ticks.bounds(2, 1, 5), "range");
    }
}
