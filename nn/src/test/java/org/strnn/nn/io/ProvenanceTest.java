package org.strnn.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strnn.formats.Json;

class ProvenanceTest {

    @Test
    void everyPartSurvivesJsonAndAbsentPartsStayOut() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:15:30.123Z"), ZoneOffset.UTC);
        Provenance p = Provenance.of(7, "edf:a.edf", clock).withTest("edf:b.edf").withFingerprints("sha256:1", "sha256:2")
                .withDataOptions(Map.of("events", "T1,T2")).withJava();
        assertEquals("2026-11-27T10:15:30Z", p.created());
        Map<String, Object> json = Json.parseObject(Json.write(p.toJson()));
        assertEquals(p, Provenance.fromJson(json));
        Map<String, Object> minimal = Provenance.of(7, "x", clock).toJson();
        assertEquals(java.util.List.of("seed", "library_version", "created", "data"), java.util.List.copyOf(minimal.keySet()));
    }

    @Test
    void filesFromBeforeTheRecordAreRead() {
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("library", "strnn 0.1.0");
        old.put("created", "2026-11-20T09:00:00.5Z");
        old.put("seed", 1L);
        old.put("data", "synthetic");
        old.put("train_fingerprint", "sha256:ab");
        Provenance p = Provenance.fromJson(old);
        assertEquals("0.1.0", p.libraryVersion());
        assertEquals("sha256:ab", p.trainFingerprint());
        assertNull(p.testIdentity());
        old.remove("seed");
        assertThrows(IllegalArgumentException.class, () -> Provenance.fromJson(old));
    }
}
