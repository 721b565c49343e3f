package org.strnn.train;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.datasets.SampleSet;
import org.strnn.formats.AtomicFile;
import org.strnn.formats.Json;

/** Result files of a run: history, JSON, and fingerprints of the data. */
public final class Results {

    private Results() {
    }

    /** The epoch with the highest test accuracy; the earliest on ties. */
    public static EpochStats best(List<EpochStats> history) {
        EpochStats best = history.get(0);
        for (EpochStats s : history) {
            if (s.testAccuracy() > best.testAccuracy()) {
                best = s;
            }
        }
        return best;
    }

    public static List<Object> historyJson(List<EpochStats> history) {
        List<Object> out = new ArrayList<>();
        for (EpochStats s : history) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", s.epoch());
            e.put("train_loss", s.trainLoss());
            e.put("train_accuracy", s.trainAccuracy());
            e.put("test_loss", s.testLoss());
            e.put("test_accuracy", s.testAccuracy());
            e.put("validation_loss", orNull(s.validationLoss()));
            e.put("validation_accuracy", orNull(s.validationAccuracy()));
            e.put("seconds", s.seconds());
            out.add(e);
        }
        return out;
    }

    public static List<EpochStats> historyFromJson(Object json) {
        List<EpochStats> out = new ArrayList<>();
        for (Object o : (List<?>) json) {
            Map<?, ?> e = (Map<?, ?>) o;
            out.add(new EpochStats(((Number) e.get("epoch")).intValue(), num(e, "train_loss"), num(e, "train_accuracy"),
                    num(e, "test_loss"), num(e, "test_accuracy"), num(e, "seconds"), numOrNaN(e, "validation_loss"),
                    numOrNaN(e, "validation_accuracy")));
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).epoch() != i + 1) {
                throw new IllegalArgumentException("epochs out of order");
            }
        }
        return out;
    }

    private static double num(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** A number, or NaN when the key is absent or null (no validation set). */
    private static double numOrNaN(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** JSON has no NaN: a missing value (no validation set) is written as null. */
    public static Object orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Writes {@code text} atomically (a temporary file, then a rename), replacing a file of ours. */
    public static void writeText(Path path, String text) {
        AtomicFile.write(path, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    public static void writeJson(Path path, Map<String, Object> json) {
        writeText(path, Json.writePretty(json) + "\n");
    }

    /** Writes the history as CSV, numbers in the shortest form that reads back exactly ({@link Double#toString}). */
    public static void writeHistory(Path path, List<EpochStats> history) {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds,"
                + "validation_loss,validation_accuracy\n");
        for (EpochStats s : history) {
            sb.append(s.epoch()).append(',').append(s.trainLoss()).append(',').append(s.trainAccuracy()).append(',')
                    .append(s.testLoss()).append(',').append(s.testAccuracy()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", s.seconds())).append(',')
                    .append(csv(s.validationLoss())).append(',').append(csv(s.validationAccuracy())).append('\n');
        }
        writeText(path, sb.toString());
    }

    /** A number for a CSV cell in its shortest exact form; empty when missing (NaN). */
    public static String csv(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** SHA-256 over the samples' values and labels (see {@link TrainingProvenance#fingerprint}). */
    public static String fingerprint(SampleSet data) {
        return TrainingProvenance.fingerprint(data);
    }
}
