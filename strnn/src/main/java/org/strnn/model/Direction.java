package org.strnn.model;

/**
 * The four diagonal traversals of the lattice (spec section 2). A vertex's predecessors are those
 * of its three lattice neighbours that lie behind it, seen from the starting corner.
 */
public enum Direction {
    /** Starts at the top-left corner. */
    TOP_LEFT(new int[][] {{0, -1}, {-1, -1}, {-1, 0}}),
    /** Starts at the top-right corner. */
    TOP_RIGHT(new int[][] {{0, 1}, {-1, 1}, {-1, 0}}),
    /** Starts at the bottom-left corner. */
    BOTTOM_LEFT(new int[][] {{0, -1}, {1, -1}, {1, 0}}),
    /** Starts at the bottom-right corner. */
    BOTTOM_RIGHT(new int[][] {{0, 1}, {1, 1}, {1, 0}});

    private final int[][] offsets;

    Direction(int[][] offsets) {
        this.offsets = offsets;
    }

    /** The predecessor offsets (drow, dcol), in the spec's order. */
    public int[][] offsets() {
        int[][] copy = new int[offsets.length][];
        for (int i = 0; i < offsets.length; i++) {
            copy[i] = offsets[i].clone();
        }
        return copy;
    }

    /** Direction r of the spec (0..3). */
    public static Direction of(int r) {
        return values()[r];
    }
}
