package org.strnn.cli;

import org.strnn.datasets.source.DataSources;

import org.strnn.train.Results;
import org.strnn.experiment.TrainReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.datasets.Split;
import org.strnn.datasets.protocol.Fold;
import org.strnn.model.StrnnModel;
import org.strnn.model.StrnnFile;
import org.strnn.formats.Json;
import org.strnn.train.EpochStats;
import org.strnn.train.TrainSettings;
import org.strnn.train.Trainer;
import org.strnn.experiment.Statistics;
import org.strnn.train.TrainingListener;

/**
 * {@code strnn experiment}: every fold of an evaluation protocol ({@code --protocol}: the source's
 * published split, k-fold within subjects, leave-one-subject-out or cross-session; for SEED the
 * paper's is spec section 9's, one experiment per subject and session; for faces, 10
 * subject-exclusive folds). One row per fold, then the mean and standard deviation; finished folds
 * are kept in {@code results.csv} and skipped when the command is run again.
 */
final class ExperimentCommand implements Command {

    private static final String RESULTS = "results.csv";
    private static final String SETTINGS = "experiment.json";

    @Override
    public String name() {
        return "experiment";
    }

    @Override
    public String summary() {
        return "run every fold of an evaluation protocol on a data source and report mean +- std";
    }

    @Override
    public String usage() {
        return "SOURCE [options]";
    }

