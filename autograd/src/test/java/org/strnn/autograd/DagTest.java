package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strnn.autograd.types.Dag;

class DagTest {

    @Test
    void levelsFollowTheLongestPathFromARoot() {
        // 0 -> 1 -> 3, 0 -> 2 -> 3, 2 -> 4, 5 alone
        Dag dag = Dag.fromPredecessors(new int[][] {{}, {0}, {0}, {1, 2}, {2}, {}});
        assertEquals(3, dag.depth());
        assertArrayEquals(new int[] {0, 5}, dag.level(0));
        assertArrayEquals(new int[] {1, 2}, dag.level(1));
        assertArrayEquals(new int[] {3, 4}, dag.level(2));
        assertEquals(5, dag.linkCount());
        assertArrayEquals(new int[] {2, 3, 1}, dag.inDegreeHistogram());
        assertEquals(2, dag.widestLevel());
    }

    @Test
    void rejectsCyclesSelfLoopsAndBadIndices() {
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class,
                () -> Dag.fromPredecessors(new int[][] {{2}, {0}, {1}}));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dag.fromPredecessors(new int[][] {{0}}));
        assertThrows(IllegalArgumentException.class, () -> Dag.fromPredecessors(new int[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> Dag.fromPredecessors(new int[][] {{}, {0, 0}}));
    }
}
