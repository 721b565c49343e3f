package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

class LayoutSignalsTest {

    @TempDir
    Path dir;

    private static final Layout MOTOR_STRIP = Layouts.fromGrid("strip", "C3 CZ C4");

    @Test
    void placesTheRealChannelsInLayoutOrder() {
        EdfRecording rec = Eegmmidb.read(Eegmmidb.R03);
        LayoutSignals placed = LayoutSignals.of(rec, Layouts.cap64());
        assertEquals(160.0, placed.sampleRate());
        assertEquals(20000, placed.length());
        assertEquals(0.0, placed.firstSampleSeconds());
        assertTrue(placed.dropped().isEmpty());
        double[][] x = placed.samples();
        assertEquals(64, x.length);
        assertArrayEquals(rec.samples(8), x[Layouts.cap64().indexOf("C3")]);
    }

    @Test
    void explicitDropsAreReportedBackInFileOrder() {
        EdfRecording rec = Eegmmidb.read(Eegmmidb.R03);
        List<String> others = new ArrayList<>();
        for (String label : rec.channelLabels()) {
            String name = Layout.normalise(label);
            if (MOTOR_STRIP.indexOf(name) < 0) {
                others.add(label.toLowerCase());
            }
        }
        LayoutSignals placed = LayoutSignals.of(rec, MOTOR_STRIP, others);
        assertEquals(61, placed.dropped().size());
        assertEquals("FC5", placed.dropped().get(0));
        assertEquals("IZ", placed.dropped().get(60));
        assertArrayEquals(rec.samples(10), placed.samples()[1], "CZ is file channel 10");
    }

    @Test
    void channelsOffTheLayoutAreListedNotDropped() {
        EdfRecording rec = Eegmmidb.read(Eegmmidb.R03);
        DatasetException e = assertThrows(DatasetException.class, () -> LayoutSignals.of(rec, Layouts.seed62()));
        assertEquals(rec.file() + ": channels AF7, AFZ, AF8, T9, T10, IZ are not on layout seed62; drop them"
                + " explicitly or use a layout that places them", e.getMessage());
    }

    @Test
    void layoutChannelsMissingFromTheFileAreListed() {
        EdfRecording rec = Eegmmidb.read(Eegmmidb.R03);
        DatasetException e = assertThrows(DatasetException.class,
                () -> LayoutSignals.of(rec, Layouts.seed62(), List.of("Af7.", "AFZ", "af8", "T9", "T10", "Iz..")));
        assertEquals(rec.file() + ": layout seed62 needs PO5, PO6, CB1, CB2, which the file does not have (or which"
                + " were dropped)", e.getMessage());
        DatasetException dropped = assertThrows(DatasetException.class,
                () -> LayoutSignals.of(rec, Layouts.cap64(), List.of("IZ")));
        assertTrue(dropped.getMessage().endsWith("layout cap64_1010 needs IZ, which the file does not have (or which"
                + " were dropped)"), dropped.getMessage());
    }

    @Test
    void aDropNameTheFileLacksIsAnError() {
        EdfRecording rec = Eegmmidb.read(Eegmmidb.R03);
        DatasetException e = assertThrows(DatasetException.class,
                () -> LayoutSignals.of(rec, Layouts.cap64(), List.of("EOG")));
        assertTrue(e.getMessage().contains("asked to drop EOG, which the file does not have"), e.getMessage());
    }

    @Test
    void annotationSignalsAreNotChannels() throws IOException {
        EdfRecording rec = EdfReader.read(EdfBytes.small().write(dir, "small.edf"));
        LayoutSignals placed = LayoutSignals.of(rec, Layouts.fromGrid("two", "C3 CZ"));
        assertEquals(2, placed.samples().length);
        assertEquals(8, placed.length());
    }

    @Test
    void duplicateNamesAndMixedRatesAreRefused() throws IOException {
        EdfBytes twins = new EdfBytes();
        twins.reserved = "";
        twins.eeg("C3..", 4, (r, i) -> 0);
        twins.eeg("c3", 4, (r, i) -> 0);
        EdfRecording a = EdfReader.read(twins.write(dir, "twins.edf"));
        assertTrue(assertThrows(DatasetException.class, () -> LayoutSignals.of(a, MOTOR_STRIP)).getMessage()
                .endsWith("channels 1 (\"C3..\") and 2 (\"c3\") are both C3"));

        EdfBytes mixed = new EdfBytes();
        mixed.reserved = "";
        mixed.eeg("C3", 4, (r, i) -> 0);
        mixed.eeg("CZ", 8, (r, i) -> 0);
        mixed.eeg("C4", 4, (r, i) -> 0);
        EdfRecording b = EdfReader.read(mixed.write(dir, "mixed.edf"));
        assertTrue(assertThrows(DatasetException.class, () -> LayoutSignals.of(b, MOTOR_STRIP)).getMessage()
                .contains("channel CZ has 16 samples at 8.0 Hz, but C3 has 8 at 4.0 Hz"));
    }
}
