package org.strnn.experiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.strnn.train.Metrics;
import org.strnn.train.Results;

/**
 * One finished fold of an experiment: the selected model's test metrics (accuracy, macro-F1,
 * per-class recall, confusion), how it was selected, the last epoch's test accuracy, and the
 * baselines on the same split. A line of {@code results.csv} ({@link #csv}, {@link #parse}).
 */
public record FoldResult(String name, int train, int test, String selection, int selectedEpoch, double accuracy,
                         double macroF1, String recall, String confusion, double last, int validation, double lda,
                         double ldaMacroF1, double logreg, double logregMacroF1, int epochs, double seconds) {

    public static FoldResult of(String name, int train, int test, TrainReport report, int epochs, double seconds) {
        Metrics m = report.metrics();
        StringBuilder recall = new StringBuilder();
        for (double r : m.perClassRecall()) {
            recall.append(recall.length() == 0 ? "" : ";").append(r);
        }
        StringBuilder confusion = new StringBuilder();
        for (int[] row : m.confusion()) {
            if (confusion.length() > 0) {
                confusion.append(';');
            }
            for (int k = 0; k < row.length; k++) {
                confusion.append(k == 0 ? "" : " ").append(row[k]);
            }
        }
        return new FoldResult(name, train, test, report.outcome().selection().label(), report.outcome().selectedEpoch(),
                m.accuracy(), m.macroF1(), recall.toString(), confusion.toString(),
                report.outcome().lastEpochTestAccuracy(), report.outcome().validationSamples(),
                report.baselineAccuracy("lda"), report.baselineMacroF1("lda"), report.baselineAccuracy("logreg"),
                report.baselineMacroF1("logreg"), epochs, seconds);
    }

    public String csv() {
        return String.join(",", name, Integer.toString(train), Integer.toString(test), selection,
                Integer.toString(selectedEpoch), Results.csv(accuracy), Results.csv(macroF1), recall, confusion,
                Results.csv(last), Integer.toString(validation), Results.csv(lda), Results.csv(ldaMacroF1),
                Results.csv(logreg), Results.csv(logregMacroF1), Integer.toString(epochs),
                String.format(Locale.ROOT, "%.1f", seconds));
    }

    public static FoldResult parse(String line) {
        String[] f = line.split(",", -1);
        return new FoldResult(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4]),
                Double.parseDouble(f[5]), Double.parseDouble(f[6]), f[7], f[8], Double.parseDouble(f[9]),
                Integer.parseInt(f[10]), numOrNaN(f[11]), numOrNaN(f[12]), numOrNaN(f[13]), numOrNaN(f[14]),
                Integer.parseInt(f[15]), Double.parseDouble(f[16]));
    }

    private static double numOrNaN(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    public String format() {
        String base = String.format(Locale.ROOT,
                "%-16s train %5d  test %5d  STRNN %6.2f%% (%s, epoch %d)  last epoch %6.2f%%", name, train, test,
                100 * accuracy, selection, selectedEpoch, 100 * last);
        return Double.isNaN(lda) ? base
                : base + String.format(Locale.ROOT, "  LDA %6.2f%%  logreg %6.2f%%", 100 * lda, 100 * logreg);
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", name);
        m.put("train_samples", train);
        m.put("test_samples", test);
        m.put("selection", selection);
        m.put("selected_epoch", selectedEpoch);
        m.put("test_accuracy", accuracy);
        m.put("macro_f1", macroF1);
        m.put("per_class_recall", recall);
        m.put("confusion", confusion);
        m.put("last_epoch_test_accuracy", last);
        m.put("validation_samples", validation);
        if (!Double.isNaN(lda)) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("lda", Map.of("accuracy", lda, "macro_f1", ldaMacroF1));
            b.put("logreg", Map.of("accuracy", logreg, "macro_f1", logregMacroF1));
            m.put("baselines", b);
        }
        m.put("epochs", epochs);
        m.put("seconds", seconds);
        return m;
    }

    /** The header of {@code results.csv}. */
    public static final String HEADER = "experiment,train_samples,test_samples,selection,selected_epoch,"
            + "test_accuracy,macro_f1,per_class_recall,confusion,test_accuracy_last_epoch,validation_samples,"
            + "lda_accuracy,lda_macro_f1,logreg_accuracy,logreg_macro_f1,epochs,seconds";
}
