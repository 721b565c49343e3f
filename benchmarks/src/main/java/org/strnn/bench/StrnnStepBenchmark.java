package org.strnn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.strnn.autograd.Parallel;
import org.strnn.autograd.Tensor;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;
import org.strnn.nn.optim.Adam;

/**
 * The whole SEED-default model (spec section 7) on a random batch: the training forward pass
 * (graph recorded), forward + backward, a full training step (forward, backward, Adam), and
 * allocation-free inference through {@link StrnnClassifier}.
 *
 * <pre>
 *   benchmarks/run-jmh StrnnStepBenchmark                       # batch 1, 32, 128; 1 thread
 *   benchmarks/run-jmh StrnnStepBenchmark.trainStep -p batch=32 -p threads=1,2 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class StrnnStepBenchmark {

    @Param({"1", "32", "128"})
    public int batch;

    @Param({"1"})
    public int threads;

    private StrnnModel model;
    private Adam adam;
    private StrnnClassifier classifier;
    private double[] samples;
    private int[] labels;
    private double[] probs;

    @Setup(Level.Trial)
    public void setUp() {
        Parallel.setThreads(threads);
        StrnnConfig config = StrnnConfig.seedDefaults();
        SplittableRandom rng = new SplittableRandom(1);
        model = new StrnnModel(config, rng);
        samples = new double[batch * config.steps() * config.vertices() * config.features()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = rng.nextGaussian();
        }
        labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(config.classes());
        }
        adam = new Adam(model.parameters(), 1e-3);
        classifier = StrnnClassifier.of(model);
        probs = new double[batch * config.classes()];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Parallel.setThreads(1);
    }

    /** Logits and loss with the graph recorded, no backward pass. */
    @Benchmark
    public Tensor forward() {
        return model.loss(model.logits(model.input(samples, batch)), labels);
    }

    /** Forward and backward: every parameter's gradient. */
    @Benchmark
    public Tensor forwardBackward() {
        model.zeroGrad();
        Tensor loss = model.loss(model.logits(model.input(samples, batch)), labels);
        loss.backward();
        return loss;
    }

    /** Forward, backward and an Adam step. */
    @Benchmark
    public Tensor trainStep() {
        model.zeroGrad();
        Tensor loss = model.loss(model.logits(model.input(samples, batch)), labels);
        loss.backward();
        adam.step();
        return loss;
    }

    /** Class probabilities through the allocation-free classifier. */
    @Benchmark
    public double[] infer() {
        classifier.predict(samples, batch, probs);
        return probs;
    }
}
