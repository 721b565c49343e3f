package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

/** {@link Layouts#cap64()} against the real files and against SEED's grid. */
class Cap64LayoutTest {

    private final Layout cap = Layouts.cap64();

    private Layout.Electrode at(String name) {
        int v = cap.indexOf(name);
        assertTrue(v >= 0, name + " is on cap64");
        return cap.electrode(v);
    }

    @Test
    void sixtyFourChannelsOnATenByElevenGridWithoutCollisions() {
        assertEquals("cap64_1010", cap.name());
        assertEquals(64, cap.size());
        assertEquals(10, cap.rows());
        assertEquals(11, cap.cols());
        Set<Long> cells = new HashSet<>();
        for (Layout.Electrode e : cap.electrodes()) {
            assertTrue(cells.add(((long) e.row() << 32) | e.col()), "cell of " + e + " is taken twice");
        }
        assertEquals(64, new HashSet<>(cap.names()).size());
    }

    @Test
    void coversEveryChannelOfTheRealFilesInFileOrder() {
        for (String name : List.of(Eegmmidb.R03, Eegmmidb.R07)) {
            List<String> labels = Eegmmidb.read(name).channelLabels();
            assertEquals(64, labels.size());
            for (int c = 0; c < labels.size(); c++) {
                assertEquals(c, cap.indexOf(labels.get(c)), labels.get(c) + " in " + name);
            }
        }
    }

    @Test
    void sharedChannelsKeepTheirSeedPositionsShiftedOneColumn() {
        Layout seed = Layouts.seed62();
        int shared = 0;
        for (Layout.Electrode s : seed.electrodes()) {
            int v = cap.indexOf(s.name());
            if (v < 0) {
                assertTrue(List.of("PO5", "PO6", "CB1", "CB2").contains(s.name()), s.name() + " should be on cap64");
                continue;
            }
            shared++;
            assertEquals(s.row(), cap.electrode(v).row(), s.name());
            assertEquals(s.col() + 1, cap.electrode(v).col(), s.name());
        }
        assertEquals(58, shared);
    }

    @Test
    void extraChannelsSitWhereTheTenTenSystemPutsThem() {
        assertEquals(at("T7").row(), at("T9").row());
        assertTrue(at("T9").col() < at("T7").col());
        assertEquals(at("T8").row(), at("T10").row());
        assertTrue(at("T10").col() > at("T8").col());
        assertEquals(at("AF3").row(), at("AF7").row());
        assertTrue(at("AF7").col() < at("AF3").col());
        assertTrue(at("AF8").col() > at("AF4").col());
        assertEquals(at("PO7").col(), at("AF7").col());
        assertEquals(at("PO8").col(), at("AF8").col());
        assertEquals(at("FZ").col(), at("AFZ").col());
        assertTrue(at("AF3").col() < at("AFZ").col() && at("AFZ").col() < at("AF4").col());
        assertEquals(at("OZ").col(), at("IZ").col());
        assertEquals(at("OZ").row() + 1, at("IZ").row());
        // Left-right mirror symmetry about the midline column.
        int mid = at("CZ").col();
        for (Layout.Electrode e : cap.electrodes()) {
            int mirror = cap.indexAt(e.row(), 2 * mid - e.col());
            assertTrue(mirror >= 0, e.name() + " has no mirror image");
        }
    }
}
