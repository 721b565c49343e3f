package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading well-formed synthetic files: header fields, scaling and annotations. */
class EdfReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheHeaderFields() throws IOException {
        Path file = EdfBytes.small().write(dir, "small.edf");
        EdfHeader h = EdfReader.read(file).header();
        assertEquals("0", h.version());
        assertEquals("X X X X", h.patientId());
        assertEquals("Startdate 12-AUG-2009 X X test", h.recordingId());
        assertEquals(LocalDateTime.of(2009, 8, 12, 16, 15, 0), h.start());
        assertEquals(256 * 4, h.headerBytes());
        assertEquals("EDF+C", h.reserved());
        assertTrue(h.isEdfPlus());
        assertTrue(h.isContinuous());
        assertEquals(2, h.records());
        assertFalse(h.recordsInferred());
        assertEquals(1.0, h.recordDurationSeconds());
        assertEquals(3, h.signalCount());
        assertEquals(2 * (4 + 4 + 16), h.recordBytes());
        assertEquals(List.of(0, 1), h.dataSignalIndices());
        assertEquals(List.of(2), h.annotationSignalIndices());

        EdfSignalHeader c3 = h.signal(0);
        assertEquals("C3..", c3.label());
        assertEquals("AgAgCl electrode", c3.transducer());
        assertEquals("uV", c3.physicalDimension());
        assertEquals(-3200, c3.physicalMin());
        assertEquals(3200, c3.physicalMax());
        assertEquals(-32768, c3.digitalMin());
        assertEquals(32767, c3.digitalMax());
        assertEquals("HP:0.1Hz", c3.prefiltering());
        assertEquals(4, c3.samplesPerRecord());
        assertEquals("", c3.reserved());
        assertTrue(h.signal(2).isAnnotation());
        assertEquals(h, EdfReader.readHeader(file));
    }

    @Test
    void scalesDigitalValuesToPhysicalUnits() throws IOException {
        EdfBytes edf = new EdfBytes();
        edf.reserved = "";
        edf.recordsWritten = 3;
        edf.eeg("Fc5.", 5, (r, i) -> r == 0 ? new int[] {-2048, 2047, 0, -1, 1}[i] : 10 * r + i)
                .physical("-100", "100").digital("-2048", "2047");
        EdfRecording rec = EdfReader.read(edf.write(dir, "scaled.edf"));
        double gain = 200.0 / 4095;
        double[] x = rec.samples(0);
        assertEquals(15, x.length);
        assertEquals(-100.0, x[0], 1e-12);
        assertEquals(100.0, x[1], 1e-12);
        assertEquals(-100 + 2048 * gain, x[2], 1e-12);
        assertEquals(-100 + 2047 * gain, x[3], 1e-12);
        assertEquals(-100 + (10 + 2048) * gain, x[5], 1e-12);
        assertEquals(-100 + (24 + 2048) * gain, x[14], 1e-12);
        assertEquals(5.0, rec.sampleRate(0));
    }

    @Test
    void readsSignedLittleEndianSixteenBitSamples() throws IOException {
        EdfBytes edf = new EdfBytes();
        edf.reserved = "";
        edf.recordsWritten = 1;
        edf.eeg("A", 4, (r, i) -> new int[] {-32768, 32767, -2, 258}[i]).physical("-32768", "32767");
        double[] x = EdfReader.read(edf.write(dir, "le.edf")).samples(0);
        assertArrayEquals(new double[] {-32768, 32767, -2, 258}, x, 1e-9);
    }

    @Test
    void readsAnnotationsAndRecordTimes() throws IOException {
        EdfRecording rec = EdfReader.read(EdfBytes.small().write(dir, "small.edf"));
        assertEquals(List.of(
                new EdfAnnotation(0, 1.5, "T0"),
                new EdfAnnotation(1.5, 0.5, "T1"),
                new EdfAnnotation(1.5, 0.5, "second text")), rec.annotations());
        assertArrayEquals(new double[] {0, 1}, rec.recordOnsets());
        assertEquals(List.of("C3..", "Cz.."), rec.channelLabels());
        assertEquals(2, rec.channelCount());
        double gain = 6400.0 / 65535;
        assertEquals(-3200 + (100 + 3 - 3 + 32768) * gain, rec.samples(0)[7], 1e-9);
        assertEquals(-3200 + (-101 + 32768) * gain, rec.samples(1)[5], 1e-9);
    }

    @Test
    void plainEdfHasNoTimeKeepingAndRecordsFollowEachOther() throws IOException {
        EdfBytes edf = new EdfBytes();
        edf.reserved = "";
        edf.duration = "0.5";
        edf.recordsWritten = 3;
        edf.eeg("O1", 2, (r, i) -> r);
        EdfRecording rec = EdfReader.read(edf.write(dir, "plain.edf"));
        assertFalse(rec.header().isEdfPlus());
        assertTrue(rec.header().isContinuous());
        assertTrue(rec.annotations().isEmpty());
        assertArrayEquals(new double[] {0, 0.5, 1.0}, rec.recordOnsets(), 1e-12);
        assertEquals(4.0, rec.sampleRate(0));
    }

    @Test
    void countsRecordsFromTheFileSizeWhenTheHeaderSaysMinusOne() throws IOException {
        EdfBytes edf = EdfBytes.small();
        edf.records = "-1";
        EdfRecording rec = EdfReader.read(edf.write(dir, "unknown.edf"));
        assertEquals(2, rec.header().records());
        assertTrue(rec.header().recordsInferred());
        assertEquals(8, rec.sampleCount(0));
    }

    @Test
    void twoDigitYearsFollowTheEdfWindow() throws IOException {
        EdfBytes edf = EdfBytes.small();
        edf.startDate = "31.12.85";
        assertEquals(1985, EdfReader.readHeader(edf.write(dir, "a.edf")).start().getYear());
        edf.startDate = "01.01.84";
        assertEquals(2084, EdfReader.readHeader(edf.write(dir, "b.edf")).start().getYear());
    }

    @Test
    void discontinuousRecordsStartWhereTheirTalSays() throws IOException {
        EdfBytes edf = new EdfBytes();
        edf.reserved = "EDF+D";
        edf.recordsWritten = 3;
        edf.eeg("C3", 2, (r, i) -> 0);
        edf.annotations(16, List.of(EdfBytes.timeKeeping("+0.25"), EdfBytes.timeKeeping("+10"),
                EdfBytes.timeKeeping("+11") + EdfBytes.tal("+11.5", null, "stim")));
        EdfRecording rec = EdfReader.read(edf.write(dir, "d.edf"));
        assertFalse(rec.header().isContinuous());
        assertArrayEquals(new double[] {0.25, 10, 11}, rec.recordOnsets());
        assertEquals(0.25, rec.firstSampleSeconds());
        EdfAnnotation stim = rec.annotations().get(0);
        assertEquals(11.5, stim.onsetSeconds());
        assertFalse(stim.hasDuration());
        assertEquals(11.5, stim.endSeconds());
    }
}
