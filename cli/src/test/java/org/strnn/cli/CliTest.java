package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Parallel;
import org.strnn.datasets.seed.SeedSynthesizer;
import org.strnn.formats.Json;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnFile;

/** Every command, run as a user would, on good and on bad input. */
class CliTest {

    @TempDir
    Path tmp;

    @AfterEach
    void oneThread() {
        Parallel.setThreads(1);
    }

    /** Trains the tiny model into tmp/name, for 2 epochs unless {@code extra} says otherwise. */
    private Path trained(String name, String... extra) {
        Path out = tmp.resolve(name);
        String[] epochs = List.of(extra).contains("--epochs") ? new String[0] : new String[] {"--epochs", "2"};
        CliRunner.Result r = run(with(with(with(new String[] {"train"}, TINY), epochs),
                with(new String[] {"--out", out.toString()}, extra)));
        assertEquals(0, r.exit(), r.toString());
        return out;
    }

    @Test
    void helpAndUsageErrors() {
        CliRunner.Result help = run("--help");
        assertEquals(0, help.exit());
        for (String cmd : List.of("train", "eval", "predict", "experiment", "init", "grad", "bench", "synth")) {
            assertTrue(help.out().contains(cmd), cmd);
            CliRunner.Result h = run(cmd, "--help");
            assertEquals(0, h.exit(), h.toString());
            assertTrue(h.out().startsWith("usage: bin/strnn " + cmd), h.out());
        }
        userError(run("frobnicate"), 2, "unknown command 'frobnicate'");
        userError(run("train", "--epochz", "3"), 2, "unknown option --epochz");
        userError(run("train", "--epochs"), 2, "--epochs needs a value");
        userError(run("train", "--epochs", "three"), 2, "--epochs must be a whole number");
        userError(run("train", "--lr", "NaN"), 2, "--lr must be a finite number");
        userError(run("train", "--data", "mystery:x"), 2, "unknown data source 'mystery:x'");
        userError(run("train", "--data", "synthetic:trian=5"), 2, "unknown setting 'trian'");
    }

    @Test
    void benchReportsThroughputAndABoundOnTheLiveHeap() {
        CliRunner.Result r = run("bench", "--batch", "2", "--warmup", "1", "--iterations", "3", "--json");
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> json = Json.parseObject(r.out().strip());
        assertEquals(2L, json.get("batch"));
        assertEquals(27653L, json.get("parameters"));
        for (String key : List.of("train_samples_per_s", "infer_samples_per_s", "retained_heap_mb",
                "allocated_mb_per_train_step", "allocated_kb_per_sample")) {
            double v = ((Number) json.get(key)).doubleValue();
            assertTrue(v > 0 && Double.isFinite(v), key + " = " + v);
        }
        double retained = ((Number) json.get("retained_heap_mb")).doubleValue();
        double step = ((Number) json.get("allocated_mb_per_train_step")).doubleValue();
        assertEquals(retained + step, ((Number) json.get("peak_heap_mb")).doubleValue(), 1e-9);
        userError(run("bench", "--batch", "0"), 2, "--batch");
    }

    @Test
    void trainWritesAModelHistoryAndAJsonResult() throws IOException {
        Path out = tmp.resolve("run");
        CliRunner.Result r = run(with(with(new String[] {"train"}, TINY), "--epochs", "2", "--out", out.toString(),
                "--json"));
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> json = Json.parseObject(r.out().strip());
        assertEquals(48L, json.get("train_samples"));
        assertEquals(24L, json.get("test_samples"));
        double last = ((Number) json.get("test_accuracy")).doubleValue();
        double lastEpoch = ((Number) json.get("last_epoch_test_accuracy")).doubleValue();
        assertTrue(last >= 0 && last <= 1 && lastEpoch >= 0 && lastEpoch <= 1, json.toString());
        assertEquals("validation", json.get("selection"));
        assertFalse(json.containsKey("best_test_accuracy"), "nothing selected on test by default: " + json);
        assertTrue(Files.isRegularFile(out.resolve("model.npz")));
        assertEquals(3, Files.readAllLines(out.resolve("history.csv")).size());
        assertEquals(json.get("test_accuracy"), Json.parseObject(Files.readString(out.resolve("result.json")))
                .get("test_accuracy"));
        StrnnClassifier clf = StrnnClassifier.load(out.resolve("model.npz"));
        assertEquals(List.of("cw0", "ccw0", "cw200"), clf.classNames());
    }

