package org.strnn.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers a reader expects from a classifier on a test set, all from its confusion matrix
 * ({@code confusion[true][predicted]}): accuracy, per-class recall, and macro-F1.
 *
 * <p>Macro-F1 is the unweighted mean of {@code F1_c = 2 TP / (2 TP + FP + FN)} over the classes
 * that occur in the true or the predicted labels, as scikit-learn's
 * {@code f1_score(average="macro")} computes it by default (its labels are the union of
 * {@code y_true} and {@code y_pred}). A class that occurs in neither does not count, so a perfect
 * model on a two-class task whose labels are numbered among seven classes scores 1, not 2/7. A
 * class that occurs in only one of them counts, with an F1 of 0 when it has no true positive.
 *
 * <p>Recall of a class with no true samples is {@code 0/0}: it is {@link Double#NaN} here (and
 * {@code null} in {@link #json()}), not 0, because the model made no mistake on that class.
 * {@code MetricsGoldenTest} checks all of this against scikit-learn.
 *
 * @param accuracy       fraction of samples on the diagonal, NaN when there are no samples
 * @param macroF1        mean per-class F1 over the classes that occur, NaN when none does
 * @param perClassRecall {@code TP / (TP + FN)} per class, NaN for a class with no true samples
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
        int occurring = 0;
        for (int c = 0; c < classes; c++) {
            long tp = confusion[c][c];
            recall[c] = actual[c] == 0 ? Double.NaN : (double) tp / actual[c];
            long denominator = actual[c] + predicted[c];
            if (denominator > 0) {
                f1Sum += 2.0 * tp / denominator;
                occurring++;
            }
        }
        int[][] copy = new int[classes][];
        for (int t = 0; t < classes; t++) {
            copy[t] = confusion[t].clone();
        }
        return new Metrics(total == 0 ? Double.NaN : (double) diagonal / total,
                occurring == 0 ? Double.NaN : f1Sum / occurring, recall, copy);
    }

    /** The metrics of predicted against true labels over {@code classes} classes. */
    public static Metrics of(int[] truth, int[] predicted, int classes) {
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        return of(confusion);
    }

    /**
     * {@code {"accuracy", "macro_f1", "per_class_recall": [..], "confusion": [[..]]}}; a recall
     * that is NaN (no true samples of that class) is written as {@code null}, since JSON has no NaN.
     */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("macro_f1", macroF1);
        List<Object> recall = new ArrayList<>();
        for (double r : perClassRecall) {
            recall.add(Double.isNaN(r) ? null : r);
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
