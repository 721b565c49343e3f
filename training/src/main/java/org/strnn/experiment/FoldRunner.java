package org.strnn.experiment;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.datasets.protocol.Fold;
import org.strnn.model.StrnnFile;
import org.strnn.model.StrnnModel;
import org.strnn.train.EpochStats;
import org.strnn.train.Results;
import org.strnn.train.TrainSettings;
import org.strnn.train.Trainer;
import org.strnn.train.TrainingListener;
import org.strnn.train.TrainingProvenance;

/**
 * Runs the folds of an experiment, each the same way: a fresh model for the fold's training data,
 * the recipe's training ({@link Trainer#train}: validation carved from the training data, early
 * stopping, refit when asked), one evaluation on the fold's test data, the baselines on the same
 * split, and the model saved with its provenance. Each fold is a {@link Job}, so any
 * {@link Executor} can run them.
 */
public final class FoldRunner {

    /** A new, untrained model for a fold's training data (the seed is the run's). */
    @FunctionalInterface
    public interface Models {
        StrnnModel create(SampleSet train, long seed);
    }

    private final TrainSettings settings;
    private final Models models;
    private final boolean baselines;
    private final String init;

    /**
     * @param init      the initialisation's name, recorded in each model's provenance
     * @param baselines whether the LDA and logistic-regression baselines are fitted on each split
     */
    public FoldRunner(TrainSettings settings, Models models, boolean baselines, String init) {
        this.settings = settings;
        this.models = models;
        this.baselines = baselines;
        this.init = init;
    }

    /**
     * Trains and evaluates one fold, saving its model to {@code modelFile}. {@code announce} hears one
     * line with the fold's sizes before it trains; {@code progress} hears the training steps (and,
     * for the history, the test set's loss per epoch).
     */
    public FoldResult run(Fold fold, Consumer<String> announce, TrainingListener progress, Path modelFile) {
        Split split = fold.split();
        announce.accept(fold.name() + ": " + split.train().size() + " train, " + split.test().size() + " test samples");
        StrnnModel model = models.create(split.train(), settings.seed());
        Trainer trainer = new Trainer(model, settings);
        long start = System.nanoTime();
        List<EpochStats> history = trainer.train(split.train(), TrainingListener.monitoring(split.test(), progress));
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainReport report = TrainReport.of(trainer.outcome(), model, split.train(), split.test(), baselines);
        Map<String, Object> provenance = new LinkedHashMap<>(TrainingProvenance.of(settings.seed(), fold.name(),
                split.train(), fold.name() + " (test part)", split.test(), Map.of("steps",
                        String.valueOf(split.train().steps())), Clock.systemUTC()).toJson());
        provenance.put("init", init);
        Map<String, Object> training = new LinkedHashMap<>(settings.toJson());
        training.put("selected_epoch", trainer.outcome().selectedEpoch());
        training.put("history", Results.historyJson(history));
        StrnnFile.save(modelFile, model, split.train().classNames(), training, provenance, Map.of(), true);
        return FoldResult.of(fold.name(), split.train().size(), split.test().size(), report, history.size(), seconds);
    }

    /**
     * Fold {@code fold} as a job that runs here: its model goes to {@code out/NAME.npz} and its
     * result to {@code done}. It has no command line of its own (an experiment's folds run in the
     * process that holds its results file).
     */
    public Job job(Fold fold, Path out, Consumer<String> announce, TrainingListener progress,
                   Consumer<FoldResult> done) {
        return new Job() {
            @Override
            public String id() {
                return fold.name();
            }

            @Override
            public Result run() {
                FoldResult r = FoldRunner.this.run(fold, announce, progress, out.resolve(fold.name() + ".npz"));
                done.accept(r);
                return new Result(true, r.seconds(), r.format());
            }

            @Override
            public List<String> command() {
                return List.of();
            }
        };
    }
}
