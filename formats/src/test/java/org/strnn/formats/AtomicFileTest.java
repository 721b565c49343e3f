package org.strnn.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails part-way leaves the old file as it was and no temporary file behind. */
class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFailedWriteKeepsTheOriginal() throws Exception {
        Path p = dir.resolve("model.npz");
        Files.write(p, new byte[] {1, 2, 3});
        var e = assertThrows(FormatException.class, () -> AtomicFile.write(p, true, out -> {
            out.write(new byte[100_000]); // more than the buffer, so some of it reached the temporary file
            throw new IOException("disk full (simulated)");
        }));
        assertTrue(e.getMessage().startsWith(p + ": cannot write: disk full (simulated)"), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(p));
        assertEquals(List.of(p), files());
    }

    @Test
    void aFailedFirstWriteLeavesNothing() throws Exception {
        Path p = dir.resolve("new.npz");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(p, false, out -> {
            out.write(1);
            throw new IllegalStateException("bug in a writer");
        }));
        assertEquals(List.of(), files());
    }

    @Test
    void aSuccessfulWriteReplacesTheFileWhole() throws Exception {
        Path p = dir.resolve("model.npz");
        Files.write(p, new byte[] {1, 2, 3});
        AtomicFile.write(p, true, out -> out.write(new byte[] {9, 8}));
        assertArrayEquals(new byte[] {9, 8}, Files.readAllBytes(p));
        assertEquals(List.of(p), files());
        var e = assertThrows(FormatException.class, () -> AtomicFile.write(dir.resolve("no/such/dir/m.npz"), false,
                out -> out.write(1)));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
