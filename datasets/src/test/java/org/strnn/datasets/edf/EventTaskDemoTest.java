package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventTaskDemoTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EventTaskDemo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void walksFromTheShippedFilesToASplit() {
        int status = run(Eegmmidb.file(Eegmmidb.R03).toString(), Eegmmidb.file(Eegmmidb.R07).toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("S001R03.edf: EDF+C, 64 channels + 1 annotation signal(s), 160.0 Hz, 125 records of"
                + " 1.0 s, 30 annotations {T0=15, T1=8, T2=7}"), text);
        assertTrue(text.contains("train DE (nats, min/median/max over samples, slices and channels): delta "), text);
        assertTrue(text.contains("train: 15 samples of T=4 x n=64 x d=5, 2 classes (left 8, right 7)"), text);
        assertTrue(text.contains("test:  15 samples of T=4 x n=64 x d=5, 2 classes (left 8, right 7)"), text);
    }

    @Test
    void aMissingFileIsOneLineAndStatusOne() {
        assertEquals(1, run(Eegmmidb.file(Eegmmidb.R03).toString(), "no-such.edf"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals("error: no-such.edf: no such file" + System.lineSeparator(), message);
    }

    @Test
    void wrongArgumentsPrintUsageAndStatusTwo() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: EventTaskDemo TRAIN.edf TEST.edf"));
    }
}