    @Override
    public String description() {
        return """
                Trains a fresh model per experiment (same seed for each) and reports, per experiment and as
                mean +- std (population std, as in the SEED literature), the test accuracy of the model
                selected as --selection says (by default on validation trials held out of the training
                trials: for SEED, one of trials 1-9 per class), the last epoch's test accuracy, and the
                LDA and logistic-regression baselines on the same split. Results go to
                --out/results.csv after each experiment; run the same command again to resume. A model per
                experiment is kept in --out as <experiment>.npz.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.addAll(DataOptions.OPTIONS);
        o.addAll(ModelOptions.TRAINING);
        o.addAll(ModelOptions.OPTIONS);
        o.add(Option.value("out", "DIR", "runs/experiment-<source>", "where results and models go"));
        o.add(Option.flag("force", "start over in --out even if it holds results of other settings"));
        o.add(Option.flag("json", "print one JSON result object on stdout"));
        o.add(Option.flag("quiet", "no progress output"));
        return o;
    }

    private record Experiment(String name, java.util.function.Supplier<Split> load) {
        Experiment(Fold fold) {
            this(fold.name(), fold::split);
        }
    }

    @Override
    public int run(Args args, Console console) throws IOException {
        args.positionalCount(1, 1, "a data source, e.g. seed:DIR, seed-iv:DIR, deap:DIR, edf:FILES, npz:FILE or faces:DIR");
        String source = args.positional().get(0);
        ModelOptions.threads(args);
        TrainSettings settings = ModelOptions.settings(args);
        List<Experiment> experiments = DataSources.folds(source, args.source()).stream().map(Experiment::new).toList();
        Path out = args.has("out") ? args.path("out")
                : Path.of("runs", "experiment-" + Path.of(source.substring(source.indexOf(':') + 1)).getFileName());

        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("source", source);
        identity.put("data", DataSources.describe(source, args.source()));
        for (Option o : DataOptions.OPTIONS) {
            if (!o.name().equals("fold")) {
                identity.put(o.name(), o.isFlag() ? (Object) args.flag(o.name()) : args.string(o.name()));
            }
        }
        identity.putAll(ModelOptions.settingsJson(settings));
        identity.put("init", ModelOptions.init(args).key());
        identity.put("baselines", !args.flag("no-baselines"));
        for (Option o : ModelOptions.OPTIONS) {
            identity.put(o.name(), o.isFlag() ? (Object) args.flag(o.name()) : args.string(o.name()));
        }
        try (RunFolder folder = RunFolder.lock(out)) {
            return run(args, console, source, experiments, settings, out, identity);
        }
    }

    private int run(Args args, Console console, String source, List<Experiment> experiments, TrainSettings settings,
                    Path out, Map<String, Object> identity) throws IOException {
        Map<String, Row> done = prepare(out, identity, args.flag("force"));
        boolean quiet = args.flag("quiet") || args.flag("json");
        if (!quiet) {
            console.info(experiments.size() + " experiments from " + source + "; results in " + out
                    + (done.isEmpty() ? "" : " (" + done.size() + " already done)"));
        }
        List<Row> rows = new ArrayList<>();
        for (Experiment ex : experiments) {
            Row row = done.get(ex.name());
            if (row == null) {
                row = runOne(ex, args, settings, out, console, quiet);
                done.put(ex.name(), row);
                writeResults(out, experiments, done);
            }
            rows.add(row);
            if (!args.flag("json")) {
                console.out().println(row.format());
            }
        }
        double[] selected = rows.stream().mapToDouble(Row::accuracy).toArray();
        double[] last = rows.stream().mapToDouble(Row::last).toArray();
        double[] lda = rows.stream().mapToDouble(Row::lda).toArray();
        double[] logreg = rows.stream().mapToDouble(Row::logreg).toArray();
        String selection = rows.isEmpty() ? settings.selection().label() : rows.get(0).selection();
        if (args.flag("json")) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("experiments", rows.size());
            r.put("selection", selection);
            r.put("mean_accuracy", mean(selected));
            r.put("std_accuracy", std(selected));
            r.put("pooled_accuracy", pooled(rows));
            r.put("mean_last_epoch_accuracy", mean(last));
            r.put("std_last_epoch_accuracy", std(last));
            r.put("mean_macro_f1", mean(rows.stream().mapToDouble(Row::macroF1).toArray()));
            if (!args.flag("no-baselines")) {
                r.put("mean_lda_accuracy", mean(lda));
                r.put("std_lda_accuracy", std(lda));
                r.put("mean_logreg_accuracy", mean(logreg));
                r.put("std_logreg_accuracy", std(logreg));
                r.put("paired_vs_lda", pairedJson(Statistics.paired(selected, lda)));
                r.put("paired_vs_logreg", pairedJson(Statistics.paired(selected, logreg)));
            }
            List<Object> list = new ArrayList<>();
            for (Row row : rows) {
                list.add(row.json());
            }
            r.put("rows", list);
            r.put("results", out.resolve(RESULTS).toString());
            console.out().println(Json.write(r));
        } else {
            console.out().println(String.format(Locale.ROOT, "STRNN (selection: %s):%s %.2f \u00b1 %.2f %% "
                    + "(mean over experiments); pooled over all %d test samples: %.2f %%", selection,
                    " ".repeat(Math.max(1, 18 - selection.length())), 100 * mean(selected), 100 * std(selected),
                    rows.stream().mapToInt(Row::test).sum(), 100 * pooled(rows)));
            console.out().println(String.format(Locale.ROOT, "STRNN, last epoch:                 %.2f \u00b1 %.2f %%",
                    100 * mean(last), 100 * std(last)));
            if (!args.flag("no-baselines")) {
                console.out().println(String.format(Locale.ROOT,
                        "LDA (shrinkage):                   %.2f \u00b1 %.2f %%", 100 * mean(lda), 100 * std(lda)));
                console.out().println(String.format(Locale.ROOT,
                        "logistic regression:               %.2f \u00b1 %.2f %%", 100 * mean(logreg),
                        100 * std(logreg)));                for (String line : pairedLines(selected, lda, logreg)) {
                    console.out().println(line);
                }
            }
            console.out().println("results: " + out.resolve(RESULTS));
        }
        return 0;
    }

    private Row runOne(Experiment ex, Args args, TrainSettings settings, Path out, Console console, boolean quiet) {
        Split split = ex.load().get();
        StrnnModel model = ModelOptions.newModel(args, split.train(), settings.seed());
        Trainer trainer = new Trainer(model, settings);
        long start = System.nanoTime();
        Progress progress = new Progress(console, quiet, settings.epochs());
        if (!quiet) {
            console.info(ex.name() + ": " + split.train().size() + " train, " + split.test().size() + " test samples");
        }
        List<EpochStats> history = trainer.train(split.train(), TrainingListener.monitoring(split.test(), progress));
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainReport report = TrainReport.of(trainer.outcome(), model, split.train(), split.test(),
                !args.flag("no-baselines"));
        Map<String, Object> provenance = new LinkedHashMap<>(org.strnn.train.TrainingProvenance.of(settings.seed(),
                ex.name(), split.train(), ex.name() + " (test part)", split.test(), Map.of("steps",
                        String.valueOf(split.train().steps())), java.time.Clock.systemUTC()).toJson());
        provenance.put("init", ModelOptions.init(args).key());
        Map<String, Object> training = new LinkedHashMap<>(ModelOptions.settingsJson(settings));
        training.put("selected_epoch", trainer.outcome().selectedEpoch());
        training.put("history", Results.historyJson(history));
        StrnnFile.save(out.resolve(ex.name() + ".npz"), model, split.train().classNames(), training, provenance,
                Map.of(), true);
        return Row.of(ex.name(), split.train().size(), split.test().size(), report, history.size(), seconds);
    }

    /** One finished experiment: the selected model's test metrics, the last epoch's accuracy, the baselines. */
    record Row(String name, int train, int test, String selection, int selectedEpoch, double accuracy,
               double macroF1, String recall, String confusion, double last, int validation, double lda,
               double ldaMacroF1, double logreg, double logregMacroF1, int epochs, double seconds) {

        static Row of(String name, int train, int test, TrainReport report, int epochs, double seconds) {
            org.strnn.train.Metrics m = report.metrics();
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
            return new Row(name, train, test, report.outcome().selection().label(), report.outcome().selectedEpoch(),
                    m.accuracy(), m.macroF1(), recall.toString(), confusion.toString(),
                    report.outcome().lastEpochTestAccuracy(), report.outcome().validationSamples(),
                    report.baselineAccuracy("lda"), report.baselineMacroF1("lda"), report.baselineAccuracy("logreg"),
                    report.baselineMacroF1("logreg"), epochs, seconds);
        }

        String csv() {
            return String.join(",", name, Integer.toString(train), Integer.toString(test), selection,
                    Integer.toString(selectedEpoch), Results.csv(accuracy), Results.csv(macroF1), recall, confusion,
                    Results.csv(last), Integer.toString(validation), Results.csv(lda), Results.csv(ldaMacroF1),
                    Results.csv(logreg), Results.csv(logregMacroF1), Integer.toString(epochs),
                    String.format(Locale.ROOT, "%.1f", seconds));
        }

        static Row parse(String line) {
            String[] f = line.split(",", -1);
            return new Row(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), f[7], f[8], Double.parseDouble(f[9]),
                    Integer.parseInt(f[10]), numOrNaN(f[11]), numOrNaN(f[12]), numOrNaN(f[13]), numOrNaN(f[14]),
                    Integer.parseInt(f[15]), Double.parseDouble(f[16]));
        }

        private static double numOrNaN(String s) {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }

        String format() {
            String base = String.format(Locale.ROOT,
                    "%-16s train %5d  test %5d  STRNN %6.2f%% (%s, epoch %d)  last epoch %6.2f%%", name, train, test,
                    100 * accuracy, selection, selectedEpoch, 100 * last);
            return Double.isNaN(lda) ? base
                    : base + String.format(Locale.ROOT, "  LDA %6.2f%%  logreg %6.2f%%", 100 * lda, 100 * logreg);
        }

        Map<String, Object> json() {
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
    }

    private static final String HEADER = "experiment,train_samples,test_samples,selection,selected_epoch,"
            + "test_accuracy,macro_f1,per_class_recall,confusion,test_accuracy_last_epoch,validation_samples,"
            + "lda_accuracy,lda_macro_f1,logreg_accuracy,logreg_macro_f1,epochs,seconds";

    /** Creates --out, or checks that it holds a run of the same settings and reads its finished rows. */
    private static Map<String, Row> prepare(Path out, Map<String, Object> identity, boolean force) throws IOException {
        Map<String, Row> done = new LinkedHashMap<>();
        Path settings = out.resolve(SETTINGS);
        String json = Json.writePretty(identity) + "\n";
        if (Files.isRegularFile(settings) && !force) {
            String old = Files.readString(settings, StandardCharsets.UTF_8);
            if (!old.equals(json)) {
                throw CliException.failure(out + ": holds an experiment with other settings (" + settings
                        + "); use another --out, or --force to start over");
            }
            Path results = out.resolve(RESULTS);
            if (Files.isRegularFile(results)) {
                List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
                for (int i = 1; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    try {
                        Row r = Row.parse(lines.get(i));
                        done.put(r.name(), r);
                    } catch (RuntimeException e) {
                        throw CliException.failure(results + ": line " + (i + 1) + " is not a result row");
                    }
                }
            }
            return done;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw CliException.failure(out + ": exists and is not a directory");
        }
        if (Files.isDirectory(out) && !force) {
            try (var entries = Files.list(out)) {
                if (entries.anyMatch(p -> !RunFolder.isLock(p))) {
                    throw CliException.failure(out + ": is not empty and holds no experiment; choose another --out, "
                            + "or add --force");
                }
            }
        }
        Files.createDirectories(out);
        Results.writeText(settings, json);
        Results.writeText(out.resolve(RESULTS), HEADER + "\n");
        return done;
    }

    private static void writeResults(Path out, List<Experiment> order, Map<String, Row> done) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Experiment e : order) {
            Row r = done.get(e.name());
            if (r != null) {
                sb.append(r.csv()).append('\n');
            }
        }
        Results.writeText(out.resolve(RESULTS), sb.toString());
    }

    /**
     * STRNN's paired difference to each baseline over the experiments (same split each), in points,
     * with the 95 % t interval; none for a single experiment.
     */
    static List<String> pairedLines(double[] strnn, double[] lda, double[] logreg) {
        if (strnn.length < 2) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, double[]> b : Map.of("LDA", lda, "logistic regression", logreg).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            Statistics.Paired d = Statistics.paired(strnn, b.getValue());
            out.add(String.format(Locale.ROOT, "STRNN - %s, paired over %d experiments: %+.2f points, 95 %% t interval "
                    + "[%+.2f, %+.2f]", b.getKey(), d.n(), 100 * d.mean(), 100 * d.low(), 100 * d.high()));
        }
        return out;
    }

    private static Map<String, Object> pairedJson(Statistics.Paired d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", d.n());
        m.put("mean_difference", d.mean());
        m.put("ci95_low", Results.orNull(d.low()));
        m.put("ci95_high", Results.orNull(d.high()));
        return m;
    }

    /** Accuracy over all test samples of all experiments: each experiment weighted by its test samples. */
    static double pooled(List<Row> rows) {
        double correct = 0;
        long samples = 0;
        for (Row r : rows) {
            correct += r.accuracy() * r.test();
            samples += r.test();
        }
        return correct / samples;
    }

    static double mean(double[] xs) {
        return Statistics.mean(xs);
    }

    /** Population standard deviation (ddof = 0), as the SEED literature reports it. */
    static double std(double[] xs) {
        return Statistics.std(xs);
    }
}
