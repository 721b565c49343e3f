package org.strnn.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private static final String[] CAP64_GRID = {
        "-    -    -    -    FP1  FPZ  FP2  -    -    -    -",
        "-    -    AF7  -    AF3  AFZ  AF4  -    AF8  -    -",
        "-    F7   F5   F3   F1   FZ   F2   F4   F6   F8   -",
        "-    FT7  FC5  FC3  FC1  FCZ  FC2  FC4  FC6  FT8  -",
        "T9   T7   C5   C3   C1   CZ   C2   C4   C6   T8   T10",
        "-    TP7  CP5  CP3  CP1  CPZ  CP2  CP4  CP6  TP8  -",
        "-    P7   P5   P3   P1   PZ   P2   P4   P6   P8   -",
        "-    -    PO7  -    PO3  POZ  PO4  -    PO8  -    -",
        "-    -    -    -    O1   OZ   O2   -    -    -    -",
        "-    -    -    -    -    IZ   -    -    -    -    -",
    };

    /** The channel order of the PhysioNet EEG Motor Movement/Imagery recordings (BCI2000's). */
    private static final String[] CAP64_ORDER = (
            "FC5 FC3 FC1 FCZ FC2 FC4 FC6 C5 C3 C1 CZ C2 C4 C6 CP5 CP3 CP1 CPZ CP2 CP4 CP6 FP1 FPZ FP2 AF7 AF3 AFZ AF4 "
            + "AF8 F7 F5 F3 F1 FZ F2 F4 F6 F8 FT7 FT8 T7 T8 T9 T10 TP7 TP8 P7 P5 P3 P1 PZ P2 P4 P6 P8 PO7 PO3 POZ PO4 "
            + "PO8 O1 OZ O2 IZ").split(" ");

    /**
     * The 64 channels of the 10-10 cap of the PhysioNet EEG Motor Movement/Imagery dataset (BCI2000),
     * named {@code cap64_1010}, on a 10x11 grid:
     *
     * <pre>
     * row0:  -   -   -   -   FP1 FPZ FP2 -   -   -   -
     * row1:  -   -   AF7 -   AF3 AFZ AF4 -   AF8 -   -
     * row2:  -   F7  F5  F3  F1  FZ  F2  F4  F6  F8  -
     * row3:  -   FT7 FC5 FC3 FC1 FCZ FC2 FC4 FC6 FT8 -
     * row4:  T9  T7  C5  C3  C1  CZ  C2  C4  C6  T8  T10
     * row5:  -   TP7 CP5 CP3 CP1 CPZ CP2 CP4 CP6 TP8 -
     * row6:  -   P7  P5  P3  P1  PZ  P2  P4  P6  P8  -
     * row7:  -   -   PO7 -   PO3 POZ PO4 -   PO8 -   -
     * row8:  -   -   -   -   O1  OZ  O2  -   -   -   -
     * row9:  -   -   -   -   -   IZ  -   -   -   -   -
     * </pre>
     *
     * <p>The grid is {@link #seed62()}'s shifted one column right, so that T9 and T10 fit outside
     * T7 and T8 on the C/T row: every channel the two caps share keeps its relative position. The
     * channels SEED lacks go where the 10-10 system puts them: AFZ between AF3 and AF4, AF7 and AF8
     * outside them in the columns of PO7 and PO8 (the AF row mirrors the PO row, which SEED already
     * fills that way), and IZ on a row of its own below OZ. SEED's PO5, PO6, CB1 and CB2 are not on
     * this cap.
     *
     * <p>Vertex order is the files' channel order (FC5, FC3, ... O2, IZ), not row by row, so that
     * feature row {@code v} is EDF channel {@code v} of these recordings.
     */
    public static Layout cap64() {
        Layout grid = fromGrid("cap64_1010", CAP64_GRID);
        List<Layout.Electrode> ordered = new ArrayList<>(CAP64_ORDER.length);
        for (String name : CAP64_ORDER) {
            ordered.add(grid.electrode(grid.indexOf(name)));
        }
        if (ordered.size() != grid.size()) {
            throw new IllegalStateException("cap64 grid has " + grid.size() + " cells for " + ordered.size() + " names");
        }
        return new Layout("cap64_1010", ordered);
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

    /** {@code seed62}, {@code cap64} or {@code lattice:HxW}. */
    public static Layout builtin(String name, String where) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        if (s.equals("seed62")) {
            return seed62();
        }
        if (s.equals("cap64")) {
            return cap64();
        }
        if (s.startsWith("lattice:") || s.startsWith("lattice")) {
            String dims = s.substring(s.startsWith("lattice:") ? 8 : 7);
            String[] hw = dims.split("x");
            try {
                if (hw.length == 2) {
                    return lattice(Integer.parseInt(hw[0]), Integer.parseInt(hw[1]));
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException(where + ": unknown layout '" + name + "' (seed62, cap64 or lattice:HxW)");
    }
}
