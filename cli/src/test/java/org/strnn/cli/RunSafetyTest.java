package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.strnn.cli.CliRunner.TINY;
import static org.strnn.cli.CliRunner.run;
import static org.strnn.cli.CliRunner.userError;
import static org.strnn.cli.CliRunner.with;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Parallel;
import org.strnn.datasets.edf.Eegmmidb;
import org.strnn.formats.Json;
import org.strnn.model.StrnnFile;

/**
 * Ways a run could lose or corrupt results, tried as a user would: test data that leak into
 * training, parallel runs into one folder, resumed runs that ignore options, Ctrl-C. Runs that
 * must be separate processes are.
 */
class RunSafetyTest {

    /** The folder of the PhysioNet S001 recordings, with a trailing separator, ready for a file name. */
    static final String EDF_DIR = Eegmmidb.dir() + java.io.File.separator;

    /**
     * How long a child run may take before the test calls it a hang. Not a performance limit:
     * nothing here waits for a deadline to decide what to test, so a loaded machine only makes the
     * tests slower.
     */
    static final long HANG_GUARD_MINUTES = 15;

    @TempDir
    Path tmp;

    @AfterEach
    void oneThread() {
        Parallel.setThreads(1);
    }

    @Test
    void testDataThatAreAlsoTrainingDataAreRefused() {
        String r03 = EDF_DIR + "S001R03.edf";
        String r07 = EDF_DIR + "S001R07.edf";
        Path out = tmp.resolve("leak");
        userError(run("train", "--data", "edf:" + r03 + "," + r07, "--test", "edf:" + r07, "--epochs", "1", "--out",
                out.toString(), "--quiet"), 2, "test samples", "are also in the training data");
        assertFalse(Files.exists(out.resolve("model.npz")));
        userError(run("train", "--data", "synthetic", "--test", "synthetic", "--epochs", "1", "--out",
                tmp.resolve("same").toString(), "--quiet"), 2, "--test names the same data as --data");
        // the baselines read their data exactly as train does, so they refuse the same leak
        userError(run("baseline", "--data", "edf:" + r03 + "," + r07, "--test", "edf:" + r07), 2, "test samples",
                "are also in the training data");
        // the honest split is accepted
        CliRunner.Result ok = run("train", "--data", "edf:" + r03, "--test", "edf:" + r07, "--epochs", "1", "--ds",
                "4", "--ks", "2", "--dt", "4", "--kt", "2", "--no-plots", "--quiet", "--out",
                tmp.resolve("honest").toString());
        assertEquals(0, ok.exit(), ok.toString());
    }

    @Test
    void aResumedRunKeepsItsSettingsAndRefusesOthers() throws IOException {
        Path out = tmp.resolve("six");
        String[] base = {"train", "--data", "synthetic:train=48,test=24", "--ks", "2", "--dt", "4", "--kt", "2",
            "--no-plots", "--quiet"};
        String[] first = with(base, "--ds", "4", "--batch", "16");
        assertEquals(0, run(with(first, "--epochs", "6", "--out", out.toString())).exit());
        // simulate a run stopped after 3 of 6 epochs: resume a 3-epoch copy of its checkpoint that still asks for 6
        Path part = tmp.resolve("part");
        assertEquals(0, run(with(first, "--epochs", "3", "--out", part.toString())).exit());
        StrnnFile.Contents c = StrnnFile.load(part.resolve("model.npz"));
        Map<String, Object> training = new java.util.LinkedHashMap<>(c.training());
        training.put("epochs", 6);
        Path stopped = tmp.resolve("stopped");
        Files.createDirectories(stopped);
        StrnnFile.save(stopped.resolve("model.npz"), c.model(), c.classNames(), training, c.provenance(),
                c.optimizerState(), false);
        String model = stopped.resolve("model.npz").toString();
        for (String[] change : List.of(new String[] {"--lr", "0.01"}, new String[] {"--batch", "8"},
                new String[] {"--clip", "0.5"}, new String[] {"--ds", "6"}, new String[] {"--merge", "concat"},
                new String[] {"--seed", "5"})) {
            userError(run(with(with(base, change), "--resume", model)), 2, change[0] + " " + change[1],
                    "differs from the checkpoint's", "a resumed run keeps its settings");
        }
        userError(run(with(base, "--no-temporal-rnn", "--resume", model)), 2, "--no-temporal-rnn changes the model");
        CliRunner.Result r = run(with(first, "--json", "--resume", model));
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> json = Json.parseObject(r.out().strip());
        assertEquals(6L, json.get("epochs"), "without --epochs the checkpoint's 6 epochs are the target");
        assertEquals(Files.readString(out.resolve("history.csv")).lines().count(),
                Files.readString(stopped.resolve("history.csv")).lines().count());
        assertEquals(withoutSeconds(out.resolve("history.csv")), withoutSeconds(stopped.resolve("history.csv")),
                "the resumed run matches the straight one");
    }

