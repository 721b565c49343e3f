package org.strnn.datasets.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedTest {

    @Test
    void labelsMapToClassIndicesInNameOrder() {
        assertEquals(List.of("negative", "neutral", "positive"), Seed.CLASS_NAMES);
        assertEquals(0, Seed.classOf(-1));
        assertEquals(1, Seed.classOf(0));
        assertEquals(2, Seed.classOf(1));
        for (int y = 0; y < 3; y++) {
            assertEquals(y, Seed.classOf(Seed.seedLabelOf(y)));
        }
        assertThrows(IllegalArgumentException.class, () -> Seed.classOf(2));
        assertThrows(IllegalArgumentException.class, () -> Seed.seedLabelOf(3));
    }

    @Test
    void constantsMatchTheSpec() {
        assertArrayEquals(new int[] {1, 0, -1, -1, 0, 1, -1, 0, 1, 1, 0, -1, 0, 1, -1}, Seed.labels());
        assertEquals(3394, Arrays.stream(Seed.trialLengths()).sum());
        assertEquals(Seed.TRIALS, Seed.trialLengths().length);
        int[] copy = Seed.labels();
        copy[0] = 99;
        assertEquals(1, Seed.labels()[0], "labels() hands out a copy");
    }

    @Test
    void featureKindsNameTheirVariables() {
        assertEquals("de_LDS1", FeatureKind.DE_LDS.variable(1));
        assertEquals("de_movingAve15", FeatureKind.DE_MOVING_AVE.variable(15));
        assertThrows(IllegalArgumentException.class, () -> FeatureKind.DE_LDS.variable(0));
        assertThrows(IllegalArgumentException.class, () -> FeatureKind.DE_LDS.variable(16));
    }
}
