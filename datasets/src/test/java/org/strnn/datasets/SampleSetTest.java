package org.strnn.datasets;

import org.strnn.layout.Layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSetTest {

    private static SampleSet fourSamples() {
        Layout layout = new Layout("pair", List.of(new Layout.Electrode("A", 0, 0), new Layout.Electrode("B", 0, 1)));
        double[] data = new double[4 * 2];
        for (int k = 0; k < data.length; k++) {
            data[k] = k;
        }
        return new SampleSet(data, new int[] {0, 1, 0, 1}, 1, layout, 1, List.of("a", "b"));
    }

    @Test
    void everySampleIsItsOwnTrialByDefault() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, fourSamples().trials());
    }

    @Test
    void subsetKeepsTheTrialOfEachSample() {
        SampleSet s = fourSamples().withTrials(new int[] {7, 7, 9, 9}).subset(new int[] {3, 0});
        assertArrayEquals(new int[] {9, 7}, s.trials());
        assertEquals(3.0 * 2 + 1, s.get(0, 0, 1, 0));
    }

    @Test
    void concatKeepsTheTwoSetsTrialsApart() {
        SampleSet a = fourSamples().withTrials(new int[] {0, 0, 1, 1});
        SampleSet b = fourSamples().withTrials(new int[] {0, 0, 0, 1});
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 2, 3}, a.concat(b).trials());
    }

    @Test
    void trialIdsMustMatchTheSamples() {
        assertThrows(IllegalArgumentException.class, () -> fourSamples().withTrials(new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> fourSamples().withTrials(new int[] {0, 1, -1, 2}));
    }
}
