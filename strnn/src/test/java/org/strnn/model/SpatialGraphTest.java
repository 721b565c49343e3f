package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.types.Dag;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

/** The SEED grid against the oracles of spec section 2. */
class SpatialGraphTest {

    private static final Layout SEED = Layouts.seed62();

    @Test
    void seedLayoutHas62ChannelsInSeedOrder() {
        assertEquals(62, SEED.size());
        assertEquals("FP1", SEED.electrode(0).name());
        assertEquals("FPZ", SEED.electrode(1).name());
        assertEquals("FP2", SEED.electrode(2).name());
        assertEquals("AF3", SEED.electrode(3).name());
        assertEquals("AF4", SEED.electrode(4).name());
        assertEquals("F7", SEED.electrode(5).name());
        assertEquals("CB2", SEED.electrode(61).name());
        assertEquals(9, SEED.rows());
        assertEquals(9, SEED.cols());
    }

    @Test
    void everyDirectionHas151Links() {
        for (Direction d : Direction.values()) {
            assertEquals(151, SpatialGraph.dag(SEED, d).linkCount(), d.name());
        }
    }

    @Test
    void inDegreeHistogramsMatchTheSpec() {
        for (Direction d : new Direction[] {Direction.TOP_LEFT, Direction.TOP_RIGHT}) {
            assertArrayEquals(new int[] {2, 11, 7, 42}, SpatialGraph.dag(SEED, d).inDegreeHistogram(), d.name());
        }
        for (Direction d : new Direction[] {Direction.BOTTOM_LEFT, Direction.BOTTOM_RIGHT}) {
            assertArrayEquals(new int[] {3, 9, 8, 42}, SpatialGraph.dag(SEED, d).inDegreeHistogram(), d.name());
        }
    }

    @Test
    void predecessorsOfAf3AndFzInDirectionZero() {
        Dag dag = SpatialGraph.dag(SEED, Direction.TOP_LEFT);
        assertArrayEquals(new int[] {SEED.indexOf("FP1")}, dag.predecessors(SEED.indexOf("AF3")));
        int[] fz = dag.predecessors(SEED.indexOf("FZ")).clone();
        Arrays.sort(fz);
        int[] expected = {SEED.indexOf("F1"), SEED.indexOf("AF3")};
        Arrays.sort(expected);
        assertArrayEquals(expected, fz);
    }

    @Test
    void levelBatchingTakes13StepsPerDirectionOnSeed() {
        for (Direction d : Direction.values()) {
            Dag dag = SpatialGraph.dag(SEED, d);
            assertEquals(13, dag.depth(), d.name());
        }
    }

    @Test
    void aLatticeIsFullyConnectedDiagonally() {
        Layout lattice = Layouts.lattice(3, 4);
        Dag dag = SpatialGraph.dag(lattice, Direction.TOP_LEFT);
        // (h-1)*w horizontal... each interior cell has 3 predecessors, first row/col 1, corner 0.
        assertArrayEquals(new int[] {1, 5, 0, 6}, dag.inDegreeHistogram());
        assertEquals(3 + 4 - 1, dag.depth());
    }
}
