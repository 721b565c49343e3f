package org.strnn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.strnn.autograd.Tensor;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.model.SparsityMode;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;
import org.strnn.nn.Sparsity;
import org.strnn.nn.optim.Adam;
import org.strnn.nn.optim.AdamW;
import org.strnn.nn.optim.GradClip;
import org.strnn.nn.optim.Optimizer;

/**
 * Minibatch training with model selection that never looks at the test data unless asked to.
 *
 * <p>With {@link Selection#VALIDATION} (the default recipe), the caller's validation set (by
 * default {@link ValidationSplit} holds whole trials of the training data out, stratified by class)
 * is scored after every epoch, training stops when its loss has not improved for {@code patience}
 * epochs, and the weights of the epoch with the lowest validation loss are restored into the model.
 * The trainer never holds test data; evaluation is a separate step. With {@code refit}, the model
 * is then retrained from its initial weights on all the training data for the selected number of
 * epochs ({@link #refit}).
 *
 * <p>Each epoch's shuffle (and dropout mask) comes from its own generator, seeded from the run's
 * seed and the epoch number, so a run resumed from a checkpoint after epoch k sees the same
 * batches as one that never stopped. With {@link SparsityMode#PROXIMAL}, every optimiser step is
 * followed by a soft-threshold of the G matrices by {@code lr * lambda}.
 */
public final class Trainer {

    private static final long DROPOUT_STREAM = 0x6a09e667f3bcc909L;

    private final StrnnModel model;
    private final TrainSettings settings;
    private final Optimizer optimizer;
    private final List<Tensor> parameters;
    private final List<EpochStats> history = new ArrayList<>();
    private int selectedEpoch;
    private Map<String, double[]> selectedWeights;
    private Map<String, double[]> lastWeights;
    private TrainingOutcome outcome;
    private Map<String, double[]> initialWeights;

    /** A trainer with the optimiser of {@link #defaultOptimizer}. */
    public Trainer(StrnnModel model, TrainSettings settings) {
        this(model, settings, defaultOptimizer(model, settings));
    }

    /**
     * A trainer that steps {@code optimizer}, which must update {@code model.parameters()}. The
     * schedule sets its learning rate before every step.
     */
    public Trainer(StrnnModel model, TrainSettings settings, Optimizer optimizer) {
        this.model = model;
        this.settings = settings;
        this.parameters = model.parameters();
        this.optimizer = optimizer;
    }

    /** Adam at the settings' rate (spec section 7), or AdamW when they ask for weight decay. */
    public static Optimizer defaultOptimizer(StrnnModel model, TrainSettings s) {
        return s.weightDecay() > 0 ? new AdamW(model.parameters(), s.learningRate(), s.weightDecay())
                : new Adam(model.parameters(), s.learningRate());
    }

    public StrnnModel model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public TrainSettings settings() {
        return settings;
    }

    /** Epochs finished so far (including those restored with {@link #restoreHistory}). */
    public int epochsDone() {
        return history.size();
    }

    public List<EpochStats> history() {
        return List.copyOf(history);
    }

    /** Continues a checkpointed run: the epochs already done, in order. */
    public void restoreHistory(List<EpochStats> done) {
        history.clear();
        history.addAll(done);
    }

    /** The epoch selected so far (0 before the first); {@link #selectedWeights} holds its weights. */
    public int selectedEpoch() {
        return selectedEpoch;
    }

    /** A copy of the weights of the epoch selected so far, or null when the model holds them. */
    public Map<String, double[]> selectedWeights() {
        return selectedWeights == null ? null : copy(selectedWeights);
    }

    /** Continues a checkpointed run: the epoch selected so far and its weights (null: the model's own). */
    public void restoreSelection(int epoch, Map<String, double[]> weights) {
        selectedEpoch = epoch;
        selectedWeights = weights == null ? null : copy(weights);
    }

    /**
     * A copy of the weights after the last epoch of {@link #fit} (before the selected ones were
     * restored, and before any {@link #refit}), for checkpoints that must be resumable; null before
     * {@code fit} has finished.
     */
    public Map<String, double[]> lastWeights() {
        return lastWeights == null ? null : copy(lastWeights);
    }