    @Test
    void twoProcessesIntoOneFolderNeverBothWrite() throws Exception {
        Path out = tmp.resolve("shared");
        String[] args = with(with(new String[] {"train"}, TINY), "--epochs", "3", "--out", out.toString());
        Process a = JvmRunner.start(tmp, tmp, "a", args);
        Process b = JvmRunner.start(tmp, tmp, "b", args);
        assertTrue(a.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES) && b.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES),
                "runs finish");
        int ok = (a.exitValue() == 0 ? 1 : 0) + (b.exitValue() == 0 ? 1 : 0);
        assertEquals(1, ok, "exactly one run may write into one folder: exits " + a.exitValue() + ", "
                + b.exitValue() + "\n" + log("a") + log("b"));
        String loser = a.exitValue() == 0 ? "b" : "a";
        String err = Files.readString(tmp.resolve(loser + ".err")).strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.contains("another strnn run is writing there") || err.contains("is not empty"), err);
        Map<String, Object> result = Json.parseObject(Files.readString(out.resolve("result.json")));
        assertEquals(3L, result.get("epochs"));
        assertFalse(Files.exists(out.resolve(RunFolder.LOCK)), "the lock goes with the run");
    }

    @Test
    void runsStartedInTheSameSecondGetTheirOwnDefaultFolders() throws Exception {
        String[] args = with(with(new String[] {"train"}, TINY), "--epochs", "1");
        Process a = JvmRunner.start(tmp, tmp, "a", args);
        Process b = JvmRunner.start(tmp, tmp, "b", args);
        assertTrue(a.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES) && b.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES),
                "runs finish");
        assertEquals(0, a.exitValue(), log("a"));
        assertEquals(0, b.exitValue(), log("b"));
        try (Stream<Path> runs = Files.list(tmp.resolve("runs"))) {
            List<Path> folders = runs.toList();
            assertEquals(2, folders.size(), folders.toString());
            for (Path f : folders) {
                assertTrue(Files.isRegularFile(f.resolve("result.json")), f.toString());
            }
        }
        // and in one process, within one second, for certain
        Path first = RunFolder.fresh(tmp.resolve("more"), "train");
        Path second = RunFolder.fresh(tmp.resolve("more"), "train");
        assertNotEquals(first, second);
    }

    @Test
    void ctrlCSavesWhatIsDoneAndSaysHowToResume() throws Exception {
        Path out = tmp.resolve("long");
        String[] args = {"train", "--data", "synthetic:train=48,test=24", "--ds", "4", "--ks", "2", "--dt", "4", "--kt",
            "2", "--batch", "16", "--epochs", "100000", "--out", out.toString()};
        Process p = JvmRunner.start(tmp, tmp, "long", args);
        Path err = tmp.resolve("long.err");
        // Wait for epoch 2 however long a loaded machine takes; only a run that ends first, or a
        // hang, fails here.
        long hang = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_GUARD_MINUTES);
        while (!Files.readString(err).contains("epoch 2/") && p.isAlive()) {
            if (System.nanoTime() > hang) {
                p.destroyForcibly();
                fail("no epoch 2 after " + HANG_GUARD_MINUTES + " minutes (a hang): " + log("long"));
            }
            Thread.sleep(100);
        }
        assertTrue(p.isAlive(), log("long"));
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES), "stops after Ctrl-C");
        assertEquals(130, p.exitValue(), log("long"));
        String last = Files.readString(err).strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.startsWith("strnn: interrupted; "), last);
        assertTrue(last.contains("continue with: bin/strnn train --resume " + out.resolve("model.npz")), last);
        for (String f : List.of("model.npz", "history.csv", "result.json", "curves.png", "saliency.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " is written: " + log("long"));
        }
        Map<String, Object> result = Json.parseObject(Files.readString(out.resolve("result.json")));
        assertEquals(Boolean.TRUE, result.get("interrupted"));
        long epochs = (Long) result.get("epochs");
        assertTrue(epochs >= 2, "epochs done: " + epochs);
        CliRunner.Result resumed = run("train", "--resume", out.resolve("model.npz").toString(), "--data",
                "synthetic:train=48,test=24", "--epochs", String.valueOf(epochs + 1), "--quiet", "--no-plots");
        assertEquals(0, resumed.exit(), resumed.toString());
    }

    private String log(String name) {
        try {
            return "--- " + name + " stdout\n" + Files.readString(tmp.resolve(name + ".out"), StandardCharsets.UTF_8)
                    + "--- " + name + " stderr\n" + Files.readString(tmp.resolve(name + ".err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The rows of a history.csv without its {@code seconds} column (wall time differs between runs). */
    private static List<String> withoutSeconds(Path historyCsv) throws IOException {
        List<String> lines = Files.readAllLines(historyCsv);
        int seconds = List.of(lines.get(0).split(",", -1)).indexOf("seconds");
        assertTrue(seconds >= 0, "history.csv has a seconds column: " + lines.get(0));
        List<String> out = new java.util.ArrayList<>();
        for (String line : lines) {
            List<String> cells = new java.util.ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(seconds);
            out.add(String.join(",", cells));
        }
        return out;
    }
}
