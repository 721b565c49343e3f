package org.strnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.source.DataSources;
import org.strnn.experiment.TrainReport;
import org.strnn.formats.Json;
import org.strnn.model.ConfigJson;
import org.strnn.model.StrnnFile;
import org.strnn.model.StrnnModel;
import org.strnn.train.Checkpoints;
import org.strnn.train.EpochStats;
import org.strnn.train.Results;
import org.strnn.train.TrainSettings;
import org.strnn.train.Trainer;
import org.strnn.train.TrainingListener;
import org.strnn.train.TrainingProvenance;

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
                history.csv, result.json and four pictures (curves.png, saliency.png, temporal.png,
                attribution.png).
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
        o.addAll(DataOptions.OPTIONS);
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
        Path resume = args.path("resume");
        StrnnFile.Contents checkpoint = resume == null ? null : StrnnFile.load(resume);
        try (RunFolder folder = outputDirectory(args, resume)) {
            return run(args, console, folder, checkpoint, settings, threads);
        }
    }

    private int run(Args args, Console console, RunFolder folder, StrnnFile.Contents checkpoint,
                    TrainSettings settings, int threads) throws IOException {
        Path out = folder.path();
        Path resume = args.path("resume");
        int epochs = settings.epochs();

        TrainTest tt = TrainTest.load(args);
        DataSources.Loaded data = tt.data();
        DataSources.Loaded testData = tt.testData();
        SampleSet train = tt.train();
        SampleSet test = tt.test();

        StrnnModel model;
        List<EpochStats> done = new ArrayList<>();
        if (checkpoint != null) {
            model = checkpoint.model();
            settings = ResumeOptions.settings(args, Checkpoints.savedSettings(checkpoint, resume), model.config(),
                    !model.inputScaling().isIdentity(), train, resume.toString());
            epochs = settings.epochs();
            done = Checkpoints.historyOf(checkpoint, resume);
            Checkpoints.checkSameData(checkpoint, data.identity(), testData.identity(), resume);
            if (done.size() >= epochs) {
                throw CliException.usage(resume + " already has " + done.size() + " epochs; ask for more with --epochs");
            }
        } else {
            model = ModelOptions.newModel(args, train, settings.seed());
        }
        if (checkpoint == null && args.has("batch") && settings.batchSize() > train.size()) {
            throw CliException.usage("--batch " + settings.batchSize() + " is larger than the " + train.size()
                    + " training samples; use --batch " + train.size() + " or less");
        }
        try {
            Trainer.checkCompatible(model.config(), train, "training");
            Trainer.checkCompatible(model.config(), test, "test");
        } catch (IllegalArgumentException e) {
            throw CliException.failure((resume == null ? "" : resume + ": ") + e.getMessage());
        }

        folder.checkSpace(RunChecks.bytesNeeded(model));
        Trainer trainer = new Trainer(model, settings);
        trainer.restoreHistory(done);
        if (checkpoint != null) {
            Checkpoints.restoreOptimizer(trainer, checkpoint, resume);
        }
        Path modelPath = out.resolve(MODEL_FILE);
        String init = checkpoint == null ? ModelOptions.init(args).key()
                : String.valueOf(checkpoint.provenance().getOrDefault("init", "xavier"));
        Map<String, Object> provenance = provenance(settings, data, testData, train, test, args, init);
        boolean quiet = args.flag("quiet");
        Progress progress = new Progress(console, quiet, epochs);
        TrainSettings used = settings;
        if (!quiet) {
            console.info("training " + model.config().describe() + ", " + model.parameterCount() + " parameters");
            console.info("data: " + train.size() + " train samples (" + data.identity() + "), " + test.size()
                    + " test samples" + (args.has("test") ? " (" + testData.identity() + ")" : "") + "; output: " + out);
            DataSources.notes(data, testData).forEach(console::info);
        }
        long start = System.nanoTime();
        Interrupt.Stopped stopped = null;
        RunChecks.Divergence divergence = new RunChecks.Divergence(settings);
        try (Interrupt interrupt = Interrupt.install()) {
            trainer.train(train, TrainingListener.monitoring(test, new TrainingListener() {
                @Override
                public void stepDone(int epoch, int step, int steps, double loss) {
                    progress.stepDone(epoch, step, steps, loss);
                    divergence.check(epoch, step, loss);
                    interrupt.check();
                }

                @Override
                public void epochDone(EpochStats stats) {
                    progress.epochDone(stats);
                    Checkpoints.save(modelPath, trainer, train.classNames(), used, provenance);
                    interrupt.check();
                }
            }));
        } catch (Interrupt.Stopped e) {
            stopped = e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        List<EpochStats> history = trainer.history();
        TrainReport report = null;
        if (stopped == null) {
            Checkpoints.save(modelPath, trainer, train.classNames(), used, provenance);
            report = TrainReport.of(trainer.outcome(), model, train, test, !args.flag("no-baselines"));
        } else {
            if (history.size() == done.size()) {
                console.err().println("strnn: interrupted in epoch " + (done.size() + 1) + ", before it finished; "
                        + (resume == null ? "nothing was saved" : "nothing new was saved, " + resume + " is unchanged"));
                return Interrupt.EXIT;
            }
            model = StrnnFile.load(modelPath).model();
        }
        Results.writeHistory(out.resolve("history.csv"), history);
        if (!args.flag("no-plots")) {
            Pictures.draw(out, model, history, test, report == null ? 0 : trainer.outcome().selectedEpoch(),
                    report == null ? "" : trainer.outcome().selection().label(), quiet ? null : console);
        }
        Map<String, Object> result = result(history, train, test, modelPath, out, data, testData, model, settings,
                threads, seconds);
        if (stopped != null) {
            result.put("interrupted", true);
        }
        if (report != null) {
            report.addTo(result);
        }
        result.put("training", settings.toJson());
        result.put("init", init);
        Results.writeJson(out.resolve("result.json"), result);
        if (stopped != null) {
            console.err().println(RunChecks.interruptedLine(args, modelPath, history.size(), epochs));
            return Interrupt.EXIT;
        }
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

    /**
     * Locks the output folder: --out, the checkpoint's folder when resuming, or a new unique
     * {@code runs/train-<time>}. A folder with files (other than the checkpoint being resumed) is
     * refused unless --force.
     */
    private static RunFolder outputDirectory(Args args, Path resume) throws IOException {
        Path out;
        if (args.has("out")) {
            out = args.path("out");
        } else if (resume != null) {
            out = resume.toAbsolutePath().getParent();
        } else {
            out = RunFolder.fresh(Path.of("runs"), "train");
        }
        boolean resumingHere = resume != null
                && resume.toAbsolutePath().normalize().equals(out.resolve(MODEL_FILE).toAbsolutePath().normalize());
        RunFolder folder = RunFolder.lock(out);
        if (!resumingHere && !args.flag("force") && !folder.isEmpty()) {
            folder.close();
            throw CliException.failure(out + ": is not empty; choose another --out, or add --force to replace "
                    + "its files");
        }
        return folder;
    }

    private static Map<String, Object> provenance(TrainSettings s, DataSources.Loaded data, DataSources.Loaded test,
                                                  SampleSet train, SampleSet testSet, Args args, String init) {
        Map<String, Object> p = new LinkedHashMap<>(TrainingProvenance.of(s.seed(), data.identity(), train,
                test.identity(), testSet, DataOptions.of(args, train.steps()), Clock.systemUTC()).toJson());
        p.put("init", init);
        return p;
    }

    private static Map<String, Object> result(List<EpochStats> history, SampleSet train, SampleSet test, Path model,
                                              Path out, DataSources.Loaded data, DataSources.Loaded testData,
                                              StrnnModel m, TrainSettings s, int threads, double seconds) {
        EpochStats last = history.get(history.size() - 1);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("train_samples", train.size());
        r.put("test_samples", test.size());
        r.put("test_accuracy", last.testAccuracy());
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
