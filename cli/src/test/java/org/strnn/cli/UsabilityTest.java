package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.strnn.cli.CliRunner.TINY;
import static org.strnn.cli.CliRunner.run;
import static org.strnn.cli.CliRunner.userError;
import static org.strnn.cli.CliRunner.with;
import static org.strnn.cli.RunSafetyTest.EDF_DIR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Parallel;
import org.strnn.formats.Json;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnFile;
import org.strnn.model.StrnnModel;
import org.strnn.nn.io.Provenance;

/** Friction a new user meets on the command line, tried as a user would. */
class UsabilityTest {

    static final String R03 = EDF_DIR + "S001R03.edf";
    static final String R07 = EDF_DIR + "S001R07.edf";
    static final String[] SMALL = {"--ds", "4", "--ks", "2", "--dt", "4", "--kt", "2", "--no-plots", "--quiet"};

    @TempDir
    Path tmp;

    @AfterEach
    void oneThread() {
        Parallel.setThreads(1);
    }

    private static int exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void anUnwritableOutputIsFoundBeforeTraining() throws Exception {
        Path locked = tmp.resolve("locked");
        Files.createDirectories(locked);
        String expected;
        boolean mounted = false;
        if ("root".equals(System.getProperty("user.name"))) {
            // root writes through permissions: a read-only file system is what root cannot write
            assumeTrue(exec("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", locked.toString()) == 0,
                    "needs mount(8) to make a read-only folder for root");
            mounted = true;
            expected = "Read-only file system";
        } else {
            assertTrue(locked.toFile().setWritable(false, false));
            expected = "permission denied";
        }
        try {
            CliRunner.Result r = run(with(with(new String[] {"train"}, TINY), "--epochs", "1", "--out",
                    locked.resolve("run").toString()));
            userError(r, 1, expected);
            assertFalse(r.err().contains("epoch"), "found before training: " + r);
        } finally {
            if (mounted) {
                exec("umount", locked.toString());
            } else {
                locked.toFile().setWritable(true, false);
            }
        }
    }

    @Test
    void noSamplesSaysWhy() {
        userError(run(with(new String[] {"train", "--data", "edf:" + R03 + "," + R07, "--events", "t1,t2", "--out",
            tmp.resolve("a").toString()}, SMALL)), 1, "S001R03.edf: has no event named t1 or t2 (its annotations: T0 x",
                "T1 x", "annotation names are case-sensitive: try --events T1,T2");
        userError(run(with(new String[] {"train", "--data", "edf:" + R03 + "," + R07, "--steps", "60", "--out",
            tmp.resolve("b").toString()}, SMALL)), 1, "hold no samples", "one sample needs T=60 slices",
                "use a smaller --steps or --slice");
    }

