package org.strnn.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.strnn.sweep.SweepRunner.TINY_BASE;
import static org.strnn.sweep.SweepRunner.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Parallel;
import org.strnn.formats.Json;

/** The local engine, for real: parallel runs, failures, re-runs, and a sweep killed halfway. */
class LocalEngineTest {

    @TempDir
    Path tmp;

    @AfterEach
    void oneThread() {
        Parallel.setThreads(1);
    }

    private Path sweepFile(String name, String body) throws IOException {
        Path f = tmp.resolve(name + ".json");
        Files.writeString(f, body);
        return f;
    }

    private static String records(Path dir, String id) throws IOException {
        return Files.readString(dir.resolve("results").resolve(id + ".json"));
    }

    @Test
    void parallelRunsAreBitIdenticalToRunsAlone() throws IOException {
        Path file = sweepFile("pair", "{\"base\": " + TINY_BASE + ", \"variants\": [{\"name\": \"STRNN\"}, "
                + "{\"name\": \"tanh\", \"args\": [\"--activation\", \"tanh\"]}], \"seeds\": [1, 2]}");
        Path together = tmp.resolve("together");
        SweepRunner.Result r = run("sweep", "run", file.toString(), "--dir", together.toString(), "--parallel", "4");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("4 of 4 runs to execute, 4 at a time"), r.toString());

