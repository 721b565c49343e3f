package org.strnn.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strnn.datasets.SampleSet;
import org.strnn.formats.Json;
import org.strnn.layout.Layouts;

/**
 * The baselines against scikit-learn 1.2.1 ({@code golden.json}, made by {@code make_golden.py}
 * beside it): the same coefficients, scores and predictions on a small seeded problem with fewer
 * samples per class than features.
 */
class BaselinesGoldenTest {

    static Map<String, Object> golden() throws IOException {
        try (InputStream in = BaselinesGoldenTest.class.getResourceAsStream("golden.json")) {
            return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static double[][] matrix(Object json) {
        List<?> rows = (List<?>) json;
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(rows.get(i));
        }
        return out;
    }

    static double[] vector(Object json) {
        List<?> xs = (List<?>) json;
        double[] out = new double[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) xs.get(i)).doubleValue();
        }
        return out;
    }

    static int[] labels(Object json) {
        double[] v = vector(json);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static void close(double[][] want, double[][] got, double tol, String what) {
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < want[i].length; j++) {
                assertEquals(want[i][j], got[i][j], tol * (1 + Math.abs(want[i][j])), what + "[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void shrinkageLdaMatchesScikitLearn() throws IOException {
        Map<String, Object> g = golden();
        Flat scaler = Flat.fit(matrix(g.get("x_train")));
        double[][] train = scaler.apply(matrix(g.get("x_train")));
        double[][] test = scaler.apply(matrix(g.get("x_test")));
        ShrinkageLda lda = ShrinkageLda.fit(train, labels(g.get("y_train")), 3);
        close(matrix(g.get("lda_coef")), lda.coefficients(), 1e-9, "coef");
        assertArrayEquals(vector(g.get("lda_intercept")), lda.intercepts(), 1e-9);
        double[][] decision = new double[test.length][];
        int[] predicted = new int[test.length];
        for (int i = 0; i < test.length; i++) {
            decision[i] = lda.scores(test[i]);
            predicted[i] = lda.predict(test[i]);
        }
        close(matrix(g.get("lda_decision")), decision, 1e-9, "decision");
        assertArrayEquals(labels(g.get("lda_predict")), predicted);
    }

    @Test
    void logisticRegressionMatchesScikitLearn() throws IOException {
        Map<String, Object> g = golden();
        Flat scaler = Flat.fit(matrix(g.get("x_train")));
        double[][] train = scaler.apply(matrix(g.get("x_train")));
        double[][] test = scaler.apply(matrix(g.get("x_test")));
        LogisticRegression lr = LogisticRegression.fit(train, labels(g.get("y_train")), 3, 1.0);
        close(matrix(g.get("logreg_coef")), lr.coefficients(), 1e-6, "coef");
        assertArrayEquals(vector(g.get("logreg_intercept")), lr.intercepts(), 1e-6);
        double[][] proba = matrix(g.get("logreg_proba"));
        for (int i = 0; i < test.length; i++) {
            double[] s = lr.scores(test[i]);
            double max = Math.max(s[0], Math.max(s[1], s[2]));
            double sum = 0;
            for (double v : s) {
                sum += Math.exp(v - max);
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(proba[i][c], Math.exp(s[c] - max) / sum, 1e-6, "probability " + i + "," + c);
            }
        }
    }

    @Test
    void baselinesOnASampleSetScoreWhatScikitLearnScores() throws IOException {
        Map<String, Object> g = golden();
        SampleSet train = sampleSet(matrix(g.get("x_train")), labels(g.get("y_train")));
        SampleSet test = sampleSet(matrix(g.get("x_test")), labels(g.get("y_test")));
        List<Baselines.Result> results = Baselines.evaluate(train, test);
        assertEquals("lda", results.get(0).name());
        assertEquals(((Number) g.get("lda_accuracy")).doubleValue(), results.get(0).metrics().accuracy(), 1e-12);
        assertEquals("logreg", results.get(1).name());
        assertEquals(((Number) g.get("logreg_accuracy")).doubleValue(), results.get(1).metrics().accuracy(), 1e-12);
    }

    /** Rows of T=2 x n=4 x d=3 values as a sample set on a 2x2 lattice. */
    static SampleSet sampleSet(double[][] rows, int[] y) {
        double[] data = new double[rows.length * 24];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, i * 24, 24);
        }
        List<String> names = new ArrayList<>(List.of("a", "b", "c"));
        return new SampleSet(data, y, 2, Layouts.lattice(2, 2), 3, names);
    }
}