    @Test
    void evalAndPredictTakeTheDataOptionsFromTheModelAndPredictSaysWhereEachRowComesFrom() throws IOException {
        Path out = tmp.resolve("m");
        CliRunner.Result t = run(with(new String[] {"train", "--data", "edf:" + R03, "--test", "edf:" + R07,
            "--events", "T1=left,T2=right", "--steps", "3", "--slice", "0.5", "--epochs", "1", "--out",
            out.toString()}, SMALL));
        assertEquals(0, t.exit(), t.toString());
        String model = out.resolve("model.npz").toString();
        Provenance prov = Provenance.fromJson(StrnnFile.load(out.resolve("model.npz")).provenance());
        assertTrue(prov.dataIdentity().startsWith("edf:S001R03.edf") && prov.testIdentity().startsWith("edf:S001R07.edf"),
                prov.toString());
        assertTrue(prov.trainFingerprint().startsWith("sha256:") && prov.testFingerprint().startsWith("sha256:"));
        assertEquals("T1=left,T2=right", prov.dataOptions().get("events"));
        assertEquals("3", prov.dataOptions().get("steps"));
        assertEquals(System.getProperty("java.version"), prov.java());
        CliRunner.Result e = run("eval", "--model", model, "--data", "edf:" + R07, "--json");
        assertEquals(0, e.exit(), e.toString());
        assertTrue(e.err().contains("from the model file: --steps 3 --events T1=left,T2=right --slice 0.5")
                || e.err().contains("--events T1=left,T2=right"), e.err());
        Map<String, Object> ej = Json.parseObject(e.out().strip());
        CliRunner.Result p = run("predict", "--model", model, "--data", "edf:" + R03 + "," + R07);
        assertEquals(0, p.exit(), p.toString());
        List<String> lines = p.out().lines().toList();
        assertEquals("sample,file,onset_seconds,label,predicted,p_left,p_right", lines.get(0));
        assertEquals(ej.get("samples"), (long) lines.stream().filter(l -> l.contains("S001R07.edf")).count());
        String[] first = lines.get(1).split(",");
        assertEquals("S001R03.edf", first[1]);
        double onset = Double.parseDouble(first[2]);
        assertTrue(onset > 0, lines.get(1));
        double p0 = Double.parseDouble(first[5]);
        assertEquals(first[5], Double.toString(p0), "shortest round-trip form");
        CliRunner.Result pj = run("predict", "--model", model, "--data", "edf:" + R07, "--json");
        assertEquals(0, pj.exit(), pj.toString());
        Map<String, Object> json = Json.parseObject(pj.out().strip());
        assertEquals(List.of("left", "right"), json.get("classes"));
        List<?> rows = (List<?>) json.get("rows");
        assertEquals(ej.get("samples"), (long) rows.size());
        Map<?, ?> row = (Map<?, ?>) rows.get(0);
        assertEquals("S001R07.edf", row.get("file"));
        assertTrue(((Number) row.get("onset_seconds")).doubleValue() > 0);
        // a synthetic source has no onsets: an empty CSV field, null in JSON
        Path syn = tmp.resolve("s");
        assertEquals(0, run(with(with(new String[] {"train"}, TINY), "--epochs", "1", "--out", syn.toString()))
                .exit());
        Map<String, Object> sj = Json.parseObject(run("predict", "--model", syn.resolve("model.npz").toString(),
                "--data", "synthetic:train=48,test=24", "--json").out().strip());
        assertNull(((Map<?, ?>) ((List<?>) sj.get("rows")).get(0)).get("onset_seconds"));
    }

