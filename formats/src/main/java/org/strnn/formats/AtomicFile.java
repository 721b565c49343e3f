package org.strnn.formats;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader sees either the old file or the complete new one, never a
 * partial one: the content goes to a temporary file in the same directory, which is flushed to
 * disk and then renamed over the target (atomically where the file system allows). If anything
 * fails, the temporary file is deleted and the target is untouched.
 */
public final class AtomicFile {

    /** Writes the content; may throw to abandon the write. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @param overwrite if false, an existing target is an error (checked before writing and again
     *     by the final rename, which then does not replace)
     */
    public static void write(Path target, boolean overwrite, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new FormatException(target, "cannot write: directory " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new FormatException(target, "cannot write: it is a directory");
        }
        if (!overwrite && Files.exists(abs)) {
            throw new FormatException(target, "already exists; refusing to overwrite it (use --force to replace it)");
        }
        Path tmp;
        try {
            tmp = createSibling(abs);
        } catch (IOException e) {
            throw new FormatException(target, "cannot create a temporary file in " + dir + ": " + e.getMessage(), e);
        }
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            move(tmp, abs, overwrite);
            moved = true;
            syncDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new FormatException(target, "already exists; refusing to overwrite it (use --force to replace it)", e);
        } catch (IOException e) {
            String why = e.getMessage() != null && e.getClass() == IOException.class ? e.getMessage() : e.toString();
            throw new FormatException(target, "cannot write: " + why, e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; a stray temporary file is the lesser problem
                }
            }
        }
    }

    /**
     * A new empty hidden file next to {@code file}, for writing and then renaming onto it. Not
     * {@code Files.createTempFile}: that makes the file owner-only, and the rename would carry those
     * permissions over to the user's file; this one gets the default permissions (the umask).
     */
    public static Path createSibling(Path file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36);
            Path tmp = file.resolveSibling("." + file.getFileName() + "." + suffix + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path tmp, Path target, boolean overwrite) throws IOException {
        if (!overwrite) {
            // A rename that fails if the target appeared meanwhile.
            Files.move(tmp, target);
            return;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported on this platform (e.g. Windows); the data itself was already forced
        }
    }
}
