package org.strnn.datasets.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlicingTest {

    @Test
    void seedSlicesAreOneSecondWithoutOverlap() {
        assertEquals(160, Slicing.SEED.lengthSamples(160));
        assertEquals(160, Slicing.SEED.stepSamples(160));
        int[] starts = Slicing.SEED.starts(125 * 160, 160);
        assertEquals(125, starts.length);
        assertEquals(124 * 160, starts[124]);
    }

    @Test
    void overlapShortensTheStepAndOnlyWholeSlicesCount() {
        Slicing half = new Slicing(1.0, 0.5);
        assertArrayEquals(new int[] {0, 80, 160, 240}, half.starts(400, 160));
        assertEquals(0, half.starts(159, 160).length);
        assertArrayEquals(new int[] {0}, half.starts(160, 160));
    }

    @Test
    void refusesDurationsThatAreNotWholeSamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Slicing(0.33, 0).lengthSamples(160));
        assertTrue(e.getMessage().contains("0.33 s is not a whole number of samples at 160.0 Hz"), e.getMessage());
        assertEquals(48, new Slicing(0.3, 0).lengthSamples(160));
    }

    @Test
    void refusesOverlapOutsideItsRange() {
        assertThrows(IllegalArgumentException.class, () -> new Slicing(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Slicing(1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Slicing(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Slicing(Double.NaN, 0));
    }
}
