package org.strnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.model.StrnnModel;
import org.strnn.model.io.ConfigJson;
import org.strnn.model.io.StrnnFile;
import org.strnn.nn.io.Json;
import org.strnn.train.EpochStats;
import org.strnn.train.TrainSettings;
import org.strnn.train.Trainer;
import org.strnn.train.TrainingListener;

/** {@code strnn train}: trains a model, checkpointing after every epoch, and reports test accuracy. */
final class TrainCommand implements Command {

    static final String MODEL_FILE = "model.npz";

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a model and report its test accuracy beside the LDA and logistic-regression baselines";
    }

    @Override
    public String description() {
        return """
                Trains on the training part of --data and evaluates on its test part (or on --test) after
                every epoch. Writes to --out: model.npz (a checkpoint after every epoch, with provenance),
                history.csv, result.json and three pictures (curves.png, saliency.png, temporal.png).
                By default whole trials of each class are held out of the training data for validation,
                training stops when the validation loss stops falling, and the model keeps the weights of
                the epoch with the lowest validation loss: its test accuracy is the headline, and the last
                epoch's is reported beside it. --selection test selects on the test data instead and is
                labelled optimistic (spec section 10). The baselines (shrinkage LDA, logistic regression)
                are fitted on the same split. The same seed and data give bit-identical models and
                metrics for any --threads.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("data", "SOURCE", "synthetic", "training data (and its own test split)"));
        o.add(Option.value("test", "SOURCE", null, "evaluate on this source instead of --data's test split"));
        o.addAll(DataSources.OPTIONS);
        o.addAll(ModelOptions.TRAINING);
        o.addAll(ModelOptions.OPTIONS);
        o.add(Option.value("out", "DIR", "runs/train-<time>", "where the model, history and pictures go"));
        o.add(Option.value("resume", "MODEL", null, "continue training from a checkpoint (to --epochs in total)"));
        o.add(Option.flag("force", "write into a non-empty --out directory, replacing its files"));
        o.add(Option.flag("no-plots", "do not draw the pictures"));
        o.add(Option.flag("json", "print one JSON result object on stdout"));
        o.add(Option.flag("quiet", "no progress output"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws IOException {
        args.positionalCount(0, 0, "no positional arguments");
        int threads = ModelOptions.threads(args);
        TrainSettings settings = ModelOptions.settings(args);
        int epochs = settings.epochs();
        Path resume = args.path("resume");
        StrnnFile.Contents checkpoint = resume == null ? null : StrnnFile.load(resume);
        Path out = outputDirectory(args, resume);

        DataSources.Role role = args.has("test") ? DataSources.Role.ALL_TRAIN : DataSources.Role.OWN_SPLIT;
        DataSources.Loaded data = DataSources.load(args.string("data"), args, role);
        DataSources.Loaded testData = args.has("test")
                ? DataSources.load(args.string("test"), args, DataSources.Role.ALL_TEST) : data;
        Split split = new Split("train", data.split().train(), testData.split().test());
        SampleSet train = split.train();
        SampleSet test = split.test();
        if (train.size() == 0) {
            throw CliException.failure("the training data hold no samples (" + data.identity() + ")");
        }
        if (test.size() == 0) {
            throw CliException.failure("the test data hold no samples (" + testData.identity() + ")");
        }

        StrnnModel model;
        List<EpochStats> done = new ArrayList<>();
        if (checkpoint != null) {
            model = checkpoint.model();
            settings = Checkpoints.settingsOf(checkpoint, epochs, resume);
            done = Checkpoints.historyOf(checkpoint, resume);
            Checkpoints.checkSameData(checkpoint, data.identity(), testData.identity(), resume);
            if (done.size() >= epochs) {
                throw CliException.usage(resume + " already has " + done.size() + " epochs; ask for more with --epochs");
            }
        } else {
            model = ModelOptions.newModel(args, train, settings.seed());
        }
        try {
            Trainer.checkCompatible(model.config(), train, "training");
            Trainer.checkCompatible(model.config(), test, "test");
        } catch (IllegalArgumentException e) {
            throw CliException.failure((resume == null ? "" : resume + ": ") + e.getMessage());
        }

        Files.createDirectories(out);
        Trainer trainer = new Trainer(model, settings);
        trainer.restoreHistory(done);
        if (checkpoint != null) {
            Checkpoints.restoreOptimizer(trainer, checkpoint, resume);
        }
        Path modelPath = out.resolve(MODEL_FILE);
        Map<String, Object> provenance = provenance(settings, data, testData, train, test, threads,
                checkpoint == null ? ModelOptions.init(args).key()
                        : String.valueOf(checkpoint.provenance().getOrDefault("init", "xavier")));
        boolean quiet = args.flag("quiet") || args.flag("json");
        Progress progress = new Progress(console, quiet, epochs);
        TrainSettings used = settings;
        if (!quiet) {
            console.info("training " + model.config().describe() + ", " + model.parameterCount() + " parameters");
            console.info("data: " + train.size() + " train samples (" + data.identity() + "), " + test.size()
                    + " test samples" + (args.has("test") ? " (" + testData.identity() + ")" : "") + "; output: " + out);
        }
        long start = System.nanoTime();
        trainer.fit(train, test, new TrainingListener() {
            @Override
            public void stepDone(int epoch, int step, int steps, double loss) {
                progress.stepDone(epoch, step, steps, loss);
            }

            @Override
            public void epochDone(EpochStats stats) {
                progress.epochDone(stats);
                Checkpoints.save(modelPath, trainer, train.classNames(), used, provenance);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Checkpoints.save(modelPath, trainer, train.classNames(), used, provenance);
        TrainReport report = TrainReport.of(trainer.outcome(), model, train, test, !args.flag("no-baselines"));

        List<EpochStats> history = trainer.history();
        Results.writeHistory(out.resolve("history.csv"), history);
        if (!args.flag("no-plots")) {
            Pictures.draw(out, model, history, quiet ? null : console);
        }
        Map<String, Object> result = result(history, train, test, modelPath, out, data, testData, model, settings,
                threads, seconds);
        report.addTo(result);
        result.put("training", ModelOptions.settingsJson(settings));
        result.put("init", ModelOptions.init(args).key());
        Results.writeJson(out.resolve("result.json"), result);
        if (args.flag("json")) {
            console.out().println(Json.write(result));
        } else {
            for (String line : report.lines()) {
                console.out().println(line);
            }
            console.out().println("model: " + modelPath);
        }
        return 0;
    }

    private static Path outputDirectory(Args args, Path resume) throws IOException {
        Path out;
        if (args.has("out")) {
            out = args.path("out");
        } else if (resume != null) {
            out = resume.toAbsolutePath().getParent();
        } else {
            out = Path.of("runs", "train-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw CliException.failure(out + ": exists and is not a directory");
        }
        boolean resumingHere = resume != null
                && resume.toAbsolutePath().normalize().equals(out.resolve(MODEL_FILE).toAbsolutePath().normalize());
        if (Files.isDirectory(out) && !resumingHere && !args.flag("force")) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw CliException.failure(out + ": is not empty; choose another --out, or add --force to replace "
                            + "its files");
                }
            }
        }
        return out;
    }

    private static Map<String, Object> provenance(TrainSettings s, DataSources.Loaded data, DataSources.Loaded test,
                                                  SampleSet train, SampleSet testSet, int threads, String init) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("library", "strnn " + Main.VERSION);
        p.put("created", java.time.Instant.now().toString());
        p.put("seed", s.seed());
        p.put("init", init);
        p.put("data", data.identity());
        p.put("test_data", test.identity());
        p.put("train_fingerprint", Results.fingerprint(train));
        p.put("test_fingerprint", Results.fingerprint(testSet));
        p.put("java", System.getProperty("java.version"));
        return p;
    }

    private static Map<String, Object> result(List<EpochStats> history, SampleSet train, SampleSet test, Path model,
                                              Path out, DataSources.Loaded data, DataSources.Loaded testData,
                                              StrnnModel m, TrainSettings s, int threads, double seconds) {
        EpochStats last = history.get(history.size() - 1);
        EpochStats best = Results.best(history);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("train_samples", train.size());
        r.put("test_samples", test.size());
        r.put("test_accuracy", last.testAccuracy());
        // Selected on the test data: optimistic; kept for readers of earlier versions.
        r.put("best_test_accuracy", best.testAccuracy());
        r.put("best_epoch", best.epoch());
        r.put("epochs", history.size());
        r.put("train_loss", last.trainLoss());
        r.put("test_loss", last.testLoss());
        r.put("seconds", seconds);
        r.put("model", model.toString());
        r.put("out", out.toString());
        r.put("data", data.identity());
        r.put("test_data", testData.identity());
        r.put("seed", s.seed());
        r.put("threads", threads);
        r.put("parameters", m.parameterCount());
        r.put("config", ConfigJson.toJson(m.config()));
        r.put("history", Results.historyJson(history));
        return r;
    }
}
