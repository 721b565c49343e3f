package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.features.Slicing;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Recording;
import org.strnn.datasets.protocol.Trial;
import org.strnn.datasets.protocol.Windowing;
import org.strnn.layout.Layout;

/** Long events of EDF+ and BDF+ recordings from any cap become trials of many windows. */
class EventCorpusTest {

    static final List<String> EPOC = List.of("AF3", "F7", "F3", "FC5", "T7", "P7", "O1", "O2", "P8", "T8", "FC6", "F4",
            "F8", "AF4");
    static final List<String> CLASSES = List.of("sad", "neutral", "happy");

    @TempDir
    Path dir;

    private static List<String> edfLabels(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add("EEG " + n);
        }
        return out;
    }

    private static Map<String, String> classes() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : CLASSES) {
            m.put(c, c);
        }
        return m;
    }

    @Test
    void eventsListEveryAnnotationWithTheSlicesItsTrialIsCutInto() {
        Path f = EventFiles.write(dir.resolve("a.edf"), false, edfLabels(EPOC), CLASSES, 20, 1, 128, 1);
        Map<String, String> twoClasses = new LinkedHashMap<>(Map.of("sad", "low", "happy", "high"));
        EventCorpus reader = new EventCorpus(twoClasses, new Slicing(1, 0.5), List.of());
        Layout montage = reader.montage(f);
        assertEquals(14, montage.size());
        EventCorpus.Events events = reader.events(f, montage);
        assertEquals(128.0, events.sampleRate());
        assertEquals(List.of("sad", "neutral", "happy"), events.events().stream()
                .map(e -> e.annotation().text()).toList());
        assertEquals(2, events.trials().size(), "neutral is not mapped, so it is no trial");
        EventCorpus.Event happy = events.trials().get(1);
        assertEquals("high", happy.className());
        assertEquals(39, happy.sliceStarts().length, "1-s slices every 0.5 s inside 20 s");
        assertEquals(40 * 128, happy.sliceStarts()[0], "happy starts at 40 s");
        assertEquals(40 * 128 + 64, happy.sliceStarts()[1]);
        Recording r = reader.corpus("edf", List.of(f), null).units().get(0).load().get();
        assertEquals(List.of(39, 39), r.trials().stream().map(Trial::windows).toList(),
                "the reader's trials are these events' slices");
    }

    @Test
    void fourteenChannelEdfPlusWithTwentySecondEvents() {
        Path f = EventFiles.write(dir.resolve("a.edf"), false, edfLabels(EPOC), CLASSES, 20, 2, 128, 1);
        Corpus c = new EventCorpus(classes(), Slicing.SEED, List.of()).corpus("edf", List.of(f), null);
        assertEquals(14, c.layout().size());
        assertEquals(CLASSES, c.classNames());
        Recording r = c.units().get(0).load().get();
        assertEquals(6, r.trials().size());
        for (Trial t : r.trials()) {
            assertEquals(20, t.windows());
        }
        SampleSet s = new Windowing(4, 1, false).samples(r.trials(), c.layout(), 5, c.classNames());
        assertEquals(6 * (20 - 4 + 1), s.size());
        assertEquals(0, s.trial(0));
        assertEquals(0, s.trial(16));
        assertEquals(1, s.trial(17));
        assertEquals(1, s.label(17));
        SampleSet one = new Windowing(4, 1, true).samples(r.trials(), c.layout(), 5, c.classNames());
        assertEquals(6, one.size());
    }

    @Test
    void thirtyTwoChannelBdfReadsTwentyFourBitSamples() throws IOException {
        List<String> labels = new ArrayList<>(org.strnn.datasets.deap.Deap.CHANNELS);
        labels.add("Status");
        Path f = EventFiles.write(dir.resolve("a.bdf"), true, labels, CLASSES, 20, 1, 256, 2);
        EdfRecording rec = EdfReader.read(f);
        assertTrue(rec.header().isBdf());
        assertTrue(rec.header().isEdfPlus());
        assertEquals(33, rec.channelCount());
        assertEquals(3, rec.annotations().size());
        assertEquals(20.0, rec.annotations().get(1).onsetSeconds());
        assertEquals(20.0, rec.annotations().get(1).durationSeconds());
        double gain = rec.channel(0).gain();
        assertTrue(gain < 1e-4, "24-bit steps are fine: " + gain);
        Corpus c = new EventCorpus(classes(), Slicing.SEED, List.of()).corpus("bdf", List.of(f), null);
        assertEquals(32, c.layout().size(), "BioSemi's Status channel is not EEG");
        assertEquals(20, c.units().get(0).load().get().trials().get(2).windows());
        double[] x = rec.samples(0);
        assertEquals(Files.size(f), 256L * 35 + 60L * 3 * (33 * 256 + rec.header().signal(33).samplesPerRecord()));
        for (int i = 0; i < 20 * 256; i++) {
            // channel 0 in the first (class 0) event: 5 sin(2 pi 10 t) plus noise within +-3
            double clean = 5 * Math.sin(2 * Math.PI * 10 * i / 256.0);
            assertTrue(Math.abs(x[i] - clean) <= 3 + 2 * gain, "sample " + i + ": " + x[i] + " vs " + clean);
        }
    }

    @Test
    void overlappingSlicesGiveMoreWindows() {
        Path f = EventFiles.write(dir.resolve("a.edf"), false, edfLabels(EPOC), CLASSES, 20, 1, 128, 1);
        Corpus c = new EventCorpus(classes(), new Slicing(2, 1), List.of()).corpus("edf", List.of(f), null);
        assertEquals(19, c.units().get(0).load().get().trials().get(0).windows());
    }

    @Test
    void subjectComesFromThePatientFieldOrTheFileName() {
        Path f = EventFiles.write(dir.resolve("rec7.edf"), false, edfLabels(EPOC), CLASSES, 5, 1, 128, 1);
        Corpus c = new EventCorpus(classes(), Slicing.SEED, List.of()).corpus("edf", List.of(f), null);
        assertEquals("rec7", c.units().get(0).subject());
        assertEquals("rec7", c.units().get(0).session());
    }

    @Test
    void unknownChannelsAndMissingEventsAreOneLine() {
        List<String> labels = new ArrayList<>(edfLabels(EPOC));
        labels.add("EEG X9");
        Path f = EventFiles.write(dir.resolve("x.edf"), false, labels, CLASSES, 5, 1, 128, 1);
        EventCorpus ec = new EventCorpus(classes(), Slicing.SEED, List.of());
        DatasetException e = assertThrows(DatasetException.class, () -> ec.corpus("edf", List.of(f), null));
        assertTrue(e.getMessage().startsWith(f + ": channel \"EEG X9\" has no 10-05 position"), e.getMessage());
        assertTrue(e.getMessage().contains("--drop EEG X9"), e.getMessage());
        Corpus dropped = new EventCorpus(classes(), Slicing.SEED, List.of("EEG X9")).corpus("edf", List.of(f), null);
        assertEquals(14, dropped.layout().size());

        List<String> extra = new ArrayList<>(edfLabels(EPOC));
        extra.addAll(List.of("EOG Left", "EEG EKG1-REF", "HEOG", "ECG", "COUNTER", "CQ_AF3"));
        Path g = EventFiles.write(dir.resolve("g.edf"), false, extra, CLASSES, 5, 1, 128, 1);
        assertEquals(14, new EventCorpus(classes(), Slicing.SEED, List.of()).corpus("edf", List.of(g), null).layout()
                .size(), "eye, heart and headset channels are not placed");

        Map<String, String> other = Map.of("T1", "left", "T2", "right");
        Corpus none = new EventCorpus(other, Slicing.SEED, List.of("X9")).corpus("edf", List.of(f), null);
        DatasetException n = assertThrows(DatasetException.class, () -> none.units().get(0).load().get());
        assertTrue(n.getMessage().contains("has no event named T") && n.getMessage().contains("(its annotations: sad x1, neutral x1, happy x1)"),
                n.getMessage());
    }
}
