package org.strnn.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strnn.experiment.Statistics;

/** Collecting records into tables, and choosing the best configuration on validation only. */
class CollectorTest {

    private static final SweepSpec SPEC = SweepSpec.parse("""
            {"variants": [{"name": "a"}, {"name": "b", "args": ["--clip", "1"]}, {"name": "c", "args": ["--lr", "0.01"]}],
             "seeds": [1, 2]}
            """, "t");

    /** A done record whose result has the given test and (unless NaN) validation accuracy. */
    private static Map<String, Object> done(Run run, double test, double validation) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("test_accuracy", test);
        if (!Double.isNaN(validation)) {
            result.put("selection", "validation");
            result.put("selected_epoch", 3L);
            result.put("validation_accuracy", validation);
            result.put("validation_loss", 1 - validation);
            result.put("baselines", Map.of("lda", Map.of("accuracy", 0.5, "macro_f1", 0.4)));
        }
        result.put("seconds", 2.0);
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", run.id());
        rec.put("status", "done");
        rec.put("result", result);
        return rec;
    }

    private static Map<String, Map<String, Object>> records(double[][] testAndValidation) {
        Map<String, Map<String, Object>> recs = new LinkedHashMap<>();
        List<Run> runs = SPEC.runs();
        for (int i = 0; i < runs.size(); i++) {
            recs.put(runs.get(i).id(), done(runs.get(i), testAndValidation[i][0], testAndValidation[i][1]));
        }
        return recs;
    }

    @Test
    void theBestIsChosenOnValidationAndReportedOnTest() {
        // Configuration c has the best test accuracy, b the best validation accuracy: b must win.
        Collector c = new Collector(SPEC.runs(), records(new double[][] {
            {0.70, 0.60}, {0.72, 0.62}, {0.80, 0.80}, {0.84, 0.78}, {0.95, 0.70}, {0.97, 0.70}}));
        Collector.Group best = c.best();
        assertEquals("b", best.config());
        assertEquals(0.82, best.test().mean(), 1e-12);
        assertEquals(0.02, best.test().std(), 1e-12);
        assertEquals(0.79, best.validation().mean(), 1e-12);
        String md = c.markdown("t");
        assertTrue(md.contains("| **b** | 2/2 | validation | 79.0 ± 1.0 | 82.0 ± 2.0 | absent | 50.0 ± 0.0 | absent |"),
                md);
        assertTrue(md.contains("Selected on validation: **b** (validation accuracy 79.0 ± 1.0, 2 runs); its test "
                + "accuracy: 82.0 ± 2.0."), md);
        assertTrue(c.summaryCsv().lines().anyMatch(l -> l.startsWith("b,2,2,0,validation,") && l.endsWith(",true")),
                c.summaryCsv());
    }

    @Test
    void equalValidationAccuracyIsDecidedByValidationLossNeverByTest() {
        Map<String, Map<String, Object>> recs = records(new double[][] {
            {0.99, 0.70}, {0.99, 0.70}, {0.50, 0.70}, {0.50, 0.70}, {0.10, 0.10}, {0.10, 0.10}});
        // Give b the lower validation loss at the same validation accuracy.
        for (Run r : SPEC.runs().subList(2, 4)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> res = (Map<String, Object>) recs.get(r.id()).get("result");
            res.put("validation_loss", 0.1);
        }
        assertEquals("b", new Collector(SPEC.runs(), recs).best().config());
    }

    @Test
    void withoutValidationNothingIsSelectedAndTheTableSaysSo() {
        Collector c = new Collector(SPEC.runs(), records(new double[][] {
            {0.7, Double.NaN}, {0.7, Double.NaN}, {0.9, Double.NaN}, {0.9, Double.NaN}, {0.8, 0.9}, {0.8, 0.9}}));
        // c alone has validation results, but a and b cannot be compared on validation: no choice at all.
        assertNull(c.best());
        String md = c.markdown("t");
        assertTrue(md.contains("| a | 2/2 | absent | absent | 70.0 ± 0.0 |"), md);
        assertTrue(md.contains("no configuration can be selected on validation: 2 complete configuration(s) have runs "
                + "whose result has no validation_accuracy"), md);
    }

    @Test
    void pendingAndFailedRunsAreCountedNotAveraged() {
        Map<String, Map<String, Object>> recs = records(new double[][] {
            {0.7, 0.6}, {0.7, 0.6}, {0.8, 0.8}, {0.8, 0.8}, {0.9, 0.9}, {0.9, 0.9}});
        Run failed = SPEC.runs().get(4);
        recs.put(failed.id(), Map.of("id", failed.id(), "status", "failed", "error", "strnn: error: boom"));
        recs.remove(SPEC.runs().get(5).id());
        Collector c = new Collector(SPEC.runs(), recs);
        // c might have been the best: nothing is selected until it is complete.
        assertNull(c.best());
        String md = c.markdown("t");
        assertTrue(md.contains("1 configuration(s) have runs that are not done"), md);
        assertTrue(md.contains("6 runs, 4 done, 1 failed, 1 pending"), md);
        assertTrue(md.contains("| c | 0/2 (1 failed) |"), md);
        String csv = c.runsCsv();
        assertTrue(csv.contains(",failed,") && csv.contains("strnn: error: boom") && csv.contains(",pending,"), csv);
    }

    @Test
    void aBarInALabelDoesNotBreakTheTable() {
        SweepSpec spec = SweepSpec.parse("{\"sources\": [\"x|y\"], \"variants\": [{\"name\": \"a\"}]}", "t");
        assertEquals("x|y / a", spec.runs().get(0).config());
        String md = new Collector(spec.runs(), Map.of()).markdown("t");
        assertTrue(md.contains("| x\\|y / a | 0/1 |"), md);
    }

    @Test
    void eachConfigurationIsPairedWithTheReferenceRunByRun() {
        // a: 0.70, 0.72; b: 0.80, 0.84 (differences 0.10, 0.12); c: 0.95, 0.97 (0.25 each).
        Collector c = new Collector(SPEC.runs(), records(new double[][] {
            {0.70, 0.60}, {0.72, 0.62}, {0.80, 0.80}, {0.84, 0.78}, {0.95, 0.70}, {0.97, 0.70}}));
        List<Collector.Group> groups = c.groups();
        Statistics.Paired b = Collector.paired(groups.get(1), groups.get(0), 0);
        assertEquals(0.11, b.mean(), 1e-12);
        // t(0.975, 1) * sd(0.10, 0.12) / sqrt(2) = 12.7062 * 0.0141421 / 1.41421
        assertEquals(0.11 - 12.706204736 * 0.01, b.low(), 1e-8);
        Statistics.Paired lda = Collector.paired(groups.get(0), groups.get(0), 1);
        assertEquals(0.5 - 0.71, lda.mean(), 1e-12);
        String md = c.markdown("t");
        assertTrue(md.contains("| 2 | reference |"), md);
        assertTrue(md.contains("| 2 | +11.0 [-1.7, +23.7] |"), md);
        assertTrue(md.contains("| 2 | +25.0 [+25.0, +25.0] |"), md);
        assertTrue(md.contains("shrinkage LDA -21.0 [-33.7, -8.3]"), md);
        assertTrue(c.summaryCsv().lines().anyMatch(l -> l.startsWith("b,") && l.contains(",0.11")), c.summaryCsv());
    }
}