    @Test
    void theSameSeedGivesBitIdenticalModelsWhateverTheThreadCount() throws IOException {
        Path a = trained("a", "--threads", "1");
        Path b = trained("b", "--threads", "2");
        List<?> ha = (List<?>) Json.parseObject(Files.readString(a.resolve("result.json"))).get("history");
        List<?> hb = (List<?>) Json.parseObject(Files.readString(b.resolve("result.json"))).get("history");
        assertEquals(2, ha.size());
        for (int e = 0; e < ha.size(); e++) {
            for (String key : List.of("train_loss", "train_accuracy", "test_loss", "test_accuracy")) {
                assertEquals(((Map<?, ?>) ha.get(e)).get(key), ((Map<?, ?>) hb.get(e)).get(key), key);
            }
        }
        Npz.Contents ma = Npz.read(a.resolve("model.npz"));
        Npz.Contents mb = Npz.read(b.resolve("model.npz"));
        assertEquals(ma.arrays().size(), mb.arrays().size());
        for (NpyArray x : ma.arrays()) {
            assertArrayEquals(x.toDoubles(), mb.array(x.name()).toDoubles(), 0.0, x.name());
        }
    }

    @Test
    void resumingContinuesExactlyWhereTrainingStopped() {
        Path straight = trained("straight", "--epochs", "3");
        Path part = trained("part");
        CliRunner.Result r = run(with(with(new String[] {"train"}, TINY), "--epochs", "3", "--resume",
                part.resolve("model.npz").toString()));
        assertEquals(0, r.exit(), r.toString());
        Npz.Contents s = Npz.read(straight.resolve("model.npz"));
        Npz.Contents p = Npz.read(part.resolve("model.npz"));
        for (NpyArray x : s.arrays()) {
            assertArrayEquals(x.toDoubles(), p.array(x.name()).toDoubles(), 0.0, x.name());
        }
        userError(run(with(with(new String[] {"train"}, TINY), "--epochs", "3", "--resume",
                part.resolve("model.npz").toString())), 2, "already has 3 epochs");
        userError(run(with(new String[] {"train", "--data", "synthetic:train=50,test=24", "--epochs", "4",
            "--resume", part.resolve("model.npz").toString()})), 2, "resume it with the same --data");
    }

    @Test
    void anExistingOutputIsNeverOverwrittenWithoutForce() throws IOException {
        Path out = tmp.resolve("keep");
        Files.createDirectories(out);
        Path precious = out.resolve("notes.txt");
        Files.writeString(precious, "my data");
        userError(run(with(with(new String[] {"train"}, TINY), "--epochs", "1", "--out", out.toString())), 1,
                "is not empty",
                "--force");
        assertEquals("my data", Files.readString(precious));
        assertFalse(Files.exists(out.resolve("model.npz")));
        Path file = tmp.resolve("afile");
        Files.writeString(file, "x");
        userError(run(with(with(new String[] {"train"}, TINY), "--out", file.toString())), 1, "not a directory");
    }

