package org.strnn.datasets.edf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PhysioNet EEG Motor Movement/Imagery recordings of subject S001 that the repository holds in
 * {@code data/eegmmidb-S001/} (ODC-By; see the README there). Not a test itself. Public, and
 * shipped in datasets' test jar, so that the command line's tests find the recordings the same way.
 */
public final class Eegmmidb {

    public static final String R03 = "S001R03.edf";
    public static final String R07 = "S001R07.edf";

    private static final Map<String, EdfRecording> CACHE = new ConcurrentHashMap<>();

    private Eegmmidb() {
    }

    /**
     * The folder {@code data/eegmmidb-S001}, found in the working directory or above it (tests run
     * in their module's folder, one level below the repository root).
     */
    public static Path dir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("data").resolve("eegmmidb-S001");
            if (Files.isRegularFile(candidate.resolve("SHA256SUMS"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the PhysioNet S001 recordings are missing: no data/eegmmidb-S001/SHA256SUMS in "
                + start + " or a folder above it (the repository keeps them in data/eegmmidb-S001/)");
    }

    /** The recording {@code name} (e.g. {@link #R03}) of the folder; it must exist. */
    public static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the PhysioNet S001 file " + file + " is missing");
        }
        return file;
    }

    /** The recording, read once per test JVM (recordings are immutable). */
    static EdfRecording read(String name) {
        return CACHE.computeIfAbsent(name, n -> EdfReader.read(file(n)));
    }
}
