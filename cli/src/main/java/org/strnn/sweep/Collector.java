package org.strnn.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.strnn.experiment.Statistics;

/**
 * Turns a sweep's records into tables: one CSV row per run, and per configuration the mean and
 * population standard deviation over its seeds and folds. The best configuration is the one with
 * the highest mean validation accuracy (ties: the lower mean validation loss, then the earlier in
 * the file), among configurations whose runs are all done and all have a validation result; its
 * test accuracy is then reported. Test accuracy never takes part in the choice, and a field that
 * train's result does not have is shown as absent, never replaced by another.
 */
public final class Collector {

    /** Fields read from train's result, by the names of the shared contract. */
    static final String TEST = "test_accuracy";
    static final String VALIDATION = "validation_accuracy";
    static final String VALIDATION_LOSS = "validation_loss";

    private final List<Run> runs;
    private final Map<String, Map<String, Object>> records;

    /** {@code records}: run id to record, for the runs that have one. */
    public Collector(List<Run> runs, Map<String, Map<String, Object>> records) {
        this.runs = List.copyOf(runs);
        this.records = Map.copyOf(records);
    }

    public static Collector of(SweepSpec spec, SweepDir dir) {
        Map<String, Map<String, Object>> records = new LinkedHashMap<>();
        for (Run r : spec.runs()) {
            Map<String, Object> rec = dir.read(r.id());
            if (rec != null) {
                records.put(r.id(), rec);
            }
        }
        return new Collector(spec.runs(), records);
    }

    /** The runs of one configuration and their statistics. */
    public record Group(String config, List<Run> runs, List<Map<String, Object>> results, int failed,
                        Set<String> selections, Stat validation, Stat validationLoss, Stat test, Stat macroF1,
                        Stat lda, Stat logreg, Stat seconds, Stat lastEpoch, Stat selectedEpoch, String splitId,
                        Map<String, double[]> byRun) {

        boolean complete() {
            return results.size() == runs.size();
        }

        boolean selectable() {
            return complete() && validation.n() == runs.size() && validationLoss.n() == runs.size();
        }
    }

    /** Mean and population std of the values present; {@code n} counts them. */
    public record Stat(int n, double mean, double std) {

        static Stat of(List<Double> xs) {
            if (xs.isEmpty()) {
                return new Stat(0, Double.NaN, Double.NaN);
            }
            double[] v = xs.stream().mapToDouble(Double::doubleValue).toArray();
            return new Stat(v.length, Statistics.mean(v), Statistics.std(v));
        }

        String percent() {
            return n == 0 ? "absent" : String.format(Locale.ROOT, "%.1f ± %.1f", 100 * mean, 100 * std);
        }
    }

    /** The configurations in file order. */
    public List<Group> groups() {
        Map<String, List<Run>> byConfig = new LinkedHashMap<>();
        for (Run r : runs) {
            byConfig.computeIfAbsent(r.configId(), k -> new ArrayList<>()).add(r);
        }
        List<Group> out = new ArrayList<>();
        for (List<Run> members : byConfig.values()) {
            List<Map<String, Object>> results = new ArrayList<>();
            int failed = 0;
            Set<String> selections = new LinkedHashSet<>();
            List<Double> val = new ArrayList<>();
            List<Double> valLoss = new ArrayList<>();
            List<Double> test = new ArrayList<>();
            List<Double> f1 = new ArrayList<>();
            List<Double> lda = new ArrayList<>();
            List<Double> logreg = new ArrayList<>();
            List<Double> secs = new ArrayList<>();
            List<Double> last = new ArrayList<>();
            List<Double> epoch = new ArrayList<>();
            Map<String, double[]> byRun = new LinkedHashMap<>();
            for (Run r : members) {
                Map<String, Object> rec = records.get(r.id());
                if (rec == null) {
                    continue;
                }
                if (!"done".equals(rec.get("status"))) {
                    failed++;
                    continue;
                }
                Map<?, ?> res = (Map<?, ?>) rec.get("result");
                results.add(rec);
                selections.add(res.containsKey("selection") ? String.valueOf(res.get("selection")) : "absent");
                add(val, number(res, VALIDATION));
                add(valLoss, number(res, VALIDATION_LOSS));
                add(test, number(res, TEST));
                add(f1, number(res, "metrics", "macro_f1"));
                add(lda, number(res, "baselines", "lda", "accuracy"));
                add(logreg, number(res, "baselines", "logreg", "accuracy"));
                add(secs, number(res, "seconds"));
                add(last, number(res, "last_epoch_test_accuracy"));
                add(epoch, number(res, "selected_epoch"));
                byRun.put(r.seed() + "/" + r.fold(), new double[] {orNaN(number(res, TEST)),
                    orNaN(number(res, "baselines", "lda", "accuracy")),
                    orNaN(number(res, "baselines", "logreg", "accuracy"))});
            }
            out.add(new Group(members.get(0).config(), members, results, failed, selections, Stat.of(val),
                    Stat.of(valLoss), Stat.of(test), Stat.of(f1), Stat.of(lda), Stat.of(logreg), Stat.of(secs),
                    Stat.of(last), Stat.of(epoch), members.get(0).splitId(), byRun));
        }
        return out;
    }

