package org.strnn.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.datasets.SampleSet;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;
import org.strnn.train.Standardisation;
import org.strnn.train.TrainSettings;
import org.strnn.train.Trainer;
import org.strnn.train.TrainingListener;

/**
 * Attribution on data whose discriminative electrodes are known. {@code SyntheticGenerator}'s
 * task has none by design (its blob moves from sample to sample, so "no single vertex is always
 * diagnostic"), so this test plants them: class c raises feature 0 of one electrode of its own,
 * at every time slice; every other value is noise. A trained model's attribution must rank those
 * three electrodes first, and feature 0 above feature 1. (A 6x6 lattice keeps the test fast.)
 */
class AttributionTest {

    static final Layout LAYOUT = Layouts.lattice(6, 6);
    static final int[] PLANTED = {8, 21, 27};
    static final int STEPS = 3;
    static final int FEATURES = 2;

    static SampleSet planted(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = LAYOUT.size();
        double[] data = new double[count * STEPS * n * FEATURES];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int c = i % 3;
            labels[i] = c;
            for (int t = 0; t < STEPS; t++) {
                for (int v = 0; v < n; v++) {
                    for (int f = 0; f < FEATURES; f++) {
                        double value = rng.nextGaussian();
                        if (f == 0 && v == PLANTED[c]) {
                            value += 2.0;
                        }
                        data[((i * STEPS + t) * n + v) * FEATURES + f] = value;
                    }
                }
            }
        }
        return new SampleSet(data, labels, STEPS, LAYOUT, FEATURES, List.of("a", "b", "c"));
    }

    static StrnnModel trained(SampleSet train) {
        StrnnConfig config = new StrnnConfig.Builder(LAYOUT, FEATURES, STEPS, 3).sizes(8, 4, 8, 2).build();
        StrnnModel model = new StrnnModel(config, new SplittableRandom(3));
        model.setInputScaling(Standardisation.fit(train));
        new Trainer(model, new TrainSettings(10, 16, 1e-2, 0, 5)).fit(train, null, TrainingListener.SILENT);
        return model;
    }

    @Test
    void gradientTimesInputRanksThePlantedElectrodesFirst() {
        SampleSet train = planted(600, 1);
        SampleSet test = planted(120, 2);
        StrnnModel model = trained(train);
        Attribution.PerClass a = Attribution.perClass(model, test, Attribution.Method.GRADIENT_X_INPUT, 0, 32);
        assertEquals(List.of(40, 40, 40), Arrays.stream(a.counts()).boxed().toList());
        double[] all = a.vertexAll();
        TreeSet<Integer> top = new TreeSet<>(IntStream.range(0, all.length).boxed()
                .sorted((p, q) -> Double.compare(all[q], all[p])).limit(3).toList());
        TreeSet<Integer> expected = new TreeSet<>();
        for (int v : PLANTED) {
            expected.add(v);
        }
        assertEquals(expected, top, "top 3 electrodes by size of class-mean attribution: " + top);
        for (int c = 0; c < 3; c++) {
            double[] f = a.feature(c);
            assertTrue(f[0] > f[1], "feature 0 carries the evidence about class " + c + ": "
                    + Arrays.toString(f));
            // A class's evidence is its own bump and the absence of the others' (in standardised input,
            // a low value at another class's electrode also raises log p_c), so its own electrode is
            // among its three strongest, not necessarily the first.
            double[] v = a.vertex(c);
            List<Integer> classTop = IntStream.range(0, v.length).boxed()
                    .sorted((p, q) -> Double.compare(v[q], v[p])).limit(3).toList();
            assertTrue(classTop.contains(PLANTED[c]), "class " + c + "'s own electrode " + PLANTED[c]
                    + " is among its three strongest: " + classTop);
        }
    }

    @Test
    void integratedGradientsAddUpToTheChangeInLogProbability() {
        SampleSet data = planted(12, 4);
        StrnnModel model = trained(planted(120, 5));
        int len = data.sampleLength();
        double[] samples = new double[4 * len];
        int[] labels = new int[4];
        for (int s = 0; s < 4; s++) {
            data.copySample(s, samples, s * len);
            labels[s] = data.label(s);
        }
        double[] a = Attribution.ofBatch(model, samples, 4, labels, Attribution.Method.INTEGRATED_GRADIENTS, 256);
        Tensor x = model.input(samples, 4);
        double[][] at = Ops.logSoftmax(model.logits(x)).toArray();
        double[][] at0 = Ops.logSoftmax(model.logits(Tensor.constant(x.rows(), x.cols(), new double[x.data().length])))
                .toArray();
        for (int s = 0; s < 4; s++) {
            double sum = 0;
            for (int k = 0; k < len; k++) {
                sum += a[s * len + k];
            }
            double change = at[s][labels[s]] - at0[s][labels[s]];
            assertEquals(change, sum, 0.02 * Math.abs(change) + 0.03, "completeness of sample " + s);
        }
    }
}
