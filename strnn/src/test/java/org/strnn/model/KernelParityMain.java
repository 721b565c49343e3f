package org.strnn.model;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.strnn.autograd.Parallel;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.kernel.KernelProvider;
import org.strnn.nn.optim.Adam;

/**
 * Run by {@link KernelParityTest} in a child JVM, once with and once without the Vector API
 * module: trains every configuration of {@link #configs} for a few Adam steps and prints, per
 * configuration, a digest of the raw bits of every parameter before and after training and of the
 * classifier's outputs. First line: the kernels in use.
 */
final class KernelParityMain {

    private KernelParityMain() {
    }

    /** Name, configuration, batch and thread count of each run. */
    record Run(String name, StrnnConfig config, int batch, int threads) {
    }

    static List<Run> configs() {
        StrnnConfig tiny = StrnnModelTest.tiny();
        List<Run> runs = new ArrayList<>();
        runs.add(new Run("seed-defaults", StrnnConfig.seedDefaults(), 5, 1));
        runs.add(new Run("seed-defaults-2-threads", StrnnConfig.seedDefaults(), 9, 2));
        runs.add(new Run("tiny", tiny, 7, 1));
        runs.add(new Run("tiny-concat", tiny.toBuilder().merge(Merge.CONCAT).build(), 6, 1));
        runs.add(new Run("tiny-tanh", tiny.toBuilder().activation(org.strnn.autograd.types.Activation.TANH).build(), 7, 2));
        runs.add(new Run("tiny-no-recurrence", tiny.toBuilder().recurrence(false, false).build(), 4, 1));
        return runs;
    }

    public static void main(String[] args) {
        System.out.println("kernels " + KernelProvider.name());
        for (Run run : configs()) {
            System.out.println(run.name() + " " + digests(run));
        }
    }

    /** "initial trained outputs" digests for one run. */
    static String digests(Run run) {
        Parallel.setThreads(run.threads());
        try {
            StrnnConfig config = run.config();
            SplittableRandom rng = new SplittableRandom(17);
            StrnnModel model = new StrnnModel(config, rng);
            double[] samples = StrnnModelTest.randomSamples(run.batch(), config, rng);
            int[] labels = new int[run.batch()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = rng.nextInt(config.classes());
            }
            String initial = digest(values(model));
            Adam adam = new Adam(model.parameters(), 1e-2);
            for (int step = 0; step < 3; step++) {
                model.zeroGrad();
                model.loss(model.logits(model.input(samples, run.batch())), labels).backward();
                adam.step();
            }
            String trained = digest(values(model));
            double[] out = new double[run.batch() * config.classes()];
            StrnnClassifier.of(model).predict(samples, run.batch(), out);
            return initial + " " + trained + " " + digest(Map.of("out", out));
        } finally {
            Parallel.setThreads(1);
        }
    }

    private static Map<String, double[]> values(StrnnModel model) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            out.put(e.getKey(), e.getValue().data());
        }
        return out;
    }

    private static String digest(Map<String, double[]> tensors) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, double[]> e : tensors.entrySet()) {
                md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                double[] data = e.getValue();
                ByteBuffer bytes = ByteBuffer.allocate(8 * data.length);
                for (double v : data) {
                    bytes.putLong(Double.doubleToRawLongBits(v));
                }
                md.update(bytes.array());
            }
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
