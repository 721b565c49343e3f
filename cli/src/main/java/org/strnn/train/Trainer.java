package org.strnn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.strnn.autograd.Tensor;
import org.strnn.datasets.SampleSet;
import org.strnn.model.SparsityMode;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;
import org.strnn.nn.Sparsity;
import org.strnn.nn.optim.Adam;
import org.strnn.nn.optim.GradClip;

/**
 * Minibatch training with Adam (spec section 7), evaluating on the test set after every epoch.
 *
 * <p>Each epoch's shuffle comes from its own generator, seeded from the run's seed and the epoch
 * number, so a run resumed from a checkpoint after epoch k sees the same batches as one that
 * never stopped. With {@link SparsityMode#PROXIMAL}, every Adam step is followed by a
 * soft-threshold of the G matrices by {@code lr * lambda}.
 */
public final class Trainer {

    private final StrnnModel model;
    private final TrainSettings settings;
    private final Adam optimizer;
    private final List<Tensor> parameters;
    private final List<EpochStats> history = new ArrayList<>();

    public Trainer(StrnnModel model, TrainSettings settings) {
        this.model = model;
        this.settings = settings;
        this.parameters = model.parameters();
        this.optimizer = new Adam(parameters, settings.learningRate());
    }

    public StrnnModel model() {
        return model;
    }

    public Adam optimizer() {
        return optimizer;
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

    /** Checks that the data fit the model and carry the model's classes. */
    public static void checkCompatible(StrnnConfig config, SampleSet data, String what) {
        if (data.steps() != config.steps() || data.vertices() != config.vertices()
                || data.features() != config.features() || !data.layout().equals(config.layout())) {
            throw new IllegalArgumentException("the " + what + " data (" + data.describe() + " on layout "
                    + data.layout().name() + ") do not fit the model, which expects T=" + config.steps() + " x n="
                    + config.vertices() + " x d=" + config.features() + " on layout " + config.layout().name());
        }
        if (data.numClasses() != config.classes()) {
            throw new IllegalArgumentException("the " + what + " data have " + data.numClasses()
                    + " classes but the model has C=" + config.classes());
        }
    }

    /** Trains until {@code settings.epochs()} epochs are done, reporting to {@code listener}. */
    public List<EpochStats> fit(SampleSet train, SampleSet test, TrainingListener listener) {
        checkCompatible(model.config(), train, "training");
        checkCompatible(model.config(), test, "test");
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training data hold no samples");
        }
        while (history.size() < settings.epochs()) {
            history.add(epoch(history.size() + 1, train, test, listener));
            listener.epochDone(history.get(history.size() - 1));
        }
        return history();
    }

    private EpochStats epoch(int epoch, SampleSet train, SampleSet test, TrainingListener listener) {
        long start = System.nanoTime();
        int n = train.size();
        int[] order = shuffle(n, new SplittableRandom(epochSeed(settings.seed(), epoch)));
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
            model.zeroGrad();
            Tensor logits = model.logits(model.input(data, b));
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
        Evaluation eval = Evaluation.of(StrnnClassifier.of(model), test);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(epoch, lossSum / n, (double) correct / n, eval.loss(), eval.accuracy(), seconds);
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
