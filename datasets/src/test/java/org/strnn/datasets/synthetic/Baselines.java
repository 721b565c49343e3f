package org.strnn.datasets.synthetic;

import java.util.random.RandomGenerator;
import org.strnn.layout.Layout;
import org.strnn.datasets.SampleSet;

/**
 * Simple classifiers and feature maps for checking what carries the class in synthetic data. Each
 * feature map throws away one kind of structure; each classifier returns test accuracy.
 */
final class Baselines {

    private Baselines() {
    }

    /** Sample {@code i} of a set as a feature vector. */
    interface FeatureMap {
        double[] apply(SampleSet s, int i);
    }

    /** The whole {@code T*n*d} volume, t-major. */
    static double[] full(SampleSet s, int i) {
        double[] out = new double[s.sampleLength()];
        s.copySample(i, out, 0);
        return out;
    }

    /** The mean over time of each vertex feature ({@code n*d}): no temporal structure. */
    static double[] timeAverage(SampleSet s, int i) {
        int nd = s.vertices() * s.features();
        double[] x = full(s, i);
        double[] out = new double[nd];
        for (int t = 0; t < s.steps(); t++) {
            for (int k = 0; k < nd; k++) {
                out[k] += x[t * nd + k] / s.steps();
            }
        }
        return out;
    }

    /** The mean over vertices of each slice feature ({@code T*d}): no spatial structure. */
    static double[] vertexPool(SampleSet s, int i) {
        int n = s.vertices();
        int d = s.features();
        double[] x = full(s, i);
        double[] out = new double[s.steps() * d];
        for (int t = 0; t < s.steps(); t++) {
            for (int v = 0; v < n; v++) {
                for (int f = 0; f < d; f++) {
                    out[t * d + f] += x[(t * n + v) * d + f] / n;
                }
            }
        }
        return out;
    }

    /**
     * A copy of {@code s} with each sample's slices in a random order: a bag of snapshots, with
     * no temporal order. Shuffle train and test with different generators, or the permutations
     * would pair up across the sets.
     */
    static SampleSet shuffleSlices(SampleSet s, RandomGenerator rng) {
        int len = s.sampleLength();
        int nd = s.vertices() * s.features();
        double[] out = new double[s.size() * len];
        double[] x = new double[len];
        int[] order = new int[s.steps()];
        for (int i = 0; i < s.size(); i++) {
            s.copySample(i, x, 0);
            for (int t = 0; t < order.length; t++) {
                order[t] = t;
            }
            for (int t = order.length - 1; t > 0; t--) {
                int j = rng.nextInt(t + 1);
                int tmp = order[t];
                order[t] = order[j];
                order[j] = tmp;
            }
            for (int t = 0; t < order.length; t++) {
                System.arraycopy(x, order[t] * nd, out, i * len + t * nd, nd);
            }
        }
        return new SampleSet(out, s.labels(), s.steps(), s.layout(), s.features(), s.classNames());
    }

    /**
     * A model that uses the lattice: per slice, the centroid (row, col) of the positive part of the
     * feature-summed map, taken relative to the mean centroid of the sample ({@code 2T} values).
     * It follows the blob wherever the sample's ellipse sits.
     */
    static double[] trackedPath(SampleSet s, int i) {
        Layout layout = s.layout();
        int n = s.vertices();
        int d = s.features();
        double[] x = full(s, i);
        double[] out = new double[2 * s.steps()];
        double meanRow = 0;
        double meanCol = 0;
        for (int t = 0; t < s.steps(); t++) {
            double[] map = new double[n];
            double peak = 0;
            for (int v = 0; v < n; v++) {
                for (int f = 0; f < d; f++) {
                    map[v] += x[(t * n + v) * d + f];
                }
                peak = Math.max(peak, map[v]);
            }
            double mass = 0;
            double row = 0;
            double col = 0;
            for (int v = 0; v < n; v++) {
                double w = Math.max(0, map[v] - 0.5 * peak);
                mass += w;
                row += w * layout.electrode(v).row();
                col += w * layout.electrode(v).col();
            }
            out[2 * t] = mass > 0 ? row / mass : 0;
            out[2 * t + 1] = mass > 0 ? col / mass : 0;
            meanRow += out[2 * t] / s.steps();
            meanCol += out[2 * t + 1] / s.steps();
        }
        for (int t = 0; t < s.steps(); t++) {
            out[2 * t] -= meanRow;
            out[2 * t + 1] -= meanCol;
        }
        return out;
    }

