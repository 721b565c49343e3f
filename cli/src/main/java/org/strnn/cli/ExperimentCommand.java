package org.strnn.cli;

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
import org.strnn.model.io.StrnnFile;
import org.strnn.nn.io.Json;
import org.strnn.train.EpochStats;
import org.strnn.train.TrainSettings;
import org.strnn.train.Trainer;

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
                mean +- std (population std, as in the SEED literature), the last-epoch test accuracy and,
                labelled as such, the best-epoch accuracy selected on the test trials. Results go to
                --out/results.csv after each experiment; run the same command again to resume. A model per
                experiment is kept in --out as <experiment>.npz.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.addAll(DataSources.OPTIONS);
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
        List<Experiment> experiments = DataSources.folds(source, args).stream().map(Experiment::new).toList();
        Path out = args.has("out") ? args.path("out")
                : Path.of("runs", "experiment-" + Path.of(source.substring(source.indexOf(':') + 1)).getFileName());

        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("source", source);
        identity.put("data", DataSources.describe(source, args));
        for (Option o : DataSources.OPTIONS) {
            if (!o.name().equals("fold")) {
                identity.put(o.name(), o.isFlag() ? (Object) args.flag(o.name()) : args.string(o.name()));
            }
        }
        identity.put("epochs", settings.epochs());
        identity.put("batch", settings.batchSize());
        identity.put("lr", settings.learningRate());
        identity.put("clip", settings.clipNorm());
        identity.put("seed", settings.seed());
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
        double[] last = rows.stream().mapToDouble(Row::last).toArray();
        double[] best = rows.stream().mapToDouble(Row::best).toArray();
        if (args.flag("json")) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("experiments", rows.size());
            r.put("mean_accuracy", mean(last));
            r.put("std_accuracy", std(last));
            r.put("pooled_accuracy", pooled(rows));
            r.put("mean_best_epoch_accuracy", mean(best));
            r.put("std_best_epoch_accuracy", std(best));
            List<Object> list = new ArrayList<>();
            for (Row row : rows) {
                list.add(row.json());
            }
            r.put("rows", list);
            r.put("results", out.resolve(RESULTS).toString());
            console.out().println(Json.write(r));
        } else {
            console.out().println(String.format(Locale.ROOT, "last epoch:                      %.2f \u00b1 %.2f %% "
                    + "(mean over experiments); pooled over all %d test samples: %.2f %%", 100 * mean(last),
                    100 * std(last), rows.stream().mapToInt(Row::test).sum(), 100 * pooled(rows)));
            console.out().println(String.format(Locale.ROOT, "best epoch (selected on test):   %.2f \u00b1 %.2f %%",
                    100 * mean(best), 100 * std(best)));
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
        List<EpochStats> history = trainer.fit(split.train(), split.test(), progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> provenance = org.strnn.train.TrainingProvenance.of(settings.seed(), ex.name(),
                split.train(), ex.name() + " (test part)", split.test(), Map.of("steps",
                        String.valueOf(split.train().steps())), java.time.Clock.systemUTC()).toJson();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", settings.epochs());
        training.put("history", Results.historyJson(history));
        StrnnFile.save(out.resolve(ex.name() + ".npz"), model, split.train().classNames(), training, provenance,
                Map.of(), true);
        EpochStats last = history.get(history.size() - 1);
        EpochStats best = Results.best(history);
        return new Row(ex.name(), split.train().size(), split.test().size(), last.testAccuracy(), best.testAccuracy(),
                best.epoch(), history.size(), seconds);
    }

    /** One finished experiment. */
    record Row(String name, int train, int test, double last, double best, int bestEpoch, int epochs, double seconds) {
        String csv() {
            return name + "," + train + "," + test + "," + last + "," + best + "," + bestEpoch + "," + epochs + ","
                    + String.format(Locale.ROOT, "%.1f", seconds);
        }

        static Row parse(String line) {
            String[] f = line.split(",");
            return new Row(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]), Double.parseDouble(f[7]));
        }

        String format() {
            return String.format(Locale.ROOT, "%-16s train %5d  test %5d  last epoch %6.2f%%  best epoch (%d) %6.2f%%",
                    name, train, test, 100 * last, bestEpoch, 100 * best);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("experiment", name);
            m.put("train_samples", train);
            m.put("test_samples", test);
            m.put("test_accuracy", last);
            m.put("best_test_accuracy", best);
            m.put("best_epoch", bestEpoch);
            m.put("epochs", epochs);
            m.put("seconds", seconds);
            return m;
        }
    }

    private static final String HEADER = "experiment,train_samples,test_samples,test_accuracy_last_epoch,"
            + "test_accuracy_best_epoch,best_epoch,epochs,seconds";

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

    /** Accuracy over all test samples of all experiments: each experiment weighted by its test samples. */
    static double pooled(List<Row> rows) {
        double correct = 0;
        long samples = 0;
        for (Row r : rows) {
            correct += r.last() * r.test();
            samples += r.test();
        }
        return correct / samples;
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /** Population standard deviation (ddof = 0). */
    static double std(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / xs.length);
    }
}
