package org.strnn.cli;

import java.util.List;
import org.strnn.autograd.types.Activation;
import org.strnn.datasets.SampleSet;
import org.strnn.model.Direction;
import org.strnn.model.Merge;
import org.strnn.model.SparsityMode;
import org.strnn.model.StrnnConfig;
import org.strnn.train.Schedule;
import org.strnn.train.Selection;
import org.strnn.train.TrainSettings;

/** The model's hyper-parameters, ablation switches and training settings on the command line; defaults from the spec. */
final class ModelOptions {

    /**
     * {@code --threads}: by default every processor the JVM may use (at most 256). The results are
     * bit-identical for any thread count, so using them all costs nothing but the CPU.
     */
    static final Option THREADS = Option.value("threads", "N",
            String.valueOf(Math.min(256, Runtime.getRuntime().availableProcessors())),
            "threads for the heavy ops, one per processor by default; results do not depend on it");

    /** Sets {@link org.strnn.autograd.Parallel}'s thread count from {@code --threads} and returns it. */
    static int threads(Args args) {
        int threads = args.integer("threads", 1, 256);
        org.strnn.autograd.Parallel.setThreads(threads);
        return threads;
    }

    /** {@code --init}: how the new model's weights are drawn. */
    static final Option INIT = Option.value("init", "NAME", "scaled",
            "initial weights: scaled (keeps the state scale along the DAG) or xavier (the spec's public ports)");

    /** The initialisation named by {@code --init}. */
    static org.strnn.model.WeightInit init(Args args) {
        return org.strnn.model.WeightInit.of(args.choice("init", "scaled", "xavier"));
    }

    /** Training settings shared by train and experiment; defaults are {@link TrainSettings#defaults()}. */
    static final List<Option> TRAINING = List.of(
            Option.value("epochs", "N", String.valueOf(TrainSettings.DEFAULT_EPOCHS),
                    "the most passes over the training data (validation usually stops training earlier)"),
            Option.value("batch", "N", "32", "samples per Adam step"),
            Option.value("lr", "X", "1e-3", "Adam learning rate"),
            Option.value("clip", "X", String.valueOf(TrainSettings.DEFAULT_CLIP),
                    "clip the global gradient norm (0: off)"),
            Option.value("weight-decay", "X", "0", "decoupled weight decay (AdamW; 0: plain Adam)"),
            Option.value("schedule", "NAME", "constant", "learning rate over the run: constant or cosine"),
            Option.value("dropout", "P", "0", "drop each standardised input value with probability P in training"),
            Option.value("selection", "NAME", "validation",
                    "which epoch is kept: validation (lowest validation loss, early stopping), last, or test "
                            + "(selected on the test data: optimistic, for comparison with published numbers only)"),
            Option.value("validation", "FRACTION", String.valueOf(TrainSettings.DEFAULT_VALIDATION),
                    "share of the training trials of each class held out for validation"),
            Option.value("patience", "N", String.valueOf(TrainSettings.DEFAULT_PATIENCE),
                    "stop after N epochs without a lower validation loss"),
            Option.flag("refit", "after validation has chosen the epoch count, retrain on all training data for "
                    + "that many epochs"),
            Option.flag("no-baselines", "do not fit the LDA and logistic-regression baselines"),
            Option.value("seed", "N", "1", "seed of the initial weights, the shuffling and the validation carve-out"),
            INIT,
            THREADS);

    /** The training settings of {@code args} (the thread count is {@link #threads}'s). */
    static TrainSettings settings(Args args) {
        Selection selection = Selection.of(args.choice("selection", "validation", "last", "test"));
        if (args.flag("refit") && selection != Selection.VALIDATION) {
            throw CliException.usage("--refit needs --selection validation");
        }
        return new TrainSettings(args.integer("epochs", 1, 100_000), args.integer("batch", 1, 1_000_000),
                args.number("lr", 1e-12, 10), args.number("clip", 0, 1e12), args.longValue("seed"))
                .withRegularisation(args.number("weight-decay", 0, 1e6),
                        Schedule.of(args.choice("schedule", "constant", "cosine")), args.number("dropout", 0, 0.99))
                .withSelection(selection, args.number("validation", 0, 0.9), args.integer("patience", 1, 100_000),
                        args.flag("refit"));
    }

    static final List<Option> OPTIONS = List.of(
            Option.value("ds", "N", "30", "spatial hidden size"),
            Option.value("ks", "N", "10", "columns of each spatial projection G_r"),
            Option.value("dt", "N", "30", "temporal hidden size"),
            Option.value("kt", "N", "5", "columns of the temporal projections Gf, Gb"),
            Option.value("activation", "NAME", "relu", "relu or tanh"),
            Option.value("merge", "NAME", "sum", "how directions combine: sum or concat"),
            Option.value("directions", "N", "4", "spatial traversals: 4, 2 (corners 0 and 3) or 1 (corner 0)"),
            Option.flag("no-spatial-rnn", "ablation: drop the spatial recurrence (W_r)"),
            Option.flag("no-temporal-rnn", "ablation: drop the temporal recurrence (Vf, Vb)"),
            Option.value("sparsity", "MODE", "l1", "l1 (penalty in the loss), proximal (soft-threshold step) or none"),
            Option.value("lambda-s", "X", "1e-4", "weight of the spatial L1 term"),
            Option.value("lambda-t", "X", "1e-4", "weight of the temporal L1 term"),
            Option.flag("no-standardize", "feed raw features (default: standardise each channel with the "
                    + "training set's mean and std, stored in the model file)"));

    private ModelOptions() {
    }

    /** A new model for {@code train}: seeded weights, and the input scaling fitted on it unless switched off. */
    static org.strnn.model.StrnnModel newModel(Args args, SampleSet train, long seed) {
        StrnnConfig config = config(args, train);
        ModelSize.check(config);
        org.strnn.model.StrnnModel model = new org.strnn.model.StrnnModel(config, init(args),
                new java.util.SplittableRandom(seed));
        if (!args.flag("no-standardize")) {
            model.setInputScaling(org.strnn.train.Standardisation.fit(train));
        }
        return model;
    }

    /** A configuration shaped for {@code data} with the switches of {@code args}. */
    static StrnnConfig config(Args args, SampleSet data) {
        List<Direction> dirs = switch (args.choice("directions", "4", "2", "1")) {
            case "4" -> List.of(Direction.values());
            case "2" -> List.of(Direction.TOP_LEFT, Direction.BOTTOM_RIGHT);
            default -> List.of(Direction.TOP_LEFT);
        };
        return new StrnnConfig.Builder(data.layout(), data.features(), data.steps(), data.numClasses())
                .sizes(args.integer("ds", 1, 4096), args.integer("ks", 1, 4096), args.integer("dt", 1, 4096),
                        args.integer("kt", 1, 4096))
                .activation(args.choice("activation", "relu", "tanh").equals("relu") ? Activation.RELU : Activation.TANH)
                .merge(args.choice("merge", "sum", "concat").equals("sum") ? Merge.SUM : Merge.CONCAT)
                .directions(dirs)
                .recurrence(!args.flag("no-spatial-rnn"), !args.flag("no-temporal-rnn"))
                .sparsity(SparsityMode.valueOf(args.choice("sparsity", "l1", "proximal", "none").toUpperCase()),
                        args.number("lambda-s", 0, 1e6), args.number("lambda-t", 0, 1e6))
                .build();
    }
}