    /** Copies {@code values} (one array per parameter name) into the model's parameters. */
    public void loadWeights(Map<String, double[]> values) {
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            double[] v = values.get(e.getKey());
            if (v == null || v.length != e.getValue().size()) {
                throw new IllegalArgumentException("no weights of the right size for " + e.getKey());
            }
        }
        load(values);
    }

    /** What the last {@link #fit} selected; null before it has finished. */
    public TrainingOutcome outcome() {
        return outcome;
    }

    /** Checks that the data fit the model and carry the model's classes (see {@link DataFit}). */
    public static void checkCompatible(StrnnConfig config, SampleSet data, String what) {
        DataFit.check(config, null, data, what);
    }

    /**
     * The default way to train: holds out validation data from {@code train} as the settings say
     * (whole trials per class, see {@link ValidationSplit}), fits on the rest and selects on the
     * held-out part, then refits on all of {@code train} when the settings ask for it. Test data
     * never enter; evaluate the trained model as a separate step ({@link Evaluation#of}).
     */
    public List<EpochStats> train(SampleSet train, TrainingListener listener) {
        Split carve = ValidationSplit.carve(train, settings);
        List<EpochStats> h = fit(carve.train(), carve.test(), listener);
        if (settings.refit() && carve.test().size() > 0) {
            refit(train, listener);
        }
        return h;
    }

    /**
     * Trains on {@code fit} until {@code settings.epochs()} epochs are done or validation stops it,
     * reporting to {@code listener}; then leaves the selected weights in the model (see the class
     * comment). {@code validation} is the caller's choice (null or empty: none, and the last epoch
     * is kept). The trainer never holds test data: a listener that {@linkplain
     * TrainingListener#monitor monitors} another set after each epoch records it in the history's
     * test columns, and only {@link Selection#TEST_OPTIMISTIC} selects on it.
     */
    public List<EpochStats> fit(SampleSet fit, SampleSet validation, TrainingListener listener) {
        checkCompatible(model.config(), fit, "training");
        if (validation != null && validation.size() == 0) {
            validation = null;
        }
        if (validation != null) {
            checkCompatible(model.config(), validation, "validation");
        }
        Selection selection = settings.selection() == Selection.VALIDATION && validation == null ? Selection.LAST
                : settings.selection();
        if (settings.refit() && !history.isEmpty()) {
            throw new IllegalStateException("a refit run cannot be resumed; start it again");
        }
        initialWeights = settings.refit() ? model.copyValues() : null;
        boolean stoppedEarly = false;
        while (history.size() < settings.epochs()) {
            if (selection == Selection.VALIDATION && selectedEpoch > 0
                    && history.size() - selectedEpoch >= settings.patience()) {
                stoppedEarly = true;
                break;
            }
            EpochStats stats = epoch(history.size() + 1, fit, validation, listener, settings.epochs());
            if (selection == Selection.TEST_OPTIMISTIC && Double.isNaN(stats.testAccuracy())) {
                throw new IllegalArgumentException("selection on test data needs a listener that monitors the "
                        + "test set");
            }
            history.add(stats);
            select(selection, stats);
            listener.epochDone(stats);
        }
        EpochStats last = history.get(history.size() - 1);
        lastWeights = model.copyValues();
        if (selection != Selection.LAST && selectedWeights != null) {
            load(selectedWeights);
        }
        if (selection == Selection.LAST || selectedEpoch == 0) {
            selectedEpoch = last.epoch();
        }
        EpochStats chosen = history.get(selectedEpoch - 1);
        outcome = new TrainingOutcome(selection, selectedEpoch, fit.size(), validation == null ? 0 : validation.size(),
                chosen.validationLoss(), chosen.validationAccuracy(), last.testAccuracy(), stoppedEarly, false);
        return history();
    }

    /**
     * The refit step of the recipe: retrains from the weights the model had before {@link #fit} on
     * all of {@code train} (validation included) for the selected number of epochs.
     */
    public void refit(SampleSet train, TrainingListener listener) {
        if (outcome == null || initialWeights == null) {
            throw new IllegalStateException("refit follows a fit with refit settings");
        }
        checkCompatible(model.config(), train, "training");
        load(initialWeights);
        optimizer.reset();
        int epochs = outcome.selectedEpoch();
        TrainingListener stepsOnly = new TrainingListener() {
            @Override
            public void stepDone(int epoch, int step, int steps, double loss) {
                listener.stepDone(epoch, step, steps, loss);
            }
        };
        for (int e = 1; e <= epochs; e++) {
            epoch(e, train, null, stepsOnly, epochs);
        }
        outcome = new TrainingOutcome(outcome.selection(), epochs, train.size(), outcome.validationSamples(),
                outcome.validationLoss(), outcome.validationAccuracy(), outcome.lastEpochTestAccuracy(),
                outcome.stoppedEarly(), true);
    }

    /** Records {@code stats}' epoch as the selected one when it beats the selection so far. */
    private void select(Selection selection, EpochStats stats) {
        boolean better = switch (selection) {
            case LAST -> false;
            case VALIDATION -> selectedEpoch == 0
                    || stats.validationLoss() < history.get(selectedEpoch - 1).validationLoss();
            case TEST_OPTIMISTIC -> selectedEpoch == 0
                    || stats.testAccuracy() > history.get(selectedEpoch - 1).testAccuracy();
        };
        if (better) {
            selectedEpoch = stats.epoch();
            selectedWeights = model.copyValues();
        }
    }

    private void load(Map<String, double[]> values) {
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            double[] v = values.get(e.getKey());
            System.arraycopy(v, 0, e.getValue().data(), 0, v.length);
        }
    }

    private static Map<String, double[]> copy(Map<String, double[]> values) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** One pass over {@code train}; scores {@code validation} when it is not null, and lets the listener monitor. */
    private EpochStats epoch(int epoch, SampleSet train, SampleSet validation, TrainingListener listener,
                             int plannedEpochs) {
        long start = System.nanoTime();
        int n = train.size();
        int[] order = shuffle(n, new SplittableRandom(epochSeed(settings.seed(), epoch)));
        SplittableRandom dropRng = new SplittableRandom(epochSeed(settings.seed() ^ DROPOUT_STREAM, epoch));
        int bs = settings.batchSize();
        int steps = (n + bs - 1) / bs;
        int len = train.sampleLength();
        double lossSum = 0;
        int correct = 0;
        for (int step = 0; step < steps; step++) {
            int from = step * bs;
            int b = Math.min(bs, n - from);
            double[] data = new double[b * len];
            int[] labels = new int[b];
            for (int k = 0; k < b; k++) {
                train.copySample(order[from + k], data, k * len);
                labels[k] = train.label(order[from + k]);
            }
            optimizer.setLearningRate(settings.schedule().rate(settings.learningRate(),
                    (long) (epoch - 1) * steps + step, (long) plannedEpochs * steps));
            model.zeroGrad();
            Tensor x = model.input(data, b);
            if (settings.dropout() > 0) {
                dropout(x.data(), settings.dropout(), dropRng);
            }
            Tensor logits = model.logits(x);
            Tensor loss = model.loss(logits, labels);
            loss.backward();
            if (settings.clipNorm() > 0) {
                GradClip.clipGlobalNorm(parameters, settings.clipNorm());
            }
            optimizer.step();
            if (model.config().sparsity() == SparsityMode.PROXIMAL) {
                proximalStep();
            }
            double l = loss.item();
            if (!Double.isFinite(l)) {
                throw new ArithmeticException("the training loss became " + l + " in epoch " + epoch + ", step "
                        + (step + 1) + "; try a smaller learning rate or gradient clipping");
            }
            lossSum += l * b;
            for (int k = 0; k < b; k++) {
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int j = 0; j < logits.cols(); j++) {
                    if (logits.get(k, j) > best) {
                        best = logits.get(k, j);
                        arg = j;
                    }
                }
                if (arg == labels[k]) {
                    correct++;
                }
            }
            listener.stepDone(epoch, step + 1, steps, l);
        }
        StrnnClassifier classifier = StrnnClassifier.of(model);
        Evaluation val = validation == null ? null : Evaluation.of(classifier, validation);
        Evaluation eval = listener.monitor(classifier);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(epoch, lossSum / n, (double) correct / n, eval == null ? Double.NaN : eval.loss(),
                eval == null ? Double.NaN : eval.accuracy(), seconds, val == null ? Double.NaN : val.loss(),
                val == null ? Double.NaN : val.accuracy());
    }

    /** Inverted dropout: zeroes each value with probability p and scales the rest by 1 / (1 - p). */
    static void dropout(double[] x, double p, SplittableRandom rng) {
        double keep = 1 / (1 - p);
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < p ? 0.0 : x[i] * keep;
        }
    }

    private void proximalStep() {
        double lr = optimizer.learningRate();
        Sparsity.proximalL1(model.spatialProjections(), lr * model.config().lambdaSpatial());
        Sparsity.proximalL1(model.temporalProjections(), lr * model.config().lambdaTemporal());
    }

    /** A Fisher-Yates shuffle of 0..n-1. */
    static int[] shuffle(int n, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The seed of one epoch's shuffle: the run seed and the epoch, mixed. */
    static long epochSeed(long seed, int epoch) {
        long z = seed * 0x9e3779b97f4a7c15L + epoch;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
