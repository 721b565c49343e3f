package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repository's real recordings (data/eegmmidb-S001): checksums, header, annotations and samples. */
class EegmmidbFilesTest {

    @Test
    void checksumsMatchTheShippedSums() throws IOException, NoSuchAlgorithmException {
        List<String> lines = Files.readAllLines(Eegmmidb.file("SHA256SUMS"), StandardCharsets.US_ASCII);
        assertEquals(8, lines.size(), "runs R03 to R10");
        for (String line : lines) {
            String[] parts = line.split("\\s+");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Eegmmidb.file(parts[1])));
            assertEquals(parts[0], HexFormat.of().formatHex(digest), parts[1]);
        }
        // The sums are PhysioNet's: pin the one for R03 here as well, so editing SHA256SUMS alone fails.
        assertTrue(lines.get(0).startsWith("3427c8d01bff1380bc9ab9f27a35ece2af5dfadf3e291bbc05eb66e4dadbfe2e  S001R03.edf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {Eegmmidb.R03, Eegmmidb.R07})
    void headerIsSixtyFourEegChannelsAndAnnotationsAt160Hz(String name) throws IOException {
        EdfRecording rec = Eegmmidb.read(name);
        EdfHeader h = rec.header();
        assertEquals(2_596_896, Files.size(Eegmmidb.file(name)));
        assertEquals("EDF+C", h.reserved());
        assertTrue(h.isEdfPlus() && h.isContinuous());
        assertEquals(LocalDateTime.of(2009, 8, 12, 16, 15, 0), h.start());
        assertEquals(65, h.signalCount());
        assertEquals(256 * 66, h.headerBytes());
        assertEquals(125, h.records());
        assertEquals(1.0, h.recordDurationSeconds());
        assertEquals(List.of(64), h.annotationSignalIndices());
        assertEquals(64, rec.channelCount());
        for (int c = 0; c < 64; c++) {
            assertEquals(160.0, rec.sampleRate(c));
            assertEquals(125 * 160, rec.sampleCount(c));
            assertEquals("uV", rec.channel(c).physicalDimension());
            assertEquals(1.0, rec.channel(c).gain(), "1 µV per digital step");
        }
        assertEquals("Fc5.", rec.channelLabels().get(0));
        assertEquals("T10.", rec.channelLabels().get(43));
        assertEquals("Iz..", rec.channelLabels().get(63));
        double[] onsets = rec.recordOnsets();
        for (int r = 0; r < 125; r++) {
            assertEquals(r, onsets[r], 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Eegmmidb.R03, Eegmmidb.R07})
    void thirtyBackToBackEventsOfAboutFourSeconds(String name) {
        List<EdfAnnotation> events = Eegmmidb.read(name).annotations();
        assertEquals(30, events.size());
        Map<String, Integer> counts = new TreeMap<>();
        for (EdfAnnotation a : events) {
            counts.merge(a.text(), 1, Integer::sum);
            assertTrue(a.durationSeconds() >= 4.1 - 1e-9 && a.durationSeconds() <= 4.2 + 1e-9, a.toString());
        }
        assertEquals(Map.of("T0", 15, "T1", 8, "T2", 7), counts);
        assertEquals(0.0, events.get(0).onsetSeconds());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).onsetSeconds() > events.get(i - 1).onsetSeconds(), "onsets increase at " + i);
            assertEquals(events.get(i - 1).endSeconds(), events.get(i).onsetSeconds(), 1e-9, "event " + i);
            assertEquals(i % 2 == 0, events.get(i).text().equals("T0"), "rest alternates with a task");
        }
        assertTrue(events.get(29).endSeconds() <= 125.0);
    }

    @Test
    void samplesMatchTheRawBytes() throws IOException {
        // C3 is channel 8; its first two samples of record 0 read independently of the reader.
        byte[] raw = Files.readAllBytes(Eegmmidb.file(Eegmmidb.R03));
        int at = 256 * 66 + 8 * 160 * 2;
        double first = (short) ((raw[at] & 0xFF) | (raw[at + 1] << 8));
        double second = (short) ((raw[at + 2] & 0xFF) | (raw[at + 3] << 8));
        double[] c3 = Eegmmidb.read(Eegmmidb.R03).samples(8);
        assertArrayEquals(new double[] {-12, -19}, new double[] {first, second});
        assertEquals(first, c3[0]);
        assertEquals(second, c3[1]);
        List<Double> extremes = new ArrayList<>();
        for (int c = 0; c < 64; c++) {
            for (double v : Eegmmidb.read(Eegmmidb.R03).samples(c)) {
                if (Math.abs(v) > 8092) {
                    extremes.add(v);
                }
            }
        }
        assertTrue(extremes.isEmpty(), "samples outside the physical range: " + extremes);
    }

    @Test
    void headerAloneAgreesWithTheFullRead() {
        Path file = Eegmmidb.file(Eegmmidb.R07);
        assertEquals(Eegmmidb.read(Eegmmidb.R07).header(), EdfReader.readHeader(file));
    }
}
