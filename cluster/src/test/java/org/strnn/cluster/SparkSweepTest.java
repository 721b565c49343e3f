package org.strnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.cli.Console;
import org.strnn.cli.Main;
import org.strnn.sweep.Run;
import org.strnn.sweep.SweepDir;
import org.strnn.sweep.SweepSpec;

/** A sweep on Spark in local[2] mode gives the same bits as the local engine. */
class SparkSweepTest {

    /** Two variants x two seeds of a tiny model, and one run that fails. */
    static final String SWEEP = """
            {"name": "spark-test",
             "base": {"data": "synthetic:train=48,test=24", "ds": 4, "ks": 2, "dt": 4, "kt": 2, "batch": 16,
                      "epochs": 2},
             "variants": [{"name": "STRNN"}, {"name": "no sparsity", "args": ["--sparsity", "none"]},
                          {"name": "broken", "args": ["--directions", "3"]}],
             "seeds": [1, 2]}
            """;

    @TempDir
    Path tmp;

    static SparkConf testConf(String master) {
        return SparkSweep.configure(new SparkConf().setMaster(master).setAppName("strnn-spark-test")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1")
                .set("spark.ui.enabled", "false"));
    }

    @Test
    void localTwoGivesTheLocalEnginesBits() throws IOException {
        Path file = tmp.resolve("sweep.json");
        Files.writeString(file, SWEEP);
        Path onSpark = tmp.resolve("spark");
        SparkSweep.Summary s;
        try (JavaSparkContext sc = new JavaSparkContext(testConf("local[2]"))) {
            s = SparkSweep.run(sc, file, onSpark, false);
            // Run again: every run has a record, so nothing is executed.
            assertEquals(0, SparkSweep.run(sc, file, onSpark, false).executed());
        }
        assertEquals(6, s.executed());
        assertEquals(2, s.failed());
        assertEquals(6, gunzipLines(Path.of(s.outcomes())).size());
        assertSameAsLocalEngine(file, onSpark, tmp.resolve("local"));
    }

    /** Runs the sweep with {@code bin/strnn sweep run} in this JVM and compares every run's digests. */
    static void assertSameAsLocalEngine(Path file, Path onSpark, Path local) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"sweep", "run", file.toString(), "--dir", local.toString(), "--parallel", "2"},
                new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), false));
        assertEquals(1, code, err.toString(StandardCharsets.UTF_8)); // the broken variant fails
        SweepSpec spec = SweepSpec.load(file);
        int done = 0;
        for (Run r : spec.runs()) {
            Map<String, Object> a = new SweepDir(onSpark).read(r.id());
            Map<String, Object> b = new SweepDir(local).read(r.id());
            assertNotNull(a, "no Spark record for " + r.commandLine());
            assertEquals(b.get("status"), a.get("status"), r.commandLine());
            assertEquals(b.get("error"), a.get("error"), r.commandLine());
            assertEquals("spark", ((Map<?, ?>) a.get("provenance")).get("engine"));
            if ("done".equals(a.get("status"))) {
                assertNotNull(a.get("weights_sha256"));
                assertEquals(b.get("digest"), a.get("digest"), r.commandLine());
                assertEquals(b.get("weights_sha256"), a.get("weights_sha256"), r.commandLine());
                done++;
            }
        }
        assertEquals(4, done);
    }

    static List<String> gunzipLines(Path dir) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                assertTrue(part.toString().endsWith(".gz"), part.toString());
                try (InputStream in = new GZIPInputStream(Files.newInputStream(part))) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
                }
            }
        }
        return lines;
    }
}
