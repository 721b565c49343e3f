package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strnn.datasets.DatasetException;

class TalParserTest {

    private static final Path FILE = Path.of("rec.edf");

    private static List<EdfAnnotation> parse(String tals, boolean timeKeeping, double expectedStart) {
        byte[] bytes = Arrays.copyOf(tals.getBytes(StandardCharsets.UTF_8), tals.length() + 20);
        List<EdfAnnotation> out = new ArrayList<>();
        double start = TalParser.parse(FILE, "record 0", bytes, 0, bytes.length, timeKeeping, out);
        assertEquals(expectedStart, start);
        return out;
    }

    private static String failure(String tals, boolean timeKeeping) {
        return assertThrows(DatasetException.class, () -> parse(tals, timeKeeping, Double.NaN)).getMessage();
    }

    @Test
    void readsTheTimeKeepingTalAndTheEventsAfterIt() {
        List<EdfAnnotation> events = parse(EdfBytes.timeKeeping("+12") + EdfBytes.tal("+12.5", "4.2", "T1")
                + EdfBytes.tal("-0.5", null, "before start", "two texts"), true, 12.0);
        assertEquals(List.of(new EdfAnnotation(12.5, 4.2, "T1"), new EdfAnnotation(-0.5, Double.NaN, "before start"),
                new EdfAnnotation(-0.5, Double.NaN, "two texts")), events);
    }

    @Test
    void textsAfterTheEmptyTimeKeepingAnnotationAreEventsAtTheRecordStart() {
        List<EdfAnnotation> events = parse("+3" + EdfBytes.TAL_SEPARATOR + EdfBytes.TAL_SEPARATOR + "Recording starts"
                + EdfBytes.TAL_SEPARATOR + '\0', true, 3.0);
        assertEquals(List.of(new EdfAnnotation(3, Double.NaN, "Recording starts")), events);
    }

    @Test
    void decodesUtf8Text() {
        List<EdfAnnotation> events = parse(EdfBytes.tal("+1", null, "Schlaf µV ü"), false, Double.NaN);
        assertEquals("Schlaf µV ü", events.get(0).text());
    }

    @Test
    void refusesARecordWithoutTimeKeeping() {
        assertTrue(failure(EdfBytes.tal("+0", "1", "T0"), true).contains("not a time-keeping TAL"));
        assertTrue(failure("", true).contains("no time-keeping TAL"));
    }

    @Test
    void refusesMalformedTals() {
        String m = failure(EdfBytes.tal("12", null, "x"), false);
        assertTrue(m.startsWith("rec.edf: record 0, byte 0 of its annotations: onset \"12\" is not a signed number"), m);
        assertTrue(failure(EdfBytes.tal("+1", "-2", "x"), false).contains("duration \"-2\" is not an unsigned number"));
        assertTrue(failure("+1" + EdfBytes.TAL_SEPARATOR + "x" + '\0', false).contains("not closed by 0x14"));
        assertTrue(failure("+1" + '\0', false).contains("no 0x14 after its time stamp"));
        assertTrue(failure(EdfBytes.timeKeeping("+0") + "\0\0+1\u0014x\u0014\0", true).contains("follows 0x00 padding"));
        assertTrue(failure(EdfBytes.tal("+0", "1", ""), true).contains("has a duration"));
        assertTrue(failure(EdfBytes.tal("+0", null), true).contains("it has no annotation"));
    }

    @Test
    void refusesATalThatRunsOffTheRecord() {
        byte[] tal = ("+1" + EdfBytes.TAL_SEPARATOR + "T1" + EdfBytes.TAL_SEPARATOR).getBytes(StandardCharsets.US_ASCII);
        DatasetException e = assertThrows(DatasetException.class,
                () -> TalParser.parse(FILE, "record 4", tal, 0, tal.length, false, new ArrayList<>()));
        assertTrue(e.getMessage().contains("record 4, byte 0 of its annotations: a TAL is not closed by a 0x00 byte"),
                e.getMessage());
    }
}
