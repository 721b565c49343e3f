package org.strnn.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers a reader expects from a classifier on a test set, all from its confusion matrix
 * ({@code confusion[true][predicted]}): accuracy, per-class recall, and macro-F1, the unweighted
 * mean over all C classes of {@code F1_c = 2 TP / (2 TP + FP + FN)}. A class that is neither
 * present nor predicted has recall and F1 of 0 (scikit-learn's {@code zero_division=0}).
 *
 * @param accuracy       fraction of samples on the diagonal
 * @param macroF1        mean per-class F1
 * @param perClassRecall {@code TP / (TP + FN)} per class
 * @param confusion      the counts, {@code [true][predicted]}
 */
public record Metrics(double accuracy, double macroF1, double[] perClassRecall, int[][] confusion) {

    /** The metrics of a confusion matrix. */
    public static Metrics of(int[][] confusion) {
        int classes = confusion.length;
        long total = 0;
        long diagonal = 0;
        long[] predicted = new long[classes];
        long[] actual = new long[classes];
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                total += confusion[t][p];
                actual[t] += confusion[t][p];
                predicted[p] += confusion[t][p];
            }
            diagonal += confusion[t][t];
        }
        double[] recall = new double[classes];
        double f1Sum = 0;
        for (int c = 0; c < classes; c++) {
            long tp = confusion[c][c];
            recall[c] = actual[c] == 0 ? 0.0 : (double) tp / actual[c];
            long denominator = actual[c] + predicted[c];
            f1Sum += denominator == 0 ? 0.0 : 2.0 * tp / denominator;
        }
        int[][] copy = new int[classes][];
        for (int t = 0; t < classes; t++) {
            copy[t] = confusion[t].clone();
        }
        return new Metrics(total == 0 ? Double.NaN : (double) diagonal / total, f1Sum / classes, recall, copy);
    }

    /** The metrics of predicted against true labels over {@code classes} classes. */
    public static Metrics of(int[] truth, int[] predicted, int classes) {
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        return of(confusion);
    }

    /** {@code {"accuracy", "macro_f1", "per_class_recall": [..], "confusion": [[..]]}}. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("macro_f1", macroF1);
        List<Object> recall = new ArrayList<>();
        for (double r : perClassRecall) {
            recall.add(r);
        }
        m.put("per_class_recall", recall);
        List<Object> rows = new ArrayList<>();
        for (int[] row : confusion) {
            List<Object> r = new ArrayList<>();
            for (int v : row) {
                r.add(v);
            }
            rows.add(r);
        }
        m.put("confusion", rows);
        return m;
    }
}
