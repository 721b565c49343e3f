package org.strnn.nn.io;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.strnn.nn.Version;

/**
 * Where a saved model came from, for its {@code config.json}: the seed it was trained from, the
 * version of this library, when it was made (UTC, ISO-8601), and what data it saw (for example a
 * dataset name, split and checksum).
 */
public record Provenance(long seed, String libraryVersion, String created, String dataIdentity) {

    public Provenance {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(dataIdentity, "dataIdentity");
    }

    /** This library's version and the clock's current time, to the second. */
    public static Provenance of(long seed, String dataIdentity, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new Provenance(seed, Version.library(), now.toString(), dataIdentity);
    }

    /** As a JSON object: {@code {"seed": ..., "library_version": ..., "created": ..., "data": ...}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("library_version", libraryVersion);
        m.put("created", created);
        m.put("data", dataIdentity);
        return m;
    }

    /** Reads {@link #toJson()}'s form back. */
    public static Provenance fromJson(Map<String, Object> m) {
        if (!(m.get("seed") instanceof Long seed) || !(m.get("library_version") instanceof String v)
                || !(m.get("created") instanceof String created) || !(m.get("data") instanceof String data)) {
            throw new IllegalArgumentException("provenance needs seed (integer), library_version, created and data "
                    + "(strings), got " + m.keySet());
        }
        return new Provenance(seed, v, created, data);
    }
}