    @Test
    void evalAndPredictOnGoodAndBadInput() throws IOException {
        Path run = trained("m");
        String model = run.resolve("model.npz").toString();
        CliRunner.Result eval = run("eval", "--model", model, "--data", "synthetic:train=48,test=24", "--json");
        assertEquals(0, eval.exit(), eval.toString());
        Map<String, Object> json = Json.parseObject(eval.out().strip());
        assertEquals(24L, json.get("samples"));
        List<?> confusion = (List<?>) json.get("confusion");
        long total = 0;
        for (Object row : confusion) {
            for (Object c : (List<?>) row) {
                total += (Long) c;
            }
        }
        assertEquals(24, total);
        CliRunner.Result table = run("eval", "--model", model, "--data", "synthetic:train=48,test=24");
        assertTrue(table.out().contains("confusion"), table.toString());

        Path csv = tmp.resolve("p.csv");
        assertEquals(0, run("predict", "--model", model, "--data", "synthetic:train=48,test=24", "--out",
                csv.toString()).exit());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(25, lines.size());
        assertTrue(lines.get(0).startsWith("sample,file,onset_seconds,label,predicted,p_"), lines.get(0));
        userError(run("predict", "--model", model, "--data", "synthetic", "--out", csv.toString()), 1, "exists",
                "--force");
        assertEquals(25, Files.readAllLines(csv).size());

        userError(run("eval", "--model", tmp.resolve("missing.npz").toString(), "--data", "synthetic"), 1,
                "missing.npz", "no such file");
        Path garbage = tmp.resolve("garbage.npz");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        userError(run("eval", "--model", garbage.toString(), "--data", "synthetic"), 1, "garbage.npz");
        byte[] whole = Files.readAllBytes(run.resolve("model.npz"));
        Path truncated = tmp.resolve("truncated.npz");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        userError(run("eval", "--model", truncated.toString(), "--data", "synthetic"), 1, "truncated.npz");
        userError(run("eval", "--model", model, "--data", "synthetic", "--steps", "5"), 1, "expects T=9",
                "T=5");
        userError(run("eval", "--model", model, "--data", "synthetic:layout=lattice:4x4"), 1, "layout seed62",
                "lattice4x4");
        userError(run("eval", "--data", "synthetic"), 2, "needs --model");
    }

    @Test
    void initAndGradExportGradientsOfTheSpecLoss() throws IOException {
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, "{\"layout\": \"lattice:3x3\", \"d\": 2, \"T\": 3, \"C\": 3, \"ds\": 3, \"Ks\": 2, "
                + "\"dt\": 3, \"Kt\": 2}");
        Path model = tmp.resolve("m.npz");
        CliRunner.Result init = run("init", "--config", cfg.toString(), "--seed", "4", "--out", model.toString());
        assertEquals(0, init.exit(), init.toString());
        userError(run("init", "--config", cfg.toString(), "--out", model.toString()), 1, "m.npz");

        int b = 2;
        double[] x = new double[b * 3 * 9 * 2];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        Path batch = tmp.resolve("batch.npz");
        Npz.write(batch, List.of(NpyArray.ofDoubles("X", new int[] {b, 3, 9, 2}, x),
                NpyArray.ofLongs("y", new int[] {b}, new long[] {0, 2})), false);
        Path grads = tmp.resolve("g.npz");
        CliRunner.Result g = run("grad", "--model", model.toString(), "--batch", batch.toString(), "--out",
                grads.toString());
        assertEquals(0, g.exit(), g.toString());
        Npz.Contents out = Npz.read(grads);
        var loaded = StrnnFile.load(model).model();
        double loss = loaded.loss(loaded.logits(loaded.input(x, b)), new int[] {0, 2}).item();
        assertEquals(loss, out.array("loss").toDoubles()[0], 0.0);
        assertArrayEquals(new int[] {b, 3}, out.array("logits").shape());
        assertArrayEquals(new int[] {3, 2}, out.array("U0").shape());
        assertArrayEquals(new int[] {3}, out.array("b0").shape());

        Files.writeString(cfg, "{\"layout\": \"seed62\", \"d\": 5, \"T\": 9, \"C\": 3, \"hidden\": 30}");
        userError(run("init", "--config", cfg.toString(), "--out", tmp.resolve("x.npz").toString()), 1,
                "unknown model setting 'hidden'");
        Files.writeString(cfg, "{\"layout\": ");
        userError(run("init", "--config", cfg.toString(), "--out", tmp.resolve("x.npz").toString()), 1,
                "not valid JSON");

