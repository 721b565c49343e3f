package org.strnn.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.datasets.SampleSet;
import org.strnn.nn.io.AtomicFile;
import org.strnn.nn.io.Json;
import org.strnn.train.EpochStats;

/** Result files of a run: history, JSON, and fingerprints of the data. */
final class Results {

    private Results() {
    }

    /** The epoch with the highest test accuracy; the earliest on ties. */
    static EpochStats best(List<EpochStats> history) {
        EpochStats best = history.get(0);
        for (EpochStats s : history) {
            if (s.testAccuracy() > best.testAccuracy()) {
                best = s;
            }
        }
        return best;
    }

    static List<Object> historyJson(List<EpochStats> history) {
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

    static List<EpochStats> historyFromJson(Object json) {
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
    static Object orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Writes {@code text} atomically (a temporary file, then a rename), replacing a file of ours. */
    static void writeText(Path path, String text) {
        AtomicFile.write(path, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    static void writeJson(Path path, Map<String, Object> json) {
        writeText(path, Json.writePretty(json) + "\n");
    }

    static void writeHistory(Path path, List<EpochStats> history) {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds,"
                + "validation_loss,validation_accuracy\n");
        for (EpochStats s : history) {
            sb.append(String.format(Locale.ROOT, "%d,%.17g,%.17g,%.17g,%.17g,%.3f,%s,%s%n", s.epoch(), s.trainLoss(),
                    s.trainAccuracy(), s.testLoss(), s.testAccuracy(), s.seconds(), csv(s.validationLoss()),
                    csv(s.validationAccuracy())));
        }
        writeText(path, sb.toString());
    }

    /** A number for a CSV cell; empty when missing (NaN). */
    static String csv(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.17g", v);
    }

    /** SHA-256 over the samples' values and labels: identifies the exact data a model saw. */
    static String fingerprint(SampleSet data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8];
            double[] sample = new double[data.sampleLength()];
            for (int i = 0; i < data.size(); i++) {
                data.copySample(i, sample, 0);
                for (double v : sample) {
                    long bits = Double.doubleToLongBits(v);
                    for (int b = 0; b < 8; b++) {
                        buf[b] = (byte) (bits >>> (8 * b));
                    }
                    md.update(buf);
                }
                md.update((byte) data.label(i));
            }
            StringBuilder hex = new StringBuilder("sha256:");
            for (byte b : md.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
