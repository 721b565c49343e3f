package org.strnn.datasets;

import org.strnn.layout.Layouts;

import org.strnn.layout.Layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grids from channel names, on published channel lists. */
class MontageTest {

    /** Emotiv EPOC, in Emotiv's channel order. */
    static final List<String> EPOC = List.of("AF3", "F7", "F3", "FC5", "T7", "P7", "O1", "O2", "P8", "T8", "FC6", "F4",
            "F8", "AF4");

    /** BioSemi 32 as DEAP orders its EEG channels (DEAP's participant_ratings/README). */
    static final List<String> DEAP = org.strnn.datasets.deap.Deap.CHANNELS;

    @Test
    void seedChannelsGiveExactlyTheSpecGrid() {
        Layout seed = Layouts.seed62();
        Layout placed = Montage.layout("seed", seed.names());
        assertEquals(seed, placed);
        assertEquals(9, placed.rows());
        assertEquals(9, placed.cols());
    }

    @Test
    void seedChannelsInAnySpellingGiveTheSameCells() {
        List<String> edfLabels = new ArrayList<>();
        for (String n : Layouts.seed62().names()) {
            edfLabels.add("EEG " + n.toLowerCase() + "-REF");
        }
        assertEquals(Layouts.seed62(), Montage.layout("seed", edfLabels));
    }

    @Test
    void spellings() {
        assertEquals("FP1", Montage.key("EEG Fp1"));
        assertEquals("FP1", Montage.key("EEG Fp1-REF"));
        assertEquals("FP1", Montage.key("Fp1-A1"));
        assertEquals("FP1", Montage.key("Fp1."));
        assertEquals("FC5", Montage.key("Fc5."));
        assertEquals("T7", Montage.key("T3"));
        assertEquals("T8", Montage.key("EEG T4-REF"));
        assertEquals("P7", Montage.key("t5"));
        assertEquals("P8", Montage.key("T6"));
        assertEquals(Montage.position("T7"), Montage.position("T3"));
        assertNotNull(Montage.position("FCC3h"));
        assertNotNull(Montage.position("AFp4h"));
        assertNotNull(Montage.position("TTP8h"));
        assertNull(Montage.position("C7"), "C7 is not a 10-05 name (the outer positions of C are T7, T9)");
        assertNull(Montage.position("A1"));
        assertEquals("FP1-F7", Montage.key("Fp1-F7"), "a bipolar derivation is not one electrode");
    }

    @Test
    void positionsFollowTheTenFiveConstruction() {
        assertEquals(new Montage.Position(50, 0), Montage.position("Cz"));
        assertEquals(new Montage.Position(50, -2), Montage.position("C3"));
        assertEquals(new Montage.Position(50, -1.5), Montage.position("C3h"));
        assertEquals(new Montage.Position(50, 4), Montage.position("T8"));
        assertEquals(new Montage.Position(50, -5), Montage.position("T9"));
        assertEquals(new Montage.Position(45, -3.5), Montage.position("FTT7h"));
        assertEquals(new Montage.Position(10, -1), Montage.position("Fp1"));
        assertEquals(new Montage.Position(100, 0), Montage.position("Iz"));
        assertTrue(Montage.names().size() > 300, "10-05 has over 300 positions, got " + Montage.names().size());
    }

    @Test
    void emotivEpoc14() {
        Layout l = Montage.layout("epoc", EPOC);
        checkGridRules(l);
        assertEquals(6, l.rows());
        assertEquals(4, l.cols(), "no midline electrode, so no midline column");
        assertEquals(cell(0, 1), cellOf(l, "AF3"));
        assertEquals(cell(1, 0), cellOf(l, "F7"));
        assertEquals(cell(1, 3), cellOf(l, "F8"));
        assertEquals(cell(5, 2), cellOf(l, "O2"));
    }

    @Test
    void biosemiDeap32() {
        Layout l = Montage.layout("deap", DEAP);
        checkGridRules(l);
        assertEquals(9, l.rows());
        assertEquals(5, l.cols());
        assertEquals(cell(4, 2), cellOf(l, "Cz"));
        assertEquals(cell(4, 0), cellOf(l, "T7"));
        assertEquals(cell(2, 0), cellOf(l, "F7"));
        assertEquals(cell(8, 1), cellOf(l, "O1"));
    }

