package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.check.Gen;
import org.strnn.autograd.check.Property;

/** The harness itself: reproducible seeds, the seed in the failure, replay, edge-case shapes. */
class PropertyTest {

    @Test
    void aFailingTrialNamesItsSeedAndTheReplayFlag() {
        Property.PropertyFailure e = assertThrows(Property.PropertyFailure.class,
                () -> Property.check("fails on large values", 100, gen -> {
                    if (gen.intBetween(0, 9) == 7) {
                        throw new AssertionError("drew a 7");
                    }
                }));
        String hex = "0x" + Long.toHexString(e.seed());
        assertTrue(e.getMessage().contains("seed " + hex), e.getMessage());
        assertTrue(e.getMessage().contains("-Dstrnn.seed=" + hex), e.getMessage());
        assertTrue(e.getMessage().contains("drew a 7"), e.getMessage());
        // Replaying the reported seed draws the same failing value.
        assertEquals(7, new Gen(e.seed()).intBetween(0, 9));
    }

    @Test
    void theSeedPropertyReplaysExactlyOneTrial() {
        long seed = Property.seedOf("some property", 3);
        List<Long> seen = new ArrayList<>();
        String old = System.getProperty(Property.SEED_PROPERTY);
        System.setProperty(Property.SEED_PROPERTY, "0x" + Long.toHexString(seed));
        try {
            Property.check("any name", 50, gen -> seen.add(gen.seed()));
        } finally {
            if (old == null) {
                System.clearProperty(Property.SEED_PROPERTY);
            } else {
                System.setProperty(Property.SEED_PROPERTY, old);
            }
        }
        assertEquals(List.of(seed), seen);
    }

    @Test
    void runsAreReproducibleAndTrialsDiffer() {
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        Property.check("reproducible", 5, gen -> first.add(gen.random().nextDouble()));
        Property.check("reproducible", 5, gen -> second.add(gen.random().nextDouble()));
        assertEquals(first, second);
        assertEquals(5, first.stream().distinct().count());
        assertNotEquals(Property.seedOf("a", 0), Property.seedOf("b", 0));
    }

    @Test
    void shapesCoverRowAndColumnVectorsAndValuesAvoidKinks() {
        boolean row = false;
        boolean col = false;
        boolean general = false;
        Gen gen = new Gen(42);
        for (int i = 0; i < 200; i++) {
            int[] s = gen.shape(5, 5);
            assertTrue(s[0] >= 1 && s[0] <= 5 && s[1] >= 1 && s[1] <= 5);
            row |= s[0] == 1 && s[1] > 1;
            col |= s[1] == 1 && s[0] > 1;
            general |= s[0] > 1 && s[1] > 1;
        }
        assertTrue(row && col && general);
        double[] away = gen.matrixAwayFrom(50, 50, 0.0, 0.1).data;
        for (double x : away) {
            assertTrue(Math.abs(x) >= 0.1);
        }
        assertArrayEquals(new Gen(9).matrix(3, 3).data, new Gen(9).matrix(3, 3).data, 0.0);
    }
}
