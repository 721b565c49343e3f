package org.strnn.explain;

import java.util.List;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.datasets.SampleSet;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;

/**
 * Data-driven attribution: how much each input value (time slice t, vertex v, feature f) of a
 * sample moves the model's log-probability of a class, computed with the autograd.
 *
 * <p>Attributions are taken in the model's standardised input space {@code z} (see
 * {@link StrnnModel#inputScaling()}), whose origin is the training set's mean. So the reference
 * point is "an average training sample", and a value at its mean gets no attribution:
 * <ul>
 *   <li>gradient x input: {@code a = z * d log p_c / dz} at the sample;</li>
 *   <li>integrated gradients: {@code a = z * mean_k d log p_c / dz (alpha_k z)}, with
 *       {@code alpha_k = (k - 1/2) / m}, k = 1..m (the midpoint rule), so that
 *       {@code sum a ~ log p_c(z) - log p_c(0)} (completeness).</li>
 * </ul>
 * Unlike the size of the G weights, this says what the model uses in these data.
 */
public final class Attribution {

    /** How the attribution is computed. */
    public enum Method {
        GRADIENT_X_INPUT, INTEGRATED_GRADIENTS
    }

    /**
     * Attributions averaged per class over the samples of that class (their true label), towards
     * that class. Arrays per class are {@code T x n x d} in row-major order, as samples are stored.
     *
     * @param classes  class names
     * @param counts   samples per class
     * @param mean     per class, the mean signed attribution
     * @param meanAbs  per class, the mean absolute attribution (how much a value moves single samples)
     */
    public record PerClass(List<String> classes, int[] counts, double[][] mean, double[][] meanAbs, int steps,
                           int vertices, int features) {

        /**
         * Class {@code c}'s evidence per vertex: the size of the class-mean attribution,
         * {@code |mean[c][t, v, f]|}, summed over time and features. Taking the class mean first
         * lets input noise that a model uses either way average out, which a mean of absolute values
         * would keep.
         */
        public double[] vertex(int c) {
            double[] out = new double[vertices];
            for (int k = 0; k < mean[c].length; k++) {
                out[k / features % vertices] += Math.abs(mean[c][k]);
            }
            return out;
        }

        /** Class {@code c}'s evidence per feature (band): {@code |mean[c]|} summed over time and vertices. */
        public double[] feature(int c) {
            double[] out = new double[features];
            for (int k = 0; k < mean[c].length; k++) {
                out[k % features] += Math.abs(mean[c][k]);
            }
            return out;
        }

        /** Class {@code c}'s evidence per time slice: {@code |mean[c]|} summed over vertices and features. */
        public double[] time(int c) {
            double[] out = new double[steps];
            int per = vertices * features;
            for (int k = 0; k < mean[c].length; k++) {
                out[k / per] += Math.abs(mean[c][k]);
            }
            return out;
        }

        /** Each vertex's evidence over all classes: {@code vertex(c)} weighted by class size. */
        public double[] vertexAll() {
            double[] out = new double[vertices];
            int total = 0;
            for (int c = 0; c < classes.size(); c++) {
                double[] m = vertex(c);
                for (int v = 0; v < vertices; v++) {
                    out[v] += counts[c] * m[v];
                }
                total += counts[c];
            }
            for (int v = 0; v < vertices; v++) {
                out[v] /= Math.max(1, total);
            }
            return out;
        }
    }

    private Attribution() {
    }

    /**
     * The attribution of each sample of a batch towards its target class, in sample order
     * ({@code batch x T x n x d}, as {@code samples} holds them).
     *
     * @param steps integrated gradients' number of points (ignored for gradient x input)
     */
    public static double[] ofBatch(StrnnModel model, double[] samples, int batch, int[] targets, Method method,
                                   int steps) {
        Tensor x = model.input(samples, batch);
        double[] z = x.data();
        int classes = model.config().classes();
        double[] mask = new double[batch * classes];
        for (int s = 0; s < batch; s++) {
            mask[s * classes + targets[s]] = 1;
        }
        Tensor onehot = Tensor.constant(batch, classes, mask);
        double[] grad = new double[z.length];
        int points = method == Method.GRADIENT_X_INPUT ? 1 : steps;
        for (int k = 0; k < points; k++) {
            double alpha = method == Method.GRADIENT_X_INPUT ? 1 : (k + 0.5) / points;
            double[] scaled = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                scaled[i] = alpha * z[i];
            }
            Tensor input = Tensor.variable("input", x.rows(), x.cols(), scaled);
            Tensor objective = Ops.sum(Ops.mul(Ops.logSoftmax(model.logits(input)), onehot));
            objective.backward();
            double[] g = input.gradData();
            for (int i = 0; i < z.length; i++) {
                grad[i] += g[i] / points;
            }
            model.zeroGrad();
        }
        return sampleOrder(z, grad, batch, model.config());
    }

    /** {@code z * grad}, from the model's (t, sample) row order to sample-major order. */
    private static double[] sampleOrder(double[] z, double[] grad, int batch, StrnnConfig c) {
        int nd = c.vertices() * c.features();
        int steps = c.steps();
        double[] out = new double[z.length];
        for (int t = 0; t < steps; t++) {
            for (int s = 0; s < batch; s++) {
                int src = (t * batch + s) * nd;
                int dst = (s * steps + t) * nd;
                for (int k = 0; k < nd; k++) {
                    out[dst + k] = z[src + k] * grad[src + k];
                }
            }
        }
        return out;
    }

    /** Attributions towards each sample's true class, averaged per class over {@code data}. */
    public static PerClass perClass(StrnnModel model, SampleSet data, Method method, int steps, int batchSize) {
        int classes = data.numClasses();
        int len = data.sampleLength();
        double[][] mean = new double[classes][len];
        double[][] meanAbs = new double[classes][len];
        int[] counts = new int[classes];
        for (int from = 0; from < data.size(); from += batchSize) {
            int b = Math.min(batchSize, data.size() - from);
            double[] samples = new double[b * len];
            int[] labels = new int[b];
            for (int s = 0; s < b; s++) {
                data.copySample(from + s, samples, s * len);
                labels[s] = data.label(from + s);
            }
            double[] a = ofBatch(model, samples, b, labels, method, steps);
            for (int s = 0; s < b; s++) {
                int c = labels[s];
                counts[c]++;
                for (int k = 0; k < len; k++) {
                    double v = a[s * len + k];
                    mean[c][k] += v;
                    meanAbs[c][k] += Math.abs(v);
                }
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < len; k++) {
                mean[c][k] /= Math.max(1, counts[c]);
                meanAbs[c][k] /= Math.max(1, counts[c]);
            }
        }
        return new PerClass(data.classNames(), counts, mean, meanAbs, data.steps(), data.vertices(), data.features());
    }
}
