package org.strnn.nn.io;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.strnn.formats.JsonView;
import org.strnn.nn.Version;

/**
 * Where a saved model came from, for its {@code config.json}: the seed it was trained from, the
 * version of this library, when it was made (UTC, ISO-8601), and what data it saw. Besides the
 * data's identity (for example a dataset name, split and settings) it can carry the identity of
 * the test data, SHA-256 fingerprints of the exact training and test samples, the options that
 * shaped the data (so that a model can be applied to new data the same way), and the Java
 * version. Absent parts are {@code null} (or an empty map) and are left out of the JSON.
 *
 * @param seed             the seed of the weights and the shuffling
 * @param libraryVersion   this library's version, e.g. {@code 0.1.0}
 * @param created          when the model was made, e.g. {@code 2026-11-25T10:15:30Z}
 * @param dataIdentity     what the model was trained on
 * @param testIdentity     what it was tested on, or null
 * @param trainFingerprint a fingerprint of the training samples, or null
 * @param testFingerprint  a fingerprint of the test samples, or null
 * @param dataOptions      the options that turned the source into samples (e.g. {@code events}, {@code steps})
 * @param java             the Java version it was made with, or null
 */
public record Provenance(long seed, String libraryVersion, String created, String dataIdentity, String testIdentity,
                         String trainFingerprint, String testFingerprint, Map<String, String> dataOptions,
                         String java) {

    public Provenance {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(dataIdentity, "dataIdentity");
        dataOptions = dataOptions == null ? Map.of() : Collections.unmodifiableMap(
                new LinkedHashMap<>(dataOptions));
    }

    /** Only the required parts: seed, version, time and data. */
    public Provenance(long seed, String libraryVersion, String created, String dataIdentity) {
        this(seed, libraryVersion, created, dataIdentity, null, null, null, Map.of(), null);
    }

    /** This library's version and the clock's current time, to the second. */
    public static Provenance of(long seed, String dataIdentity, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new Provenance(seed, Version.library(), now.toString(), dataIdentity);
    }

    /** With the running Java's version. */
    public Provenance withJava() {
        return new Provenance(seed, libraryVersion, created, dataIdentity, testIdentity, trainFingerprint,
                testFingerprint, dataOptions, System.getProperty("java.version"));
    }

    /** With the test data's identity. */
    public Provenance withTest(String identity) {
        return new Provenance(seed, libraryVersion, created, dataIdentity, identity, trainFingerprint, testFingerprint,
                dataOptions, java);
    }

    /** With fingerprints of the training and the test samples (either may be null). */
    public Provenance withFingerprints(String train, String test) {
        return new Provenance(seed, libraryVersion, created, dataIdentity, testIdentity, train, test, dataOptions,
                java);
    }

    /** With the options that shaped the data. */
    public Provenance withDataOptions(Map<String, String> options) {
        return new Provenance(seed, libraryVersion, created, dataIdentity, testIdentity, trainFingerprint,
                testFingerprint, options, java);
    }

    /**
     * As a JSON object: {@code {"seed", "library_version", "created", "data"}} and, when present,
     * {@code "test_data", "train_fingerprint", "test_fingerprint", "data_options", "java"}.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("library_version", libraryVersion);
        m.put("created", created);
        m.put("data", dataIdentity);
        putIfPresent(m, "test_data", testIdentity);
        putIfPresent(m, "train_fingerprint", trainFingerprint);
        putIfPresent(m, "test_fingerprint", testFingerprint);
        if (!dataOptions.isEmpty()) {
            m.put("data_options", new LinkedHashMap<String, Object>(dataOptions));
        }
        putIfPresent(m, "java", java);
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /**
     * Reads {@link #toJson()}'s form back. Files written before this record was used name the
     * version {@code "library": "strnn 0.1.0"}; that form is read too.
     */
    public static Provenance fromJson(Map<String, Object> m) {
        JsonView p = JsonView.of(m, "provenance", JsonView.Wording.fixed("provenance needs seed (integer), "
                + "library_version, created and data (strings), got " + m.keySet()));
        String version = (p.has("library_version") ? p.get("library_version") : p.get("library")).string();
        if (version.startsWith("strnn ")) {
            version = version.substring("strnn ".length());
        }
        long seed = p.get("seed").wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
        String created = p.get("created").string();
        String data = p.get("data").string();
        Map<String, String> options = new LinkedHashMap<>();
        JsonView o = p.get("data_options");
        if (o.isObject()) {
            o.object().forEach((key, value) -> options.put(key, String.valueOf(value.value())));
        }
        return new Provenance(seed, version, created, data, p.get("test_data").stringOrNull(),
                p.get("train_fingerprint").stringOrNull(), p.get("test_fingerprint").stringOrNull(), options,
                p.get("java").stringOrNull());
    }
}
