package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.check.GradCheck;
import org.strnn.autograd.check.Tolerance;
import org.strnn.layout.Layouts;
import org.strnn.nn.optim.Adam;

class StrnnModelTest {

    /** A tiny configuration, small enough to check by hand: 3x3 grid, d=2, ds=3, Ks=2, T=3, dt=3, Kt=2, C=3. */
    static StrnnConfig tiny() {
        return new StrnnConfig.Builder(Layouts.lattice(3, 3), 2, 3, 3).sizes(3, 2, 3, 2).build();
    }

    static double[] randomSamples(int batch, StrnnConfig c, SplittableRandom rng) {
        double[] x = new double[batch * c.steps() * c.vertices() * c.features()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        return x;
    }

    @Test
    void defaultModelHasTheSpecsParameterNamesShapesAndCount() {
        StrnnModel m = new StrnnModel(StrnnConfig.seedDefaults(), new SplittableRandom(1));
        assertEquals(27_653, m.parameterCount());
        List<String> names = new ArrayList<>(m.namedParameters().keySet());
        assertEquals(List.of("U0", "U1", "U2", "U3", "W0", "W1", "W2", "W3", "b0", "b1", "b2", "b3", "G0", "G1", "G2",
                "G3", "Rf", "Vf", "bf", "Gf", "Rb", "Vb", "bb", "Gb", "Pf", "Pb", "c"), names);
        Map<String, Tensor> p = m.namedParameters();
        assertEquals("30x5", p.get("U0").shape());
        assertEquals("30x30", p.get("W2").shape());
        assertEquals("1x30", p.get("b3").shape());
        assertEquals("62x10", p.get("G1").shape());
        assertEquals("30x300", p.get("Rf").shape());
        assertEquals("30x30", p.get("Vb").shape());
        assertEquals("9x5", p.get("Gf").shape());
        assertEquals("3x150", p.get("Pb").shape());
        assertEquals("1x3", p.get("c").shape());
        for (String bias : List.of("b0", "bf", "bb", "c")) {
            for (double v : p.get(bias).data()) {
                assertEquals(0.0, v, "biases start at zero");
            }
        }
    }

    @Test
    void concatMergeWidensTheTemporalInput() {
        StrnnConfig c = StrnnConfig.seedDefaults().toBuilder().merge(Merge.CONCAT).build();
        StrnnModel m = new StrnnModel(c, new SplittableRandom(1));
        assertEquals("30x1200", m.namedParameters().get("Rf").shape());
    }

    @Test
    void fullJacobianOfTheTinyModel() {
        StrnnConfig c = tiny();
        SplittableRandom rng = new SplittableRandom(3);
        StrnnModel model = new StrnnModel(c, rng);
        int batch = 2;
        double[] samples = randomSamples(batch, c, rng);
        int[] labels = {0, 2};
        // d logits / d every parameter element, and d loss / d every parameter element.
        GradCheck.defaults().jacobian("tiny STRNN logits", () -> model.logits(model.input(samples, batch)),
                model.namedParameters(), rng);
        GradCheck.defaults().jacobian("tiny STRNN loss",
                () -> model.loss(model.logits(model.input(samples, batch)), labels), model.namedParameters(), rng);
    }

    @Test
    void randomDirectionCheckOnTheDefaultSeedModelBeforeAndAfterTraining() {
        StrnnConfig c = StrnnConfig.seedDefaults();
        SplittableRandom rng = new SplittableRandom(11);
        // Xavier weights: large pre-activations keep the finite differences clear of ReLU kinks.
        StrnnModel model = new StrnnModel(c, WeightInit.XAVIER, rng);
        int batch = 2;
        double[] samples = randomSamples(batch, c, rng);
        int[] labels = {1, 2};
        GradCheck check = GradCheck.defaults().withTolerance(new Tolerance(1e-7, 1e-5));
        check.direction("default STRNN at initialisation",
                () -> model.loss(model.logits(model.input(samples, batch)), labels), model.namedParameters(), 3, rng);
        Adam adam = new Adam(model.parameters(), 1e-2);
        for (int step = 0; step < 5; step++) {
            model.zeroGrad();
            model.loss(model.logits(model.input(samples, batch)), labels).backward();
            adam.step();
        }
        check.direction("default STRNN after 5 Adam steps",
                () -> model.loss(model.logits(model.input(samples, batch)), labels), model.namedParameters(), 3, rng);
    }

    /** The default SEED model; {@link ConfigurationMatrixTest} covers every switch on tiny models. */
    @Test
    void classifierComputesTheSameProbabilitiesAsTheTrainingGraph() {
        for (StrnnConfig c : List.of(StrnnConfig.seedDefaults())) {
            SplittableRandom rng = new SplittableRandom(2);
            StrnnModel model = new StrnnModel(c, rng);
            int batch = 5;
            double[] samples = randomSamples(batch, c, rng);
            Tensor probs = org.strnn.autograd.Ops.softmax(model.logits(model.input(samples, batch)));
            StrnnClassifier clf = StrnnClassifier.of(model);
            double[] out = new double[batch * c.classes()];
            clf.predict(samples, batch, out);
            assertArrayEquals(probs.data(), out, 1e-12);
            // One sample through the double[T][n][d] entry point.
            double[][][] one = new double[c.steps()][c.vertices()][c.features()];
            int p = 0;
            for (int t = 0; t < c.steps(); t++) {
                for (int v = 0; v < c.vertices(); v++) {
                    for (int f = 0; f < c.features(); f++) {
                        one[t][v][f] = samples[p++];
                    }
                }
            }
            double[] first = clf.predict(one);
            for (int j = 0; j < c.classes(); j++) {
                assertEquals(probs.get(0, j), first[j], 1e-12);
            }
        }
    }

    @Test
    void inputsAreValidatedAgainstTheConfiguration() {
        StrnnConfig c = tiny();
        StrnnModel model = new StrnnModel(c, new SplittableRandom(1));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> model.input(new double[10], 1));
        assertTrue(shape.getMessage().contains("T=3 x n=9 x d=2"), shape.getMessage());
        double[] x = randomSamples(2, c, new SplittableRandom(1));
        x[c.steps() * c.vertices() * c.features() + 5] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> model.input(x, 2));
        assertTrue(nan.getMessage().startsWith("sample 1 has NaN"), nan.getMessage());
        StrnnClassifier clf = StrnnClassifier.of(model);
        IllegalArgumentException wrongT = assertThrows(IllegalArgumentException.class,
                () -> clf.predict(new double[2][9][2]));
        assertTrue(wrongT.getMessage().contains("expects T=3"), wrongT.getMessage());
    }
}
