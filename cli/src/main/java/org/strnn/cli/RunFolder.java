package org.strnn.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * An output folder held by one run. The run takes an exclusive lock on {@value #LOCK} inside it
 * (an operating-system lock, so it also holds between processes and is released when a process
 * dies), and only then looks at what the folder holds. Two runs into one folder therefore never
 * both write there: the second is refused with one line. A default folder is created atomically
 * with a numbered suffix when its name is taken, so runs started in the same second get their own.
 */
final class RunFolder implements AutoCloseable {

    /** The lock file; it is not counted as content and is removed when the run ends. */
    static final String LOCK = ".strnn.lock";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean created;

    private RunFolder(Path path, FileChannel channel, FileLock lock, boolean created) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
    }

    /**
     * A new folder {@code parent/prefix-yyyyMMdd-HHmmss}, or with {@code -2}, {@code -3}, ... when
     * that name is already taken (by an earlier run or one started in the same second).
     */
    static Path fresh(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int k = 1; ; k++) {
            Path p = parent.resolve(prefix + "-" + stamp + (k == 1 ? "" : "-" + k));
            try {
                Files.createDirectory(p);
                return p;
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
    }

    /**
     * Locks {@code dir}, creating it if needed. Fails with one line when another run holds it, or
     * when it cannot be written ("permission denied" comes from the file system's own error).
     */
    static RunFolder lock(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CliException.failure(dir + ": exists and is not a directory");
        }
        boolean created = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw CliException.failure(dir + ": permission denied (the output folder is not writable)");
        }
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw CliException.failure(dir + ": another strnn run is writing there; wait for it to end, or choose "
                    + "another --out");
        }
        return new RunFolder(dir, channel, lock, created);
    }

    Path path() {
        return path;
    }

    /** True when the folder holds nothing but the lock. */
    boolean isEmpty() throws IOException {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.allMatch(RunFolder::isLock);
        }
    }

    /** Whether {@code p} is a run's lock file (which does not count as the folder's content). */
    static boolean isLock(Path p) {
        return p.getFileName().toString().equals(LOCK);
    }

    /**
     * Fails with one line, before any work, when the file system has less than {@code bytes} free
     * for the run's files.
     */
    void checkSpace(long bytes) throws IOException {
        long free = Files.getFileStore(path).getUsableSpace();
        if (free < bytes) {
            throw CliException.failure(path + ": no space left on device (" + megabytes(free) + " free, the run "
                    + "needs about " + megabytes(bytes) + ")");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Releases the lock and removes the lock file; a folder this run created and left empty goes too. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path.resolve(LOCK));
            lock.release();
            channel.close();
            if (created && isEmpty()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // the lock dies with the channel or the process; nothing of the user's is at stake
        }
    }
}