    /**
     * The configuration selected on validation, or null when there is no fair choice (see
     * {@link #whyNoBest}): every configuration must be complete and have validation results, since
     * one left out could have been the best.
     */
    public Group best() {
        return best(groups());
    }

    private static Group best(List<Group> groups) {
        Group best = null;
        for (Group g : groups) {
            if (!g.selectable()) {
                return null;
            }
            if (best == null || g.validation().mean() > best.validation().mean()
                    || g.validation().mean() == best.validation().mean()
                    && g.validationLoss().mean() < best.validationLoss().mean()) {
                best = g;
            }
        }
        return best;
    }

    /** Why {@link #best} is null, in one sentence. */
    public String whyNoBest() {
        int incomplete = 0;
        int noValidation = 0;
        for (Group g : groups()) {
            if (!g.complete()) {
                incomplete++;
            } else if (!g.selectable()) {
                noValidation++;
            }
        }
        List<String> why = new ArrayList<>();
        if (noValidation > 0) {
            why.add(noValidation + " complete configuration(s) have runs whose result has no " + VALIDATION + " and "
                    + VALIDATION_LOSS + " (train selected without a validation set)");
        }
        if (incomplete > 0) {
            why.add(incomplete + " configuration(s) have runs that are not done");
        }
        return "no configuration can be selected on validation: " + String.join("; ", why);
    }

    /** The first configuration on the same data and split as {@code g}: the one the others are compared with. */
    private static Group reference(Group g, List<Group> groups) {
        for (Group r : groups) {
            if (r.splitId().equals(g.splitId())) {
                return r;
            }
        }
        return g;
    }

    /**
     * The paired difference of {@code column} of {@code g} (0: STRNN's test accuracy, 1: LDA's, 2:
     * logistic regression's) minus the reference's test accuracy, over the runs both finished with the
     * same seed and fold; null unless every run of both is done and has the value.
     */
    static Statistics.Paired paired(Group g, Group reference, int column) {
        if (!g.complete() || !reference.complete() || g.byRun().size() != reference.byRun().size()
                || !g.byRun().keySet().equals(reference.byRun().keySet())) {
            return null;
        }
        double[] a = new double[g.byRun().size()];
        double[] b = new double[a.length];
        int k = 0;
        for (Map.Entry<String, double[]> e : g.byRun().entrySet()) {
            a[k] = e.getValue()[column];
            b[k] = reference.byRun().get(e.getKey())[0];
            if (Double.isNaN(a[k]) || Double.isNaN(b[k])) {
                return null;
            }
            k++;
        }
        return Statistics.paired(a, b);
    }

