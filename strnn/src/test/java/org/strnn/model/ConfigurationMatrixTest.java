package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.check.GradCheck;

/**
 * Every configuration of {@link StrnnConfigurations}: the classifier computes the training graph's
 * probabilities, and the whole model's gradient agrees with finite differences.
 */
class ConfigurationMatrixTest {

    static java.util.List<StrnnConfigurations.Case> cases() {
        return StrnnConfigurations.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifierAgreesWithTheModel(StrnnConfigurations.Case c) {
        StrnnConfig config = c.config();
        SplittableRandom rng = new SplittableRandom(c.name().hashCode());
        StrnnModel model = new StrnnModel(config, rng);
        int batch = 4;
        double[] samples = StrnnModelTest.randomSamples(batch, config, rng);
        Tensor probs = Ops.softmax(model.logits(model.input(samples, batch)));
        StrnnClassifier clf = StrnnClassifier.of(model);
        double[] out = new double[batch * config.classes()];
        clf.predict(samples, batch, out);
        assertArrayEquals(probs.data(), out, 1e-12, c.name() + ": batch entry point");
        double[][][][] nested = new double[batch][config.steps()][config.vertices()][config.features()];
        int p = 0;
        for (double[][][] sample : nested) {
            for (double[][] slice : sample) {
                for (double[] vertex : slice) {
                    for (int f = 0; f < vertex.length; f++) {
                        vertex[f] = samples[p++];
                    }
                }
            }
        }
        double[][] each = clf.predict(nested);
        for (int s = 0; s < batch; s++) {
            double[] expected = java.util.Arrays.copyOfRange(probs.data(), s * config.classes(),
                    (s + 1) * config.classes());
            assertArrayEquals(expected, each[s], 1e-12, c.name() + ": sample " + s + " of the nested entry point");
            assertArrayEquals(expected, clf.predict(nested[s]), 1e-12, c.name() + ": sample " + s + " alone");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wholeModelGradientAgreesWithFiniteDifferences(StrnnConfigurations.Case c) {
        StrnnConfig config = c.config();
        SplittableRandom rng = new SplittableRandom(c.name().hashCode() + 1L);
        StrnnModel model = new StrnnModel(config, rng);
        int batch = 3;
        double[] samples = StrnnModelTest.randomSamples(batch, config, rng);
        int[] labels = {0, 1, 2};
        GradCheck.defaults().direction(c.name() + " loss",
                () -> model.loss(model.logits(model.input(samples, batch)), labels), model.namedParameters(), 3, rng);
        GradCheck.defaults().direction(c.name() + " logits",
                () -> model.logits(model.input(samples, batch)), model.namedParameters(), 2, rng);
    }
}
