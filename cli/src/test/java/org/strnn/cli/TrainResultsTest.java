package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strnn.cli.CliRunner.TINY;
import static org.strnn.cli.CliRunner.run;
import static org.strnn.cli.CliRunner.with;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Parallel;
import org.strnn.formats.Json;

/** The result fields of train (CONTRACTS.md), the selection switches, and the baseline command. */
class TrainResultsTest {

    @TempDir
    Path tmp;

    @AfterEach
    void oneThread() {
        Parallel.setThreads(1);
    }

    private Map<String, Object> trainJson(String name, String... extra) {
        CliRunner.Result r = run(with(with(new String[] {"train"}, TINY), with(new String[] {"--epochs", "3", "--out",
            tmp.resolve(name).toString(), "--json"}, extra)));
        assertEquals(0, r.exit(), r.toString());
        return Json.parseObject(r.out().strip());
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void defaultRunSelectsOnValidationAndReportsMetricsAndBaselines() {
        Map<String, Object> json = trainJson("v");
        assertEquals("validation", json.get("selection"));
        assertTrue(num(json, "validation_samples") > 0);
        assertEquals(48 - num(json, "validation_samples"), num(json, "fit_samples"));
        long epoch = (Long) json.get("selected_epoch");
        assertTrue(epoch >= 1 && epoch <= 3);
        List<?> history = (List<?>) json.get("history");
        Map<?, ?> chosen = (Map<?, ?>) history.get((int) epoch - 1);
        assertEquals(chosen.get("validation_loss"), json.get("validation_loss"));
        assertEquals(chosen.get("test_accuracy"), json.get("test_accuracy"), "the selected epoch's weights");
        Map<?, ?> last = (Map<?, ?>) history.get(history.size() - 1);
        assertEquals(last.get("test_accuracy"), json.get("last_epoch_test_accuracy"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) json.get("metrics");
        assertEquals(json.get("test_accuracy"), metrics.get("accuracy"));
        List<?> confusion = (List<?>) metrics.get("confusion");
        long total = 0;
        for (Object row : confusion) {
            for (Object v : (List<?>) row) {
                total += (Long) v;
            }
        }
        assertEquals(24, total);
        assertEquals(3, ((List<?>) metrics.get("per_class_recall")).size());
        Map<?, ?> baselines = (Map<?, ?>) json.get("baselines");
        for (String b : List.of("lda", "logreg")) {
            double acc = ((Number) ((Map<?, ?>) baselines.get(b)).get("accuracy")).doubleValue();
            assertTrue(acc >= 0 && acc <= 1, b + " " + acc);
        }
    }

    @Test
    void selectionSwitchesSayWhatWasSelected() throws Exception {
        Map<String, Object> last = trainJson("l", "--selection", "last", "--no-baselines");
        assertEquals("last", last.get("selection"));
        assertEquals(3L, last.get("selected_epoch"));
        assertEquals(null, last.get("validation_loss"));
        assertFalse(last.containsKey("baselines"));
        Map<String, Object> optimistic = trainJson("o", "--selection", "test", "--no-baselines");
        assertEquals("test (optimistic)", optimistic.get("selection"));
        double bestOnTest = 0;
        for (Object epoch : (List<?>) optimistic.get("history")) {
            bestOnTest = Math.max(bestOnTest, ((Number) ((Map<?, ?>) epoch).get("test_accuracy")).doubleValue());
        }
        assertEquals(bestOnTest, ((Number) optimistic.get("test_accuracy")).doubleValue());
        CliRunner.Result text = run(with(with(new String[] {"train"}, TINY), "--epochs", "2", "--selection", "test",
                "--no-baselines", "--out", tmp.resolve("t").toString()));
        assertTrue(text.out().contains("selected on the TEST data: optimistic"), text.out());
        CliRunner.Result plain = run(with(with(new String[] {"train"}, TINY), "--epochs", "2", "--out",
                tmp.resolve("p").toString()));
        assertFalse(plain.out().toLowerCase().contains("test data"), "no test-selected number by default: "
                + plain.out());
        assertTrue(plain.out().contains("selected on validation"), plain.out());
        String csv = Files.readString(tmp.resolve("p").resolve("history.csv"));
        assertTrue(csv.startsWith("epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds,validation_loss,"),
                csv);
        CliRunner.Result refit = run(with(with(new String[] {"train"}, TINY), "--refit", "--selection", "last"));
        assertEquals(2, refit.exit(), refit.toString());
        assertTrue(refit.err().contains("--refit needs --selection validation"), refit.err());
    }

    @Test
    void baselineCommandRunsAlone() {
        CliRunner.Result r = run("baseline", "--data", "synthetic:train=48,test=24", "--json");
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> json = Json.parseObject(r.out().strip());
        Map<?, ?> lda = (Map<?, ?>) ((Map<?, ?>) json.get("baselines")).get("lda");
        assertTrue(((Number) lda.get("accuracy")).doubleValue() >= 0);
        assertEquals(3, ((List<?>) lda.get("per_class_recall")).size());
        CliRunner.Result bad = run("baseline", "--data", "nothing:x");
        assertEquals(2, bad.exit(), bad.toString());
    }

    @Test
    void initSwitchIsRecordedInTheModelsProvenance() throws Exception {
        Path out = tmp.resolve("x");
        CliRunner.Result r = run(with(with(new String[] {"train"}, TINY), "--epochs", "1", "--init", "xavier",
                "--no-baselines", "--out", out.toString(), "--json"));
        assertEquals(0, r.exit(), r.toString());
        assertEquals("xavier", Json.parseObject(r.out().strip()).get("init"));
        CliRunner.Result bad = run(with(with(new String[] {"train"}, TINY), "--init", "orthogonal"));
        assertEquals(2, bad.exit(), bad.toString());
    }
}