    /** A paired difference in points with its interval, as a table cell. */
    static String points(Statistics.Paired d) {
        if (d == null) {
            return "-";
        }
        return Double.isNaN(d.low()) ? String.format(Locale.ROOT, "%+.1f", 100 * d.mean())
                : String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * d.mean(), 100 * d.low(), 100 * d.high());
    }

    /** One row per run. */
    public String runsCsv() {
        StringBuilder sb = new StringBuilder("id,config,seed,fold,status,selection,selected_epoch,"
                + "validation_accuracy,validation_loss,test_accuracy,macro_f1,lda_accuracy,logreg_accuracy,seconds,"
                + "digest,error\n");
        for (Run r : runs) {
            Map<String, Object> rec = records.get(r.id());
            String status = rec == null ? "pending" : String.valueOf(rec.get("status"));
            Map<?, ?> res = rec == null || rec.get("result") == null ? Map.of() : (Map<?, ?>) rec.get("result");
            List<Object> row = new ArrayList<>(List.of(r.id(), r.config(), r.seed(), r.fold() < 0 ? "" : r.fold(),
                    status));
            row.add(res.containsKey("selection") ? res.get("selection") : "");
            row.add(res.containsKey("selected_epoch") ? res.get("selected_epoch") : "");
            for (Double v : List.of(orNaN(number(res, VALIDATION)), orNaN(number(res, VALIDATION_LOSS)),
                    orNaN(number(res, TEST)), orNaN(number(res, "metrics", "macro_f1")),
                    orNaN(number(res, "baselines", "lda", "accuracy")),
                    orNaN(number(res, "baselines", "logreg", "accuracy")), orNaN(number(res, "seconds")))) {
                row.add(v.isNaN() ? "" : v);
            }
            row.add(rec == null || rec.get("digest") == null ? "" : rec.get("digest"));
            row.add(rec == null || rec.get("error") == null ? "" : rec.get("error"));
            sb.append(csvRow(row));
        }
        return sb.toString();
    }

    /** One row per configuration: counts, then mean and std of every metric (fractions, not percent). */
    public String summaryCsv() {
        StringBuilder sb = new StringBuilder("config,runs,done,failed,selection");
        for (String m : List.of("validation_accuracy", "validation_loss", "test_accuracy", "macro_f1", "lda_accuracy",
                "logreg_accuracy")) {
            sb.append(',').append(m).append("_n,").append(m).append("_mean,").append(m).append("_std");
        }
        sb.append(",delta_vs_reference_mean,delta_vs_reference_ci95_low,delta_vs_reference_ci95_high,seconds_mean,"
                + "selected_on_validation\n");
        List<Group> groups = groups();
        Group best = best(groups);
        for (Group g : groups) {
            List<Object> row = new ArrayList<>(List.of(g.config(), g.runs().size(), g.results().size(), g.failed(),
                    String.join("; ", g.selections())));
            for (Stat s : List.of(g.validation(), g.validationLoss(), g.test(), g.macroF1(), g.lda(), g.logreg())) {
                row.add(s.n());
                row.add(s.n() == 0 ? "" : s.mean());
                row.add(s.n() == 0 ? "" : s.std());
            }
            Group ref = reference(g, groups);
            Statistics.Paired d = g == ref ? null : paired(g, ref, 0);
            row.add(d == null ? "" : d.mean());
            row.add(d == null || Double.isNaN(d.low()) ? "" : d.low());
            row.add(d == null || Double.isNaN(d.high()) ? "" : d.high());
            row.add(g.seconds().n() == 0 ? "" : g.seconds().mean());
            row.add(g == best);
            sb.append(csvRow(row));
        }
        return sb.toString();
    }

    /** The Markdown summary: the table, then the configuration selected on validation and its test result. */
    public String markdown(String name) {
        StringBuilder sb = new StringBuilder();
        int done = 0;
        int failed = 0;
        List<Group> groups = groups();
        for (Group g : groups) {
            done += g.results().size();
            failed += g.failed();
        }
        sb.append(String.format(Locale.ROOT, "Sweep %s: %d runs, %d done, %d failed, %d pending. Accuracy in %% "
                + "(mean ± population std over seeds and folds).%n%n", name, runs.size(), done, failed,
                runs.size() - done - failed));
        sb.append("| configuration | done | selection | validation accuracy | test accuracy | macro F1 | LDA | "
                + "logistic regression | s per run | test: Δ vs reference, 95 % CI | last epoch's test accuracy | "
                + "selected epoch |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        Group best = best(groups);
        for (Group g : groups) {
            sb.append("| ").append(g == best ? "**" + cell(g.config()) + "**" : cell(g.config()))
                    .append(" | ").append(g.results().size()).append('/').append(g.runs().size())
                    .append(g.failed() > 0 ? " (" + g.failed() + " failed)" : "")
                    .append(" | ").append(g.selections().isEmpty() ? "-" : String.join("; ", g.selections()))
                    .append(" | ").append(g.validation().percent())
                    .append(" | ").append(g.test().percent())
                    .append(" | ").append(g.macroF1().percent())
                    .append(" | ").append(g.lda().percent())
                    .append(" | ").append(g.logreg().percent())
                    .append(" | ").append(g.seconds().n() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.0f", g.seconds().mean()))
                    .append(" | ").append(reference(g, groups) == g ? "reference"
                            : points(paired(g, reference(g, groups), 0)))
                    .append(" | ").append(g.lastEpoch().percent())
                    .append(" | ").append(g.selectedEpoch().n() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.1f", g.selectedEpoch().mean()))
                    .append(" |\n");
        }
        sb.append('\n');
        for (Group g : groups) {
            if (reference(g, groups) == g && g.lda().n() == g.runs().size() && g.complete()) {
                sb.append(String.format(Locale.ROOT, "Baselines on the splits of **%s**, as Δ to it in test accuracy "
                        + "(points, 95 %% CI): shrinkage LDA %s, logistic regression %s.%n", cell(g.config()),
                        points(paired(g, g, 1)), points(paired(g, g, 2))));
            }
        }
        sb.append("Δ is the mean paired difference in test accuracy to the reference (the first configuration on "
                + "the same data and split), over the same seeds and folds, with a 95 % Student-t interval.\n\n");
        if (best == null) {
            sb.append(whyNoBest()).append(".\n");
        } else {
            sb.append(String.format(Locale.ROOT, "Selected on validation: **%s** (validation accuracy %s, %d runs); "
                    + "its test accuracy: %s.%n", cell(best.config()), best.validation().percent(), best.runs().size(),
                    best.test().percent()));
            if (best.selections().contains("test (optimistic)")) {
                sb.append("Its runs selected their epoch on the test data, so its test accuracy is optimistic.\n");
            }
        }
        return sb.toString();
    }

    /** Text for a Markdown table cell: a '|' would end the cell. */
    private static String cell(String text) {
        return text.isEmpty() ? "-" : text.replace("|", "\\|");
    }

    private static void add(List<Double> xs, Double v) {
        if (v != null) {
            xs.add(v);
        }
    }

    private static Double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** The number at {@code path} in nested objects, or null when any part is absent or not a number. */
    static Double number(Map<?, ?> m, String... path) {
        Object v = m;
        for (String key : path) {
            if (!(v instanceof Map<?, ?> map)) {
                return null;
            }
            v = map.get(key);
        }
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static String csvRow(List<Object> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String s = String.valueOf(cells.get(i));
            if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            sb.append(s);
        }
        return sb.append('\n').toString();
    }
}