    @Test
    void tenTenCap64() {
        Layout cap = Layouts.cap64();
        Layout l = Montage.layout("cap64", cap.names());
        checkGridRules(l);
        assertEquals(10, l.rows());
        assertEquals(11, l.cols());
        assertEquals(cell(4, 0), cellOf(l, "T9"));
        assertEquals(cell(4, 10), cellOf(l, "T10"));
        assertEquals(cell(9, 5), cellOf(l, "IZ"));
        // shared channels keep SEED's cells, shifted one column right
        for (String n : Layouts.seed62().names()) {
            if (cap.indexOf(n) >= 0 && !n.startsWith("PO")) {
                Layout.Electrode s = Layouts.seed62().electrode(Layouts.seed62().indexOf(n));
                assertEquals(cell(s.row(), s.col() + 1), cellOf(l, n), n);
            }
        }
    }

    @Test
    void unknownNamesAreNamedWithHowToPlaceThem() {
        List<String> labels = new ArrayList<>(EPOC);
        labels.add("EEG X1");
        labels.add("ECG");
        DatasetException e = assertThrows(DatasetException.class, () -> Montage.layout("m", labels));
        assertTrue(e.getMessage().contains("\"EEG X1\", \"ECG\""), e.getMessage());
        assertTrue(e.getMessage().contains("--drop EEG X1,ECG"), e.getMessage());
        assertTrue(e.getMessage().contains("--montage"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        DatasetException dup = assertThrows(DatasetException.class, () -> Montage.layout("m", List.of("T3", "T7")));
        assertTrue(dup.getMessage().contains("both electrode T7"), dup.getMessage());
    }

    @Test
    void gridTextReadsBackAsTheSameLayout() {
        Layout l = Montage.layout("deap", DEAP);
        String text = Montage.gridText(l);
        Layout back = Layouts.fromGrid("back", text.split("\n"));
        for (Layout.Electrode e : l.electrodes()) {
            Layout.Electrode b = back.electrode(back.indexOf(e.name()));
            assertEquals(cell(e.row(), e.col()), cell(b.row(), b.col()), e.name());
        }
    }

    /** Front is up, left is left, and neighbours along a row are neighbours on the grid. */
    private static void checkGridRules(Layout l) {
        int midline = -1;
        for (Layout.Electrode e : l.electrodes()) {
            if (Montage.position(e.name()).lateralStep() == 0) {
                assertTrue(midline < 0 || midline == e.col(), "one midline column");
                midline = e.col();
            }
        }
        for (Layout.Electrode a : l.electrodes()) {
            Montage.Position pa = Montage.position(a.name());
            for (Layout.Electrode b : l.electrodes()) {
                Montage.Position pb = Montage.position(b.name());
                if (pa.anteriorPercent() < pb.anteriorPercent()) {
                    assertTrue(a.row() < b.row(), a.name() + " is in front of " + b.name());
                }
                if (pa.lateralStep() < 0 && pb.lateralStep() >= 0) {
                    assertTrue(a.col() < b.col(), a.name() + " is left of " + b.name());
                }
                if (pa.anteriorPercent() == pb.anteriorPercent() && pa.lateralStep() < pb.lateralStep()) {
                    assertTrue(a.col() < b.col(), a.name() + " is left of " + b.name() + " on one row");
                }
            }
        }
        for (int v = 0; v < l.size(); v++) {
            for (int u = 0; u < v; u++) {
                assertNotEquals(cell(l.electrode(u).row(), l.electrode(u).col()),
                        cell(l.electrode(v).row(), l.electrode(v).col()));
            }
        }
    }

    private static List<Integer> cell(int r, int c) {
        return List.of(r, c);
    }

    private static List<Integer> cellOf(Layout l, String name) {
        Layout.Electrode e = l.electrode(l.indexOf(name));
        return cell(e.row(), e.col());
    }
}