        Path noY = tmp.resolve("noy.npz");
        Npz.write(noY, List.of(NpyArray.ofDoubles("X", new int[] {b, 3, 9, 2}, x)), false);
        userError(run("grad", "--model", model.toString(), "--batch", noY.toString(), "--out",
                tmp.resolve("g2.npz").toString()), 1, "needs arrays X and y");
        Path wrong = tmp.resolve("wrong.npz");
        Npz.write(wrong, List.of(NpyArray.ofDoubles("X", new int[] {b, 9, 3, 2}, x),
                NpyArray.ofLongs("y", new int[] {b}, new long[] {0, 1})), false);
        userError(run("grad", "--model", model.toString(), "--batch", wrong.toString(), "--out",
                tmp.resolve("g3.npz").toString()), 1, "X is (2, 9, 3, 2)", "(B, 3, 9, 2)");
        x[7] = Double.NaN;
        Path nan = tmp.resolve("nan.npz");
        Npz.write(nan, List.of(NpyArray.ofDoubles("X", new int[] {b, 3, 9, 2}, x),
                NpyArray.ofLongs("y", new int[] {b}, new long[] {0, 1})), false);
        userError(run("grad", "--model", model.toString(), "--batch", nan.toString(), "--out",
                tmp.resolve("g4.npz").toString()), 1, "sample 0 has NaN");
        assertFalse(Files.exists(tmp.resolve("g4.npz")));
    }

    @Test
    void experimentRunsTheSeedProtocolAndResumes() throws IOException {
        Path seed = tmp.resolve("seed");
        SeedSynthesizer.defaults().withSubjects(2).withSessions(2)
                .withTrialLengths(12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12)
                .write(seed, new SplittableRandom(3));
        Path out = tmp.resolve("exp");
        String[] args = {"experiment", "seed:" + seed, "--out", out.toString(), "--epochs", "1", "--ds", "4", "--ks",
            "2", "--dt", "4", "--kt", "2", "--quiet"};
        CliRunner.Result r = run(args);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("s01-session1") && r.out().contains("s02-session2"), r.out());
        assertTrue(r.out().contains("last epoch:") && r.out().contains("\u00b1"), r.out());
        List<String> rows = Files.readAllLines(out.resolve("results.csv"), StandardCharsets.UTF_8);
        assertEquals(5, rows.size(), rows.toString());
        // 12-second trials, T=9: 4 windows per trial, 9 train and 6 test trials.
        assertTrue(rows.get(1).startsWith("s01-session1,36,24,"), rows.get(1));

        Files.writeString(out.resolve("results.csv"), String.join("\n", rows.subList(0, 3)) + "\n");
        CliRunner.Result again = run(with(args, "--json"));
        assertEquals(0, again.exit(), again.toString());
        Map<String, Object> json = Json.parseObject(again.out().strip());
        assertEquals(4L, json.get("experiments"));
        assertEquals(rows.get(1), Files.readAllLines(out.resolve("results.csv")).get(1), "kept, not redone");
        assertEquals(5, Files.readAllLines(out.resolve("results.csv")).size());

        String[] changed = args.clone();
        changed[5] = "2";
        userError(run(changed), 1, "other settings");
        userError(run("experiment", "seed:" + tmp.resolve("nothing")), 1, "nothing");
    }

    @Test
    void synthRefusesANonEmptyDirectory() throws IOException {
        Path dir = tmp.resolve("full");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keep.txt"), "mine");
        userError(run("synth", "seed", dir.toString(), "--subjects", "1", "--trial-seconds", "10"), 1, "full");
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
        userError(run("synth", "audio", tmp.resolve("a").toString()), 2, "seed or faces");
    }
}
