package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Parallel;
import org.strnn.autograd.Tensor;
import org.strnn.nn.optim.Adam;

/**
 * Training gives bit-identical parameters whatever the thread count: ops split their rows into
 * chunks that depend only on the row count and add the chunks' partial sums in chunk order.
 */
class ThreadDeterminismTest {

    @AfterEach
    void singleThreaded() {
        Parallel.setThreads(1);
    }

    /** The parameters after {@code steps} Adam steps on one random batch, with {@code threads} threads. */
    private static Map<String, double[]> train(StrnnConfig config, int batch, int steps, int threads) {
        Parallel.setThreads(threads);
        SplittableRandom rng = new SplittableRandom(42);
        StrnnModel model = new StrnnModel(config, rng);
        double[] samples = StrnnModelTest.randomSamples(batch, config, rng);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(config.classes());
        }
        Adam adam = new Adam(model.parameters(), 1e-2);
        for (int step = 0; step < steps; step++) {
            model.zeroGrad();
            model.loss(model.logits(model.input(samples, batch)), labels).backward();
            adam.step();
        }
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            out.put(e.getKey(), e.getValue().data().clone());
        }
        return out;
    }

    private static void assertBitIdentical(Map<String, double[]> expected, Map<String, double[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), 0.0, what + ": parameter " + name);
        }
    }

    @Test
    void trainingStepsGiveBitIdenticalParametersWithOneTwoAndThreeThreads() {
        // Batch 8 gives 72 rows: every chunked op runs with the full chunk count.
        StrnnConfig config = StrnnConfig.seedDefaults();
        Map<String, double[]> one = train(config, 8, 3, 1);
        Map<String, double[]> initial = train(config, 8, 0, 1);
        assertNotEquals(initial.get("W0")[0], one.get("W0")[0], "training must move the parameters");
        assertBitIdentical(one, train(config, 8, 3, 2), "2 threads");
        assertBitIdentical(one, train(config, 8, 3, 3), "3 threads");
    }

    @Test
    void theClassifierPredictsBitIdenticallyWithOneAndTwoThreads() {
        StrnnConfig config = StrnnConfig.seedDefaults();
        SplittableRandom rng = new SplittableRandom(9);
        StrnnClassifier clf = StrnnClassifier.of(new StrnnModel(config, rng));
        int batch = 11;
        double[] samples = StrnnModelTest.randomSamples(batch, config, rng);
        double[] one = new double[batch * config.classes()];
        double[] two = new double[batch * config.classes()];
        Parallel.setThreads(1);
        clf.predict(samples, batch, one);
        Parallel.setThreads(2);
        clf.predict(samples, batch, two);
        assertArrayEquals(one, two, 0.0);
    }

    @Test
    void everySwitchTrainsBitIdenticallyWithTwoThreads() {
        List<StrnnConfig> configs = new ArrayList<>();
        StrnnConfig tiny = StrnnModelTest.tiny();
        configs.add(tiny);
        configs.add(tiny.toBuilder().merge(Merge.CONCAT).build());
        configs.add(tiny.toBuilder().activation(org.strnn.autograd.types.Activation.TANH).build());
        configs.add(tiny.toBuilder().recurrence(false, false).build());
        for (StrnnConfig c : configs) {
            assertBitIdentical(train(c, 7, 3, 1), train(c, 7, 3, 2), c.describe());
        }
    }
}
