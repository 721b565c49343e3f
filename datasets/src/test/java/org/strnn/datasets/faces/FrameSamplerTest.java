package org.strnn.datasets.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameSamplerTest {

    @Test
    void evenlySpacedWithBothEnds() {
        assertArrayEquals(new int[] {0, 3, 6, 9}, FrameSampler.indices(10, 4));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, FrameSampler.indices(5, 5));
        // 11 frames onto 3 slices: 0, 5, 10; 12 frames: 0, 5.5 -> 6 (halves up), 11
        assertArrayEquals(new int[] {0, 5, 10}, FrameSampler.indices(11, 3));
        assertArrayEquals(new int[] {0, 6, 11}, FrameSampler.indices(12, 3));
    }

    @Test
    void shortSequencesRepeatFramesInOrder() {
        assertArrayEquals(new int[] {0, 1, 1, 2, 2}, FrameSampler.indices(3, 5));
        assertArrayEquals(new int[] {0, 0, 0}, FrameSampler.indices(1, 3));
    }

    @Test
    void oneSliceIsThePeakFrame() {
        assertArrayEquals(new int[] {6}, FrameSampler.indices(7, 1));
    }

    @Test
    void everyShapeIsMonotoneInRangeAndUsesEveryFrameWhenShort() {
        for (int n = 1; n <= 40; n++) {
            for (int t = 2; t <= 40; t++) {
                int[] idx = FrameSampler.indices(n, t);
                assertEquals(t, idx.length);
                assertEquals(0, idx[0]);
                assertEquals(n - 1, idx[t - 1]);
                for (int i = 1; i < t; i++) {
                    assertTrue(idx[i] >= idx[i - 1] && idx[i] - idx[i - 1] <= (n - 1) / (t - 1) + 1,
                            "n=" + n + " t=" + t);
                }
                if (n >= t) {
                    for (int i = 1; i < t; i++) {
                        assertTrue(idx[i] > idx[i - 1], "no repeats when n >= t: n=" + n + " t=" + t);
                    }
                } else {
                    boolean[] used = new boolean[n];
                    for (int i : idx) {
                        used[i] = true;
                    }
                    for (int f = 0; f < n; f++) {
                        assertTrue(used[f], "frame " + f + " skipped: n=" + n + " t=" + t);
                    }
                }
            }
        }
    }

    @Test
    void rejectsEmptyShapes() {
        assertThrows(IllegalArgumentException.class, () -> FrameSampler.indices(0, 3));
        assertThrows(IllegalArgumentException.class, () -> FrameSampler.indices(3, 0));
    }
}
