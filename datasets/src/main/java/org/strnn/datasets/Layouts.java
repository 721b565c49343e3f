package org.strnn.datasets;

import java.util.ArrayList;
import java.util.List;

/** The layouts that ship with the library. */
public final class Layouts {

    private Layouts() {
    }

    private static final String[] SEED_GRID = {
        "-    -    -    FP1  FPZ  FP2  -    -    -",
        "-    -    -    AF3  -    AF4  -    -    -",
        "F7   F5   F3   F1   FZ   F2   F4   F6   F8",
        "FT7  FC5  FC3  FC1  FCZ  FC2  FC4  FC6  FT8",
        "T7   C5   C3   C1   CZ   C2   C4   C6   T8",
        "TP7  CP5  CP3  CP1  CPZ  CP2  CP4  CP6  TP8",
        "P7   P5   P3   P1   PZ   P2   P4   P6   P8",
        "-    PO7  PO5  PO3  POZ  PO4  PO6  PO8  -",
        "-    -    CB1  O1   OZ   O2   CB2  -    -",
    };

    /**
     * SEED's 62 channels on a 9x9 grid, in the order of SEED's feature rows (row by row, left to
     * right: FP1, FPZ, FP2, AF3, AF4, F7 ... CB2). Spec section 2.
     */
    public static Layout seed62() {
        return fromGrid("seed62", SEED_GRID);
    }

    /**
     * An {@code h x w} lattice of face patches, named {@code P<row>_<col>}, in row-major order.
     */
    public static Layout lattice(int h, int w) {
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("a lattice needs h, w >= 1, got " + h + "x" + w);
        }
        List<Layout.Electrode> cells = new ArrayList<>(h * w);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                cells.add(new Layout.Electrode("P" + r + "_" + c, r, c));
            }
        }
        return new Layout("lattice" + h + "x" + w, cells);
    }

    /**
     * A layout from a picture of the grid: one string per row, cells separated by white space, and
     * {@code -} for an empty cell. Vertices are numbered row by row, left to right.
     */
    public static Layout fromGrid(String name, String... gridRows) {
        List<Layout.Electrode> cells = new ArrayList<>();
        for (int r = 0; r < gridRows.length; r++) {
            String[] tokens = gridRows[r].trim().split("\\s+");
            for (int c = 0; c < tokens.length; c++) {
                if (!tokens[c].equals("-")) {
                    cells.add(new Layout.Electrode(tokens[c], r, c));
                }
            }
        }
        return new Layout(name, cells);
    }
}
