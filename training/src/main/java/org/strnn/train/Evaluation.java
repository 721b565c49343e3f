package org.strnn.train;

import org.strnn.datasets.SampleSet;
import org.strnn.model.StrnnClassifier;

/**
 * Accuracy, mean cross-entropy and the confusion matrix of a classifier on a sample set.
 *
 * @param samples     how many samples were scored
 * @param loss        mean cross-entropy {@code -log p(y)} (without sparsity terms)
 * @param accuracy    fraction of samples whose most probable class is their label
 * @param confusion   {@code confusion[true][predicted]} counts
 * @param probabilities one row of class probabilities per sample
 */
public record Evaluation(int samples, double loss, double accuracy, int[][] confusion, double[][] probabilities) {

    /** How many samples are scored per forward pass. */
    public static final int BATCH = 256;

    /** Scores every sample of {@code data}. */
    public static Evaluation of(StrnnClassifier classifier, SampleSet data) {
        int classes = classifier.config().classes();
        int n = data.size();
        int len = data.sampleLength();
        int[][] confusion = new int[classes][classes];
        double[][] probabilities = new double[n][];
        double loss = 0;
        int correct = 0;
        double[] in = new double[Math.min(BATCH, Math.max(1, n)) * len];
        double[] out = new double[Math.min(BATCH, Math.max(1, n)) * classes];
        for (int start = 0; start < n; start += BATCH) {
            int b = Math.min(BATCH, n - start);
            for (int k = 0; k < b; k++) {
                data.copySample(start + k, in, k * len);
            }
            classifier.predict(in, b, out);
            for (int k = 0; k < b; k++) {
                int i = start + k;
                double[] p = new double[classes];
                System.arraycopy(out, k * classes, p, 0, classes);
                probabilities[i] = p;
                int y = data.label(i);
                int best = argmax(p);
                confusion[y][best]++;
                if (best == y) {
                    correct++;
                }
                loss -= Math.log(Math.max(p[y], Double.MIN_NORMAL));
            }
        }
        return new Evaluation(n, n == 0 ? Double.NaN : loss / n, n == 0 ? Double.NaN : (double) correct / n,
                confusion, probabilities);
    }

    /** The index of the largest value; the first one on ties. */
    public static int argmax(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }
}
