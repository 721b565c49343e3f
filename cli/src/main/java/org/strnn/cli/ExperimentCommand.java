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
import org.strnn.datasets.protocol.Fold;
import org.strnn.datasets.source.DataSources;
import org.strnn.experiment.FoldResult;
import org.strnn.experiment.FoldRunner;
import org.strnn.experiment.Job;
import org.strnn.experiment.LocalPool;
import org.strnn.experiment.Statistics;
import org.strnn.formats.Json;
import org.strnn.train.Results;
import org.strnn.train.TrainSettings;

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
        o.add(Option.value("parallel", "N", "1", "folds trained at a time in this process (results do not depend on it)"));
        o.add(Option.flag("force", "start over in --out even if it holds results of other settings"));
        o.add(Option.flag("json", "print one JSON result object on stdout"));
        o.add(Option.flag("quiet", "no progress output"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws IOException, InterruptedException {
        args.positionalCount(1, 1, "a data source, e.g. seed:DIR, seed-iv:DIR, deap:DIR, edf:FILES, npz:FILE or faces:DIR");
        String source = args.positional().get(0);
        ModelOptions.threads(args);
        TrainSettings settings = ModelOptions.settings(args);
        List<Fold> experiments = DataSources.folds(source, args.source());
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
        identity.putAll(settings.toJson());
        identity.put("init", ModelOptions.init(args).key());
        identity.put("baselines", !args.flag("no-baselines"));
        for (Option o : ModelOptions.OPTIONS) {
            identity.put(o.name(), o.isFlag() ? (Object) args.flag(o.name()) : args.string(o.name()));
        }
        try (RunFolder folder = RunFolder.lock(out)) {
            return run(args, console, source, experiments, settings, out, identity);
        }
    }

    private int run(Args args, Console console, String source, List<Fold> experiments, TrainSettings settings,
                    Path out, Map<String, Object> identity) throws IOException, InterruptedException {
        Map<String, FoldResult> done = prepare(out, identity, args.flag("force"));
        boolean quiet = args.flag("quiet") || args.flag("json");
        if (!quiet) {
            console.info(experiments.size() + " experiments from " + source + "; results in " + out
                    + (done.isEmpty() ? "" : " (" + done.size() + " already done)"));
        }
        FoldRunner runner = new FoldRunner(settings, (train, seed) -> ModelOptions.newModel(args, train, seed),
                !args.flag("no-baselines"), ModelOptions.init(args).key());
        int parallel = args.integer("parallel", 1, 256);
        List<Job> jobs = new ArrayList<>();
        for (Fold ex : experiments) {
            if (!done.containsKey(ex.name())) {
                Progress progress = new Progress(console, quiet || parallel > 1, settings.epochs());
                jobs.add(runner.job(ex, out, quiet ? line -> { } : console::info, progress, r -> {
                    synchronized (done) {
                        done.put(r.name(), r);
                        writeResults(out, experiments, done);
                    }
                }));
            }
        }
        new LocalPool(parallel, quiet ? line -> { } : console::info).execute(jobs);
        List<FoldResult> rows = new ArrayList<>();
        for (Fold ex : experiments) {
            FoldResult row = done.get(ex.name());
            rows.add(row);
            if (!args.flag("json")) {
                console.out().println(row.format());
            }
        }
        double[] selected = rows.stream().mapToDouble(FoldResult::accuracy).toArray();
        double[] last = rows.stream().mapToDouble(FoldResult::last).toArray();
        double[] lda = rows.stream().mapToDouble(FoldResult::lda).toArray();
        double[] logreg = rows.stream().mapToDouble(FoldResult::logreg).toArray();
        String selection = rows.isEmpty() ? settings.selection().label() : rows.get(0).selection();
        if (args.flag("json")) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("experiments", rows.size());
            r.put("selection", selection);
            r.put("mean_accuracy", Statistics.mean(selected));
            r.put("std_accuracy", Statistics.std(selected));
            r.put("pooled_accuracy", pooled(rows));
            r.put("mean_last_epoch_accuracy", Statistics.mean(last));
            r.put("std_last_epoch_accuracy", Statistics.std(last));
            r.put("mean_macro_f1", Statistics.mean(rows.stream().mapToDouble(FoldResult::macroF1).toArray()));
            if (!args.flag("no-baselines")) {
                r.put("mean_lda_accuracy", Statistics.mean(lda));
                r.put("std_lda_accuracy", Statistics.std(lda));
                r.put("mean_logreg_accuracy", Statistics.mean(logreg));
                r.put("std_logreg_accuracy", Statistics.std(logreg));
                r.put("paired_vs_lda", pairedJson(Statistics.paired(selected, lda)));
                r.put("paired_vs_logreg", pairedJson(Statistics.paired(selected, logreg)));
            }
            List<Object> list = new ArrayList<>();
            for (FoldResult row : rows) {
                list.add(row.json());
            }
            r.put("rows", list);
            r.put("results", out.resolve(RESULTS).toString());
            console.out().println(Json.write(r));
        } else {
            console.out().println(String.format(Locale.ROOT, "STRNN (selection: %s):%s %.2f \u00b1 %.2f %% "
                    + "(mean over experiments); pooled over all %d test samples: %.2f %%", selection,
                    " ".repeat(Math.max(1, 18 - selection.length())), 100 * Statistics.mean(selected), 100 * Statistics.std(selected),
                    rows.stream().mapToInt(FoldResult::test).sum(), 100 * pooled(rows)));
            console.out().println(String.format(Locale.ROOT, "STRNN, last epoch:                 %.2f \u00b1 %.2f %%",
                    100 * Statistics.mean(last), 100 * Statistics.std(last)));
            if (!args.flag("no-baselines")) {
                console.out().println(String.format(Locale.ROOT,
                        "LDA (shrinkage):                   %.2f \u00b1 %.2f %%", 100 * Statistics.mean(lda), 100 * Statistics.std(lda)));
                console.out().println(String.format(Locale.ROOT,
                        "logistic regression:               %.2f \u00b1 %.2f %%", 100 * Statistics.mean(logreg),
                        100 * Statistics.std(logreg)));
                for (String line : pairedLines(selected, lda, logreg)) {
                    console.out().println(line);
                }
            }
            console.out().println("results: " + out.resolve(RESULTS));
        }
        return 0;
    }

    /** Creates --out, or checks that it holds a run of the same settings and reads its finished rows. */
    private static Map<String, FoldResult> prepare(Path out, Map<String, Object> identity, boolean force) throws IOException {
        Map<String, FoldResult> done = new LinkedHashMap<>();
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
                        FoldResult r = FoldResult.parse(lines.get(i));
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
        Results.writeText(out.resolve(RESULTS), FoldResult.HEADER + "\n");
        return done;
    }

    private static void writeResults(Path out, List<Fold> order, Map<String, FoldResult> done) {
        StringBuilder sb = new StringBuilder(FoldResult.HEADER).append('\n');
        for (Fold e : order) {
            FoldResult r = done.get(e.name());
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
    static double pooled(List<FoldResult> rows) {
        double correct = 0;
        long samples = 0;
        for (FoldResult r : rows) {
            correct += r.accuracy() * r.test();
            samples += r.test();
        }
        return correct / samples;
    }
}