        SweepSpec spec = SweepSpec.load(file);
        Path alone = tmp.resolve("alone");
        for (Run run : spec.runs()) {
            // Each run alone, with more op threads: the results may not depend on either.
            SweepRunner.Result one = run("sweep", "run", file.toString(), "--dir", alone.toString(), "--id", run.id(),
                    "--threads", "2");
            assertEquals(0, one.exit(), one.toString());
        }
        SweepDir a = new SweepDir(together);
        SweepDir b = new SweepDir(alone);
        List<String> digests = new ArrayList<>();
        for (Run run : spec.runs()) {
            Map<String, Object> x = a.read(run.id());
            Map<String, Object> y = b.read(run.id());
            assertEquals("done", x.get("status"), x.toString());
            assertNotNull(x.get("weights_sha256"));
            assertEquals(x.get("digest"), y.get("digest"), run.commandLine());
            assertEquals(x.get("weights_sha256"), y.get("weights_sha256"), run.commandLine());
            Map<?, ?> rx = (Map<?, ?>) x.get("result");
            Map<?, ?> ry = (Map<?, ?>) y.get("result");
            assertEquals(rx.get("history").toString().replaceAll("seconds=[^,}]*", ""),
                    ry.get("history").toString().replaceAll("seconds=[^,}]*", ""));
            assertEquals(rx.get("test_accuracy"), ry.get("test_accuracy"));
            assertEquals(run.argv(), x.get("argv"));
            digests.add((String) x.get("weights_sha256"));
        }
        // Different seeds and variants train different models: the digests are not constant.
        assertEquals(4, digests.stream().distinct().count(), digests.toString());
    }

    @Test
    void aFailedRunIsRecordedAndTheOthersGoOn() throws IOException {
        Path file = sweepFile("mixed", "{\"base\": " + TINY_BASE + ", \"variants\": [{\"name\": \"bad\", \"args\": "
                + "[\"--directions\", \"3\"]}, {\"name\": \"good\"}]}");
        Path dir = tmp.resolve("mixed");
        SweepRunner.Result r = run("sweep", "run", file.toString(), "--dir", dir.toString(), "--parallel", "2");
        assertEquals(1, r.exit(), r.toString());
        SweepSpec spec = SweepSpec.load(file);
        SweepDir d = new SweepDir(dir);
        Map<String, Object> bad = d.read(spec.runs().get(0).id());
        assertEquals("failed", bad.get("status"));
        assertEquals("strnn: error: --directions must be one of 4, 2, 1, got '3'", bad.get("error"));
        assertEquals(2L, bad.get("exit_code"));
        assertEquals("done", d.read(spec.runs().get(1).id()).get("status"));

        SweepRunner.Result status = run("sweep", "status", file.toString(), "--dir", dir.toString(), "--json");
        Map<String, Object> s = Json.parseObject(status.out());
        assertEquals(List.of(2L, 1L, 1L, 0L), List.of(s.get("runs"), s.get("done"), s.get("failed"), s.get("pending")));

        // A re-run skips both (the failed one too, unless asked); --retry-failed executes it again.
        SweepRunner.Result again = run("sweep", "run", file.toString(), "--dir", dir.toString());
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.err().contains("nothing to run"), again.toString());
        SweepRunner.Result retry = run("sweep", "run", file.toString(), "--dir", dir.toString(), "--retry-failed");
        assertTrue(retry.err().contains("1 of 2 runs to execute"), retry.toString());
    }

    @Test
    void badCommandLinesEndInOneLine() throws IOException {
        Path file = sweepFile("s", "{\"base\": " + TINY_BASE + "}");
        oneLine(run("sweep", "run"), 2, "needs an action");
        oneLine(run("sweep", "fly", file.toString()), 2, "unknown sweep action 'fly'");
        oneLine(run("sweep", "run", tmp.resolve("nope.json").toString()), 1, "no such sweep file");
        oneLine(run("sweep", "run", file.toString(), "--id", "000000000000", "--dir", tmp.resolve("d").toString()), 2,
                "no run with id '000000000000'");
        oneLine(run("sweep", "run", file.toString(), "--engine", "spark"), 2, "--engine must be one of local, slurm");
        oneLine(run("sweep", "run", file.toString(), "--dir", file.toString()), 1, "exists and is not a directory");
        Path broken = sweepFile("broken", "{\"base\": ");
        oneLine(run("sweep", "status", broken.toString()), 1, "broken.json: not valid JSON");
    }

    private static void oneLine(SweepRunner.Result r, int exit, String fragment) {
        assertEquals(exit, r.exit(), r.toString());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), r.toString());
        assertTrue(err.startsWith("strnn: error: ") && err.contains(fragment), r.toString());
    }

    /**
     * A real {@code strnn sweep run} process, killed (SIGKILL) after some runs are recorded: running
     * the sweep again executes exactly the runs without a record, leaves the recorded ones untouched,
     * and gives the same results as an uninterrupted sweep.
     */
    @Test
    void aKilledSweepFinishesOnlyTheRemainingRunsWhenRunAgain() throws Exception {
        String base = TINY_BASE.replace("\"epochs\": 2", "\"epochs\": 4").replace("train=48", "train=64");
        Path file = sweepFile("killed", "{\"base\": " + base + ", \"seeds\": [1, 2, 3, 4, 5, 6]}");
        Path dir = tmp.resolve("killed");
        Path results = dir.resolve("results");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.strnn.cli.Main",
                "sweep", "run", file.toString(), "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
        // Wait for two records however long a loaded machine takes; only a sweep that ends first,
        // or a hang, fails here.
        long hang = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (count(results) < 2 && p.isAlive()) {
            if (System.nanoTime() > hang) {
                p.destroyForcibly();
                fail("fewer than 2 runs recorded after 15 minutes (a hang); the log:\n"
                        + Files.readString(tmp.resolve("killed.log")));
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        int recorded = count(results);
        assertTrue(recorded >= 2 && recorded < 6, recorded + " runs recorded before the kill; the log:\n"
                + Files.readString(tmp.resolve("killed.log")));
        List<String> before = new ArrayList<>();
        SweepSpec spec = SweepSpec.load(file);
        for (Run r : spec.runs()) {
            before.add(Files.exists(results.resolve(r.id() + ".json")) ? records(dir, r.id()) : null);
        }

        SweepRunner.Result again = run("sweep", "run", file.toString(), "--dir", dir.toString(), "--parallel", "2");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.err().contains((6 - recorded) + " of 6 runs to execute"), again.toString());
        assertEquals(6 - recorded, again.err().lines().filter(l -> l.contains("] done")).count(), again.toString());
        assertEquals(6, count(results));
        for (int i = 0; i < 6; i++) {
            if (before.get(i) != null) {
                assertEquals(before.get(i), records(dir, spec.runs().get(i).id()), "a finished run was touched");
            }
        }

        // A run that the kill interrupted or never started gives what it gives in a fresh sweep folder.
        Run resumed = spec.runs().get(before.indexOf(null));
        Path clean = tmp.resolve("clean");
        assertEquals(0, run("sweep", "run", file.toString(), "--dir", clean.toString(), "--id", resumed.id()).exit());
        assertEquals(new SweepDir(clean).read(resumed.id()).get("weights_sha256"),
                new SweepDir(dir).read(resumed.id()).get("weights_sha256"));
    }

    private static int count(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(results)) {
            return (int) s.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().startsWith(".")).count();
        }
    }
}
