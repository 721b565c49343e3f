package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.datasets.features.Band;
import org.strnn.datasets.features.DifferentialEntropy;
import org.strnn.datasets.features.Slicing;

class EventTaskBuilderTest {

    @TempDir
    Path dir;

    private static EventTaskBuilder leftRight(int steps) {
        return new EventTaskBuilder(Layouts.cap64(), steps).label("T1", "left").label("T2", "right");
    }

    /** Only C3, CZ and C4: fast, for the tests where the number of channels does not matter. */
    private static EventTaskBuilder motorStrip(int steps) {
        List<String> others = new ArrayList<>(Layouts.cap64().names());
        others.removeAll(List.of("C3", "CZ", "C4"));
        return new EventTaskBuilder(Layouts.fromGrid("strip", "C3 CZ C4"), steps).label("T1", "left")
                .label("T2", "right").drop(others);
    }

    @Test
    void everyTaskEventOfARealRunBecomesOneSample() {
        EdfRecording rec = Eegmmidb.read(Eegmmidb.R03);
        EventTask task = leftRight(4).fromRecordings(List.of(rec));
        SampleSet set = task.samples();
        assertEquals(15, set.size());
        assertEquals(4, set.steps());
        assertEquals(64, set.vertices());
        assertEquals(5, set.features());
        assertEquals(List.of("left", "right"), set.classNames());
        assertArrayEquals(new int[] {8, 7}, set.classCounts());
        EventTask.FileReport report = task.files().get(0);
        assertEquals(new EventTask.FileReport(rec.file(), 30, 15, 15, 0, List.of()), report);

        List<EdfAnnotation> events = new ArrayList<>();
        for (EdfAnnotation a : rec.annotations()) {
            if (!a.text().equals("T0")) {
                events.add(a);
            }
        }
        int[] starts = new int[events.size() * 4];
        for (int e = 0; e < events.size(); e++) {
            assertEquals(events.get(e).text().equals("T1") ? 0 : 1, set.label(e), "label of event " + e);
            for (int t = 0; t < 4; t++) {
                starts[e * 4 + t] = (int) Math.round(events.get(e).onsetSeconds() * 160) + 160 * t;
            }
        }
        assertEquals(672, starts[0], "the first task event, T2, starts at 4.2 s");
        double[][][] de = DifferentialEntropy.compute(LayoutSignals.of(rec, Layouts.cap64()).samples(), 160,
                Band.SEED, starts, 160);
        for (int e = 0; e < events.size(); e++) {
            for (int t = 0; t < 4; t++) {
                for (int v = 0; v < 64; v++) {
                    for (int b = 0; b < 5; b++) {
                        assertEquals(de[e * 4 + t][v][b], set.get(e, t, v, b), "event " + e + " t " + t + " v " + v);
                    }
                }
            }
        }
    }

    @Test
    void eventsShorterThanTSlicesAreSkippedAndCounted() {
        EdfRecording rec = Eegmmidb.read(Eegmmidb.R03);
        EventTask task = leftRight(5).label("T0", "rest").fromRecordings(List.of(rec));
        assertEquals(0, task.samples().size());
        assertEquals(30, task.tooShort());
        assertEquals(List.of("left", "right", "rest"), task.samples().classNames());

        // 1-s slices every 0.5 s: T = 7 spans 4 s and fits in 4.1 s; T = 8 spans 4.5 s and does not.
        Slicing halfOverlap = new Slicing(1.0, 0.5);
        EventTask seven = motorStrip(7).slicing(halfOverlap).fromRecordings(List.of(rec));
        assertEquals(15, seven.samples().size());
        assertEquals(61, seven.files().get(0).dropped().size());
        EventTask eight = motorStrip(8).slicing(halfOverlap).fromRecordings(List.of(rec));
        assertEquals(0, eight.samples().size());
        assertEquals(15, eight.files().get(0).tooShort());
    }

    @Test
    void restEventsCanBeAClassToo() {
        EventTask task = motorStrip(4).label("T0", "rest").fromRecordings(List.of(Eegmmidb.read(Eegmmidb.R03)));
        assertArrayEquals(new int[] {8, 7, 15}, task.samples().classCounts());
        assertEquals(0, task.files().get(0).unlabelled());
        int[] labels = task.samples().labels();
        assertArrayEquals(new int[] {2, 1, 2, 0}, Arrays.copyOf(labels, 4), "T0 at 0 s, T2 at 4.2 s, T0, T1 at 12.5 s");
    }

