package org.strnn.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.check.Property;
import org.strnn.formats.FormatException;

/**
 * Damaged files: a truncated file and a file with a flipped byte either load exactly the saved
 * values (when the damage hit a field nobody reads, such as a timestamp) or fail with a
 * {@link FormatException} that names the file; never another exception, never a partial or
 * altered model.
 */
class CorruptFileTest {

    @TempDir
    Path dir;

    private Path good;
    private byte[] bytes;
    private Map<String, double[]> saved;

    @BeforeEach
    void save() throws Exception {
        good = dir.resolve("good.npz");
        ModelFileTest.Small m = new ModelFileTest.Small(7);
        ModelFile.save(good, m, ModelFileTest.config(7), false);
        bytes = Files.readAllBytes(good);
        saved = m.copyValues();
    }

    private void assertLoadsExactlyOrFailsClearly(Path p, String what) {
        LoadedModel m;
        try {
            m = ModelFile.load(p);
        } catch (FormatException e) {
            assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            return;
        }
        assertEquals(saved.keySet(), m.values().keySet(), what);
        for (String name : saved.keySet()) {
            assertArrayEquals(saved.get(name), m.values().get(name), 0.0, what + ": " + name);
        }
    }

    /** Every length near the start and the end (headers, central directory), every 13th in between. */
    @Test
    void everyTruncationFailsClearly() throws Exception {
        Path p = dir.resolve("cut.npz");
        for (int len = 0; len < bytes.length; len += len < 300 || len > bytes.length - 300 ? 1 : 13) {
            Files.write(p, Arrays.copyOf(bytes, len));
            final int n = len;
            var e = assertThrows(FormatException.class, () -> ModelFile.load(p), "truncated to " + n + " bytes");
            assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        }
    }

    @Test
    void flippedBytesNeverGiveAWrongModel() {
        Property.check("corrupt model file", 200, gen -> {
            byte[] bad = bytes.clone();
            int at = gen.intBetween(0, bad.length - 1);
            bad[at] ^= (byte) gen.intBetween(1, 255);
            Path p = dir.resolve("bad" + at + ".npz");
            try {
                Files.write(p, bad);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertLoadsExactlyOrFailsClearly(p, "byte " + at + " flipped");
        });
    }

    @Test
    void aFlippedDataByteIsCaughtByTheChecksum() throws Exception {
        // the last parameter's last data byte sits just before the config member's local header
        int configHeader = indexOf(bytes, "config.json".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] bad = bytes.clone();
        bad[configHeader - 30 - 1] ^= 0x10;
        Path p = dir.resolve("crc.npz");
        Files.write(p, bad);
        var e = assertThrows(FormatException.class, () -> ModelFile.load(p));
        assertTrue(e.getMessage().contains("member out.b.npy is corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
    }

    @Test
    void notAZipAtAll() throws Exception {
        Path p = dir.resolve("text.npz");
        Files.writeString(p, "hello, this is not a model");
        var e = assertThrows(FormatException.class, () -> ModelFile.load(p));
        assertTrue(e.getMessage().startsWith(p + ": not a valid .npz (zip) archive"), e.getMessage());
        var d = assertThrows(FormatException.class, () -> ModelFile.load(dir));
        assertEquals(dir + ": not a regular file", d.getMessage());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
