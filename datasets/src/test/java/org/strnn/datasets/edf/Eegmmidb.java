package org.strnn.datasets.edf;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The shipped PhysioNet EEG Motor Movement/Imagery recordings (test resources). Not a test itself. */
final class Eegmmidb {

    static final String R03 = "S001R03.edf";
    static final String R07 = "S001R07.edf";

    private static final Map<String, EdfRecording> CACHE = new ConcurrentHashMap<>();

    private Eegmmidb() {
    }

    static Path file(String name) {
        URL url = Eegmmidb.class.getResource("/eegmmidb/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource eegmmidb/" + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recording, read once per test JVM (recordings are immutable). */
    static EdfRecording read(String name) {
        return CACHE.computeIfAbsent(name, n -> EdfReader.read(file(n)));
    }
}
