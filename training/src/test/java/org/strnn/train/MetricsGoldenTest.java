package org.strnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.strnn.formats.Json;

/**
 * Every number {@link Metrics} computes (accuracy, macro-F1, per-class recall, the confusion
 * matrix, and the JSON form of them) against scikit-learn, case by case, to 1e-12. The expected
 * values are in {@code metrics-expected.json}, made by {@code training/src/test/python/metrics_expected.py}
 * and committed, so this test runs without Python. The cases include classes absent from both the
 * truth and the predictions, from the truth only, from the predictions only, a single class, and
 * perfect predictions.
 */
class MetricsGoldenTest {

    private static final double TOLERANCE = 1e-12;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() throws IOException {
        try (InputStream in = MetricsGoldenTest.class.getResourceAsStream("/metrics-expected.json")) {
            assertNotNull(in, "metrics-expected.json on the test class path");
            Map<String, Object> file = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) file.get("cases");
        }
    }

    private static int[] ints(Object json) {
        List<?> xs = (List<?>) json;
        int[] out = new int[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) xs.get(i)).intValue();
        }
        return out;
    }

    @Test
    void theFileHoldsTheCasesItPromises() throws IOException {
        List<Map<String, Object>> cases = cases();
        assertTrue(cases.size() >= 10, "a handful of cases");
        boolean absentFromBoth = false;
        boolean absentFromTruthOnly = false;
        boolean absentFromPredictionsOnly = false;
        for (Map<String, Object> c : cases) {
            int classes = ((Number) c.get("classes")).intValue();
            int[] truth = ints(c.get("y_true"));
            int[] predicted = ints(c.get("y_pred"));
            for (int k = 0; k < classes; k++) {
                boolean inTruth = contains(truth, k);
                boolean inPredicted = contains(predicted, k);
                absentFromBoth |= !inTruth && !inPredicted;
                absentFromTruthOnly |= !inTruth && inPredicted;
                absentFromPredictionsOnly |= inTruth && !inPredicted;
            }
        }
        assertTrue(absentFromBoth && absentFromTruthOnly && absentFromPredictionsOnly);
    }

    private static boolean contains(int[] xs, int x) {
        for (int v : xs) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    @TestFactory
    Stream<DynamicTest> metricsAgreeWithScikitLearn() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : cases()) {
            tests.add(DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
        }
        return tests.stream();
    }

    private static void check(Map<String, Object> c) {
        int classes = ((Number) c.get("classes")).intValue();
        Metrics m = Metrics.of(ints(c.get("y_true")), ints(c.get("y_pred")), classes);

        assertEquals(((Number) c.get("accuracy")).doubleValue(), m.accuracy(), TOLERANCE, "accuracy");
        assertEquals(((Number) c.get("macro_f1")).doubleValue(), m.macroF1(), TOLERANCE, "macro-F1");

        List<?> confusion = (List<?>) c.get("confusion");
        assertEquals(classes, m.confusion().length, "confusion rows");
        for (int t = 0; t < classes; t++) {
            assertArrayEquals(ints(confusion.get(t)), m.confusion()[t], "confusion row " + t);
        }

        List<?> recall = (List<?>) c.get("per_class_recall");
        assertEquals(classes, m.perClassRecall().length, "one recall per class");
        Map<String, Object> json = m.json();
        List<?> jsonRecall = (List<?>) json.get("per_class_recall");
        for (int k = 0; k < classes; k++) {
            Object want = recall.get(k);
            if (want == null) {
                assertTrue(Double.isNaN(m.perClassRecall()[k]), "recall of class " + k + " (no true samples) is NaN");
                assertNull(jsonRecall.get(k), "recall of class " + k + " is null in JSON");
            } else {
                double w = ((Number) want).doubleValue();
                assertEquals(w, m.perClassRecall()[k], TOLERANCE, "recall of class " + k);
                assertEquals(w, ((Number) jsonRecall.get(k)).doubleValue(), TOLERANCE, "JSON recall of class " + k);
            }
        }
        assertEquals(m.accuracy(), ((Number) json.get("accuracy")).doubleValue(), 0.0, "JSON accuracy");
        assertEquals(m.macroF1(), ((Number) json.get("macro_f1")).doubleValue(), 0.0, "JSON macro-F1");
        // The JSON form is valid JSON (no NaN) and reads back to the same numbers.
        Map<String, Object> back = Json.parseObject(Json.write(json));
        assertEquals(m.macroF1(), ((Number) back.get("macro_f1")).doubleValue(), 0.0, "macro-F1 after a round trip");
    }

    @Test
    void aPerfectModelOnTwoOfSevenClassesScoresOne() {
        int[] labels = {3, 5, 5, 3, 3, 5};
        Metrics m = Metrics.of(labels, labels, 7);
        assertEquals(1.0, m.accuracy(), 0.0);
        assertEquals(1.0, m.macroF1(), 0.0, "not 2/7: classes that occur in neither vector do not count");
    }

    @Test
    void noSamplesGiveNaNNotAnError() {
        Metrics m = Metrics.of(new int[2][2]);
        assertTrue(Double.isNaN(m.accuracy()));
        assertTrue(Double.isNaN(m.macroF1()));
    }
}
