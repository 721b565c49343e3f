package org.strnn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes a whole folder or nothing: the writer fills a hidden sibling folder, which is renamed to
 * the target only when it is complete. When the writer fails, for example because the disk fills
 * up (which a memory-mapped writer reports as an {@link InternalError}), the partial folder is
 * deleted, so the target stays absent (or empty) and the same command can simply be run again.
 */
final class StagedFolder {

    private StagedFolder() {
    }

    /** Runs {@code writer} on a staging folder and renames it to {@code target}; returns what the writer returned. */
    static <T> T write(Path target, Function<Path, T> writer) {
        Path absolute = target.toAbsolutePath().normalize();
        requireEmpty(absolute);
        Path staging;
        try {
            Files.createDirectories(absolute.getParent());
            staging = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        T result;
        try {
            result = writer.apply(staging);
        } catch (RuntimeException | InternalError e) {
            deleteTree(staging);
            if (e instanceof InternalError || isDiskFull(e)) {
                throw CliException.failure(target + ": the disk filled up while writing (" + free(absolute.getParent())
                        + " free); nothing was kept, so the same command can run again once there is space");
            }
            throw e;
        }
        try {
            Files.deleteIfExists(absolute);
            try {
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, absolute);
            }
        } catch (IOException e) {
            deleteTree(staging);
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** Maps a path inside the staging folder to the same path inside the target. */
    static Path relocate(Path inside, Path staging, Path target) {
        return target.resolve(staging.toAbsolutePath().relativize(inside.toAbsolutePath()));
    }

    private static void requireEmpty(Path target) {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw CliException.failure(target + ": exists and is not a directory");
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw CliException.failure(target + ": is not empty; choose a new directory");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("no space left")) {
                return true;
            }
        }
        return false;
    }

    private static String free(Path dir) {
        try {
            return String.format(Locale.ROOT, "%.1f MB", Files.getFileStore(dir).getUsableSpace() / 1e6);
        } catch (IOException e) {
            return "unknown space";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a leftover hidden .partial- folder never replaces the user's data
        }
    }
}