    @Test
    void trainJsonShowsProgressOnStderrAndWritesExactShortNumbers() throws IOException {
        Path out = tmp.resolve("j");
        String[] args = {"train", "--data", "synthetic:train=48,test=24", "--ds", "4", "--ks", "2", "--dt", "4",
            "--kt", "2", "--batch", "16", "--no-plots", "--epochs", "2", "--json", "--out", out.toString()};
        CliRunner.Result r = run(args);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("epoch 1/2") && r.err().contains("epoch 2/2"), r.err());
        Map<String, Object> json = Json.parseObject(r.out().strip());
        List<String> csv = Files.readAllLines(out.resolve("history.csv"));
        String[] last = csv.get(2).split(",");
        assertEquals(((Number) json.get("train_loss")).doubleValue(), Double.parseDouble(last[1]), 0.0);
        for (int k = 1; k <= 4; k++) {
            assertEquals(last[k], Double.toString(Double.parseDouble(last[k])), "shortest form: " + csv.get(2));
        }
    }

    @Test
    void smallThingsAreRefusedWithOneLine() {
        userError(run(with(new String[] {"train", "--data", "synthetic:train=48,test=24", "--batch", "100", "--epochs",
            "1", "--out", tmp.resolve("b").toString()}, SMALL)), 2, "--batch 100 is larger than the 48 training samples");
        userError(run("train", "--data", "synthetic:train=48,test=24", "--ds", "4000", "--ks", "4000", "--dt", "4000",
                "--kt", "4000", "--epochs", "1", "--out", tmp.resolve("big").toString()), 1, "model too large: ",
                " parameters");
        userError(run("train", "--data", "synthetic:train=48,test=24,noise=0", "--no-standardize", "--lr", "10",
                "--sparsity", "none", "--epochs", "5", "--out", tmp.resolve("d").toString(), "--quiet", "--no-plots"),
                1, "the training loss");
    }

    @Test
    void theParameterCountBeforeBuildingMatchesTheModel() {
        StrnnConfig c = StrnnConfig.seedDefaults();
        assertEquals(new StrnnModel(c, new java.util.SplittableRandom(1)).parameterCount(), ModelSize.parameters(c));
        StrnnConfig ablated = c.toBuilder().recurrence(false, false).merge(org.strnn.model.Merge.CONCAT).build();
        assertEquals(new StrnnModel(ablated, new java.util.SplittableRandom(1)).parameterCount(),
                ModelSize.parameters(ablated));
    }

    @Test
    void experimentReportsThePooledAccuracyBesideTheMean() {
        Path dir = tmp.resolve("seed");
        assertEquals(0, run("synth", "seed", dir.toString(), "--subjects", "1", "--sessions", "2", "--trial-seconds",
                "10").exit());
        CliRunner.Result r = run(with(new String[] {"experiment", "seed:" + dir, "--epochs", "1", "--json", "--out",
            tmp.resolve("exp").toString()}, "--ds", "4", "--ks", "2", "--dt", "4", "--kt", "2"));
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> json = Json.parseObject(r.out().strip());
        double correct = 0;
        double samples = 0;
        for (Object o : (List<?>) json.get("rows")) {
            Map<?, ?> row = (Map<?, ?>) o;
            correct += ((Number) row.get("test_accuracy")).doubleValue() * ((Number) row.get("test_samples")).longValue();
            samples += ((Number) row.get("test_samples")).longValue();
        }
        assertEquals(correct / samples, ((Number) json.get("pooled_accuracy")).doubleValue(), 1e-12);
        List<?> rows = (List<?>) json.get("rows");
        assertTrue(rows.size() >= 2, "the paired statistics need two experiments: " + rows.size());
        double[] strnn = new double[rows.size()];
        double[] lda = new double[rows.size()];
        for (int i = 0; i < strnn.length; i++) {
            Map<?, ?> row = (Map<?, ?>) rows.get(i);
            strnn[i] = ((Number) row.get("test_accuracy")).doubleValue();
            lda[i] = ((Number) ((Map<?, ?>) ((Map<?, ?>) row.get("baselines")).get("lda")).get("accuracy")).doubleValue();
        }
        Map<?, ?> paired = (Map<?, ?>) json.get("paired_vs_lda");
        double meanDiff = 0;
        for (int i = 0; i < strnn.length; i++) {
            meanDiff += (strnn[i] - lda[i]) / strnn.length;
        }
        assertEquals(meanDiff, ((Number) paired.get("mean_difference")).doubleValue(), 1e-12, paired.toString());
        assertEquals(rows.size(), ((Number) paired.get("n")).intValue());
        double pooled = ExperimentCommand.pooled(List.of(
                new org.strnn.experiment.FoldResult("a", 10, 1, "validation", 1, 0.0, 0.0, "", "", 0.5, 2, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, 1, 0),
                new org.strnn.experiment.FoldResult("b", 10, 399, "validation", 1, 1.0, 1.0, "", "", 0.5, 2, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, 1, 0)));
        assertEquals(399.0 / 400, pooled, 1e-15, "a 1-sample fold weighs 1/400, not 1/2");
        CliRunner.Result text = run(with(new String[] {"experiment", "seed:" + dir, "--epochs", "1", "--out",
            tmp.resolve("exp").toString()}, "--ds", "4", "--ks", "2", "--dt", "4", "--kt", "2"));
        assertTrue(text.out().contains("pooled over all "), text.out());
        assertTrue(text.out().contains("STRNN - LDA, paired over " + rows.size() + " experiments: "), text.out());
    }

    @Test
    void experimentGivesTheSameResultsWithFoldsInParallel() throws Exception {
        Path dir = tmp.resolve("seed-parallel");
        assertEquals(0, run("synth", "seed", dir.toString(), "--subjects", "2", "--sessions", "1", "--trial-seconds",
                "10").exit());
        List<List<String>> tables = new ArrayList<>();
        for (String parallel : List.of("1", "2")) {
            Path out = tmp.resolve("exp-parallel-" + parallel);
            CliRunner.Result r = run(with(new String[] {"experiment", "seed:" + dir, "--epochs", "2", "--out",
                out.toString(), "--parallel", parallel, "--quiet"}, "--ds", "4", "--ks", "2", "--dt", "4", "--kt", "2"));
            assertEquals(0, r.exit(), r.toString());
            List<String> rows = new ArrayList<>();
            for (String line : Files.readAllLines(out.resolve("results.csv"))) {
                rows.add(line.substring(0, line.lastIndexOf(','))); // all but the seconds
            }
            tables.add(rows);
        }
        assertTrue(tables.get(0).size() >= 3, "a header and two experiments: " + tables.get(0));
        assertEquals(tables.get(0), tables.get(1));
    }
}
