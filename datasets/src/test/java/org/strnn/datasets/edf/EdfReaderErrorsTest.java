package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;

/**
 * Every broken file gives a {@link DatasetException} whose message starts with the file's path and
 * names the problem, both from {@link EdfReader#read} and, where the header alone shows it, from
 * {@link EdfReader#readHeader}.
 */
class EdfReaderErrorsTest {

    @TempDir
    Path dir;

    /** Writes {@code bytes}, reads them, and returns the message after "path: ". */
    private String problem(byte[] bytes, boolean headerShowsIt) throws IOException {
        Path file = Files.write(dir.resolve("broken.edf"), bytes);
        DatasetException e = assertThrows(DatasetException.class, () -> EdfReader.read(file));
        String prefix = file + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        if (headerShowsIt) {
            DatasetException h = assertThrows(DatasetException.class, () -> EdfReader.readHeader(file));
            assertEquals(e.getMessage(), h.getMessage());
        }
        return e.getMessage().substring(prefix.length());
    }

    private String problem(Consumer<EdfBytes> breakIt) throws IOException {
        EdfBytes edf = EdfBytes.small();
        breakIt.accept(edf);
        return problem(edf.build(), true);
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), "expected \"" + expected + "\" in \"" + actual + "\"");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.edf");
        assertEquals(file + ": no such file", assertThrows(DatasetException.class, () -> EdfReader.read(file)).getMessage());
        assertEquals(file + ": no such file",
                assertThrows(DatasetException.class, () -> EdfReader.readHeader(file)).getMessage());
    }

    @Test
    void fileShorterThanTheFixedHeader() throws IOException {
        assertEquals("the file is 100 bytes long, shorter than the 256-byte EDF header",
                problem(Arrays.copyOf(EdfBytes.small().build(), 100), true));
        assertContains("shorter than the 256-byte EDF header", problem(new byte[0], true));
    }

    @Test
    void notEdf() throws IOException {
        byte[] bdf = EdfBytes.small().build();
        bdf[0] = (byte) 0xFF;
        assertContains("starts with byte 0xFF (BDF) but goes on \"       \", not \"BIOSEMI\"", problem(bdf, true));
        assertEquals("the version field is \"1\", not \"0\": not an EDF file", problem(e -> e.version = "1"));
    }

    @Test
    void badNumbers() throws IOException {
        assertEquals("number of signals is \"x\", not an integer", problem(e -> e.signalCount = "x"));
        assertEquals("number of data records is \"2.5\", not an integer", problem(e -> e.records = "2.5"));
        assertEquals("duration of a data record is \"one\", not a number", problem(e -> e.duration = "one"));
        assertEquals("number of bytes in header is \"\", not an integer", problem(e -> e.headerBytes = ""));
        assertEquals("signal 1 (\"C3..\") physical minimum is \"NaN\", not a number",
                problem(e -> e.signals.get(0).physicalMin = "NaN"));
        assertEquals("signal 2 (\"Cz..\") digital maximum is \"1e3\", not an integer",
                problem(e -> e.signals.get(1).digitalMax = "1e3"));
        assertEquals("signal 1 (\"C3..\") samples per data record is \"four\", not an integer",
                problem(e -> e.signals.get(0).samplesPerRecord = "four"));
    }

    @Test
    void controlBytesInANumericField() throws IOException {
        byte[] bytes = EdfBytes.small().build();
        bytes[237] = 0;
        assertEquals("header field 'number of data records' holds byte 0x00 at offset 237, which is not printable ASCII",
                problem(bytes, true));
    }

    @Test
    void negativeAndZeroCounts() throws IOException {
        assertEquals("number of signals is 0; an EDF file has at least one", problem(e -> e.signalCount = "0"));
        assertEquals("number of signals is -3; an EDF file has at least one", problem(e -> e.signalCount = "-3"));
        assertEquals("number of data records is -2; only -1 (unknown) may be negative", problem(e -> e.records = "-2"));
        assertEquals("duration of a data record is -1.0 s; it must be finite and >= 0", problem(e -> e.duration = "-1"));
        assertEquals("signal 1 (\"C3..\"): samples per data record is 0; it must be at least 1",
                problem(e -> e.signals.get(0).samplesPerRecord = "0"));
        assertEquals("signal 2 (\"Cz..\"): samples per data record is -4; it must be at least 1",
                problem(e -> e.signals.get(1).samplesPerRecord = "-4"));
        assertEquals("duration of a data record is 0 s, which only a file of annotation signals alone may have",
                problem(e -> e.duration = "0"));
    }

    @Test
    void headerSizeMismatch() throws IOException {
        assertEquals("the header-size field says 768 bytes, but 3 signals need 256 * (3 + 1) = 1024",
                problem(e -> e.headerBytes = "768"));
        assertEquals("the header-size field says 1024 bytes, but 4 signals need 256 * (4 + 1) = 1280",
                problem(e -> e.signalCount = "4"));
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] whole = EdfBytes.small().build();
        assertEquals("truncated header: 3 signals need a 1024-byte header, but the file has only 600 bytes",
                problem(Arrays.copyOf(whole, 600), true));
    }

    @Test
    void inconsistentSignalRanges() throws IOException {
        assertEquals("signal 1 (\"C3..\"): digital minimum 100 is not below digital maximum 100",
                problem(e -> e.signals.get(0).digital("100", "100")));
        assertEquals("signal 1 (\"C3..\"): digital minimum 200 is not below digital maximum 100",
                problem(e -> e.signals.get(0).digital("200", "100")));
        assertEquals("signal 2 (\"Cz..\"): digital range [-40000, 32767] leaves the 16-bit range [-32768, 32767]",
                problem(e -> e.signals.get(1).digital("-40000", "32767")));
        assertEquals("signal 1 (\"C3..\"): physical minimum and maximum are both 5.0",
                problem(e -> e.signals.get(0).physical("5", "5")));
    }

    @Test
    void truncatedData() throws IOException {
        byte[] whole = EdfBytes.small().build();
        int header = 1024;
        int record = 48;
        assertEquals(header + 2 * record, whole.length);
        assertEquals("truncated: the header promises 2 data records of 48 bytes (96 bytes), but only 95 bytes follow"
                + " the header (1 whole records)", problem(Arrays.copyOf(whole, whole.length - 1), true));
        assertEquals("truncated: the header promises 2 data records of 48 bytes (96 bytes), but only 0 bytes follow"
                + " the header (0 whole records)", problem(Arrays.copyOf(whole, header), true));
        assertEquals("truncated: the header promises 3 data records of 48 bytes (144 bytes), but only 96 bytes follow"
                + " the header (2 whole records)", problem(e -> e.records = "3"));
    }

    @Test
    void extraBytesAfterTheLastRecord() throws IOException {
        byte[] whole = EdfBytes.small().build();
        assertEquals("7 bytes follow the last of the 2 data records the header promises; the file is longer than its"
                + " header says", problem(Arrays.copyOf(whole, whole.length + 7), true));
    }

    @Test
    void unknownRecordCountWithAPartialRecord() throws IOException {
        EdfBytes edf = EdfBytes.small();
        edf.records = "-1";
        byte[] whole = edf.build();
        assertEquals("the number of data records is -1 (unknown), and the 90 bytes after the header are not a whole"
                + " number of 48-byte records", problem(Arrays.copyOf(whole, whole.length - 6), true));
    }

    @Test
    void badReservedFieldAndStart() throws IOException {
        assertEquals("reserved field \"EDF+X\" starts with EDF+ but is neither EDF+C nor EDF+D",
                problem(e -> e.reserved = "EDF+X"));
        assertEquals("the reserved field says EDF+C, but no signal is labelled 'EDF Annotations'", problem(e -> {
            e.signals.get(2).label = "Status";
        }));
        assertEquals("start date \"12-08-09\" is not dd.mm.yy", problem(e -> e.startDate = "12-08-09"));
        assertEquals("start time \"16:15:00\" is not hh.mm.ss", problem(e -> e.startTime = "16:15:00"));
        assertContains("start 31.02.09 16.15.00 is not a valid date and time", problem(e -> e.startDate = "31.02.09"));
        assertContains("start 12.08.09 25.00.00 is not a valid date and time", problem(e -> e.startTime = "25.00.00"));
    }

    @Test
    void brokenAnnotationsNameTheRecordAndSignal() throws IOException {
        EdfBytes edf = EdfBytes.small();
        edf.signals.get(2).tals = List.of(EdfBytes.timeKeeping("+0"), EdfBytes.tal("+1", "1", "T1"));
        assertEquals("record 1, signal 3 ('EDF Annotations'), byte 0 of its annotations: the first TAL is not a"
                + " time-keeping TAL (its first annotation is \"T1\", not empty)", problem(edf.build(), false));
        edf.signals.get(2).tals = List.of(EdfBytes.timeKeeping("+0"), EdfBytes.timeKeeping("1"));
        assertContains("record 1, signal 3 ('EDF Annotations'), byte 0 of its annotations: onset \"1\" is not a signed"
                + " number", problem(edf.build(), false));
    }

    @Test
    void recordTimesMustMatchTheContinuity() throws IOException {
        EdfBytes edf = EdfBytes.small();
        edf.signals.get(2).tals = List.of(EdfBytes.timeKeeping("+0"), EdfBytes.timeKeeping("+1.5"));
        assertEquals("EDF+C, but record 1 starts at 1.5 s instead of 1.0 s", problem(edf.build(), false));
        edf.reserved = "EDF+D";
        edf.signals.get(2).tals = List.of(EdfBytes.timeKeeping("+5"), EdfBytes.timeKeeping("+5.5"));
        assertEquals("EDF+D record 1 starts at 5.5 s, before record 0 (at 5.0 s, 1.0 s long) ends",
                problem(edf.build(), false));
    }
}