    @Test
    void splitByFile() {
        Path r03 = Eegmmidb.file(Eegmmidb.R03);
        Path r07 = Eegmmidb.file(Eegmmidb.R07);
        Split split = motorStrip(4).split("R03->R07", List.of(r03), List.of(r07));
        assertEquals("R03->R07", split.name());
        assertEquals(15, split.train().size());
        assertEquals(15, split.test().size());
        assertEquals(split.train().classNames(), split.test().classNames());
        DatasetException e = assertThrows(DatasetException.class,
                () -> motorStrip(4).split("leak", List.of(r03), List.of(r07, r03.getParent().resolve("./S001R03.edf"))));
        assertTrue(e.getMessage().endsWith("is in both the train and the test files of split leak"), e.getMessage());
    }

    /** 10 s at 8 Hz, one band below Nyquist: 1-s slices are 8 samples. */
    private static EdfBytes eightHertz(List<String> tals, boolean flatSecondChannel) {
        EdfBytes edf = new EdfBytes();
        edf.recordsWritten = 10;
        edf.eeg("C3", 8, (r, i) -> (int) Math.round(1000 * Math.sin(2 * Math.PI * 2 * (r * 8 + i) / 8.0 + 0.3)))
                .physical("-32768", "32767");
        edf.eeg("C4", 8, (r, i) -> flatSecondChannel ? 7 : (r * 8 + i) % 5);
        List<String> perRecord = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            perRecord.add(EdfBytes.timeKeeping("+" + r) + (r == 0 ? String.join("", tals) : ""));
        }
        edf.annotations(64, perRecord);
        return edf;
    }

    private static EventTaskBuilder twoChannelBuilder(int steps) {
        return new EventTaskBuilder(Layouts.fromGrid("pair", "C3 C4"), steps).label("A", "a").label("B", "b")
                .bands(List.of(new Band("low", 1, 3)));
    }

    @Test
    void eventEdgesRoundToWholeSamplesAndMustFit() throws IOException {
        Path file = eightHertz(List.of(
                EdfBytes.tal("+0.5", "2", "A"),
                EdfBytes.tal("+0.51", "2", "A"),
                EdfBytes.tal("+8.5", "2", "B"),
                EdfBytes.tal("-1", "5", "A"),
                EdfBytes.tal("+3", null, "B"),
                EdfBytes.tal("+4", "3", "C")), false).write(dir, "events.edf");
        EventTask task = twoChannelBuilder(2).build(List.of(file));
        assertEquals(new EventTask.FileReport(file, 6, 1, 1, 4, List.of()), task.files().get(0));
        assertEquals(1, task.samples().size());
        assertEquals(1, task.samples().features());
        double[][][] de = DifferentialEntropy.compute(LayoutSignals.of(EdfReader.read(file),
                Layouts.fromGrid("pair", "C3 C4")).samples(), 8, List.of(new Band("low", 1, 3)), new int[] {4, 12}, 8);
        assertEquals(de[1][0][0], task.samples().get(0, 1, 0, 0));
        // A 2 Hz tone of 1000 µV amplitude: variance 5e5 µV^2 in the band (first slice, near the start, looser).
        assertEquals(DifferentialEntropy.of(5e5), task.samples().get(0, 1, 0, 0), 0.05);
    }

    @Test
    void aFlatChannelIsNamed() throws IOException {
        Path file = eightHertz(List.of(EdfBytes.tal("+2", "3", "A")), true).write(dir, "flat.edf");
        DatasetException e = assertThrows(DatasetException.class, () -> twoChannelBuilder(2).build(List.of(file)));
        assertTrue(e.getMessage().startsWith(file + ": channel C4 has no low power in the slice at 2.0 s (event A at"
                + " 2.0 s), so its DE is -Infinity"), e.getMessage());
    }

    @Test
    void discontinuousRecordingsAreRefused() throws IOException {
        EdfBytes edf = eightHertz(List.of(), false);
        edf.reserved = "EDF+D";
        Path file = edf.write(dir, "d.edf");
        DatasetException e = assertThrows(DatasetException.class, () -> twoChannelBuilder(1).build(List.of(file)));
        assertEquals(file + ": is EDF+D (discontinuous); events are cut from continuous recordings only", e.getMessage());
    }

    @Test
    void configurationMistakesAreCaughtEarly() {
        Layout cap = Layouts.cap64();
        assertThrows(IllegalArgumentException.class, () -> new EventTaskBuilder(cap, 0));
        assertThrows(IllegalArgumentException.class, () -> new EventTaskBuilder(cap, 4).label("T1", "a").label("T1 ", "b"));
        assertThrows(IllegalStateException.class, () -> new EventTaskBuilder(cap, 4).fromRecordings(List.of()));
        assertEquals(List.of("move", "rest"),
                new EventTaskBuilder(cap, 4).label("T1", "move").label("T0", "rest").label("T2", "move").classNames());
    }
}