    private static double[][] apply(SampleSet s, FeatureMap m) {
        double[][] out = new double[s.size()][];
        for (int i = 0; i < s.size(); i++) {
            out[i] = m.apply(s, i);
        }
        return out;
    }

    /** Test accuracy of the nearest class mean (Euclidean) on the mapped features. */
    static double nearestCentroid(SampleSet train, SampleSet test, FeatureMap m) {
        double[][] xs = apply(train, m);
        int dim = xs[0].length;
        int classes = train.numClasses();
        double[][] centroid = new double[classes][dim];
        int[] counts = train.classCounts();
        for (int i = 0; i < xs.length; i++) {
            int y = train.label(i);
            for (int k = 0; k < dim; k++) {
                centroid[y][k] += xs[i][k] / counts[y];
            }
        }
        double[][] ts = apply(test, m);
        int correct = 0;
        for (int i = 0; i < ts.length; i++) {
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < classes; c++) {
                double dist = 0;
                for (int k = 0; k < dim; k++) {
                    double diff = ts[i][k] - centroid[c][k];
                    dist += diff * diff;
                }
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = c;
                }
            }
            correct += best == test.label(i) ? 1 : 0;
        }
        return (double) correct / ts.length;
    }

    /**
     * Test accuracy of multinomial logistic regression on standardised features: full-batch
     * gradient descent from zero weights, {@code epochs} steps of size {@code rate}, L2 weight
     * {@code l2}.
     */
    static double logistic(SampleSet train, SampleSet test, FeatureMap m, int epochs, double rate, double l2) {
        double[][] xs = apply(train, m);
        double[][] ts = apply(test, m);
        int dim = xs[0].length;
        int classes = train.numClasses();
        double[] mean = new double[dim];
        double[] std = new double[dim];
        for (double[] x : xs) {
            for (int k = 0; k < dim; k++) {
                mean[k] += x[k] / xs.length;
            }
        }
        for (double[] x : xs) {
            for (int k = 0; k < dim; k++) {
                std[k] += (x[k] - mean[k]) * (x[k] - mean[k]) / xs.length;
            }
        }
        for (int k = 0; k < dim; k++) {
            std[k] = std[k] > 0 ? Math.sqrt(std[k]) : 1;
        }
        for (double[][] set : new double[][][] {xs, ts}) {
            for (double[] x : set) {
                for (int k = 0; k < dim; k++) {
                    x[k] = (x[k] - mean[k]) / std[k];
                }
            }
        }
        double[][] w = new double[classes][dim];
        double[] b = new double[classes];
        double[] p = new double[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[][] gw = new double[classes][dim];
            double[] gb = new double[classes];
            for (int i = 0; i < xs.length; i++) {
                softmax(w, b, xs[i], p);
                p[train.label(i)] -= 1;
                for (int c = 0; c < classes; c++) {
                    double g = p[c] / xs.length;
                    gb[c] += g;
                    for (int k = 0; k < dim; k++) {
                        gw[c][k] += g * xs[i][k];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                b[c] -= rate * gb[c];
                for (int k = 0; k < dim; k++) {
                    w[c][k] -= rate * (gw[c][k] + l2 * w[c][k]);
                }
            }
        }
        int correct = 0;
        for (int i = 0; i < ts.length; i++) {
            softmax(w, b, ts[i], p);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            correct += best == test.label(i) ? 1 : 0;
        }
        return (double) correct / ts.length;
    }

    private static void softmax(double[][] w, double[] b, double[] x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double z = b[c];
            for (int k = 0; k < x.length; k++) {
                z += w[c][k] * x[k];
            }
            out[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < w.length; c++) {
            out[c] /= sum;
        }
    }
}
