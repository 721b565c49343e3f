package org.strnn.datasets;

import org.strnn.layout.Layout;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A labelled set of spatial-temporal samples, stored flat.
 *
 * <p>Sample {@code i} is a volume of {@code steps x vertices x features} values (spec section 1:
 * {@code T x n x d}); value {@code (i, t, v, f)} sits at
 * {@code data[((i * steps + t) * vertices + v) * features + f]}. Labels are class indices in
 * {@code [0, classNames.size())}. The set is immutable: the constructor copies nothing, so callers
 * must hand over arrays they no longer write to.
 *
 * <p>Every sample belongs to a <em>trial</em> (an event, a film clip, an image sequence): samples
 * cut from one trial share its trial id, and no split may put one trial on both sides of it. By
 * default every sample is a trial of its own; readers that cut several samples from one trial say
 * so with {@link #withTrials}.
 */
public final class SampleSet {

    private final double[] data;
    private final int[] labels;
    private final int steps;
    private final int vertices;
    private final int features;
    private final List<String> classNames;
    private final Layout layout;
    private final int[] trials;

    public SampleSet(double[] data, int[] labels, int steps, Layout layout, int features, List<String> classNames) {
        this(data, labels, null, steps, layout, features, classNames);
    }

    private SampleSet(double[] data, int[] labels, int[] trials, int steps, Layout layout, int features,
            List<String> classNames) {
        this.data = Objects.requireNonNull(data, "data");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.classNames = List.copyOf(classNames);
        this.steps = steps;
        this.vertices = layout.size();
        this.features = features;
        if (steps < 1 || features < 1) {
            throw new IllegalArgumentException("a sample needs T >= 1 and d >= 1, got T=" + steps + ", d=" + features);
        }
        long expected = (long) labels.length * steps * vertices * features;
        if (data.length != expected) {
            throw new IllegalArgumentException("sample data holds " + data.length + " values, but " + labels.length
                    + " samples of " + steps + "x" + vertices + "x" + features + " need " + expected);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException("sample " + i + " has label " + labels[i] + ", outside [0, "
                        + this.classNames.size() + ")");
            }
        }
        if (trials == null) {
            trials = new int[labels.length];
            Arrays.setAll(trials, i -> i);
        } else if (trials.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " samples but " + trials.length + " trial ids");
        }
        this.trials = trials;
    }

    /**
     * The same samples, with sample {@code i} cut from trial {@code trials[i]} (any non-negative
     * ids; equal ids mean the same trial). The array is taken over, not copied.
     */
    public SampleSet withTrials(int[] trials) {
        for (int i = 0; i < trials.length; i++) {
            if (trials[i] < 0) {
                throw new IllegalArgumentException("sample " + i + " has trial id " + trials[i] + ", below 0");
            }
        }
        return new SampleSet(data, labels, Objects.requireNonNull(trials, "trials"), steps, layout, features,
                classNames);
    }

    /** The trial that sample {@code i} was cut from. */
    public int trial(int i) {
        return trials[i];
    }

    /** A copy of all trial ids, one per sample. */
    public int[] trials() {
        return trials.clone();
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /** Time slices per sample ({@code T}). */
    public int steps() {
        return steps;
    }

    /** Spatial vertices per slice ({@code n}). */
    public int vertices() {
        return vertices;
    }

    /** Features per vertex ({@code d}). */
    public int features() {
        return features;
    }

    /** Values per sample: {@code T * n * d}. */
    public int sampleLength() {
        return steps * vertices * features;
    }

    public int numClasses() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    public Layout layout() {
        return layout;
    }

    public int label(int i) {
        return labels[i];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    public double get(int i, int t, int v, int f) {
        return data[((i * steps + t) * vertices + v) * features + f];
    }

    /** Copies sample {@code i} ({@code T*n*d} values, t-major) into {@code dst} at {@code offset}. */
    public void copySample(int i, double[] dst, int offset) {
        int len = sampleLength();
        System.arraycopy(data, i * len, dst, offset, len);
    }

    /** Sample {@code i} as {@code double[T][n][d]}. */
    public double[][][] sample(int i) {
        double[][][] out = new double[steps][vertices][features];
        int p = i * sampleLength();
        for (int t = 0; t < steps; t++) {
            for (int v = 0; v < vertices; v++) {
                System.arraycopy(data, p, out[t][v], 0, features);
                p += features;
            }
        }
        return out;
    }

    /** The samples at the given indices, in that order. */
    public SampleSet subset(int[] indices) {
        int len = sampleLength();
        double[] d = new double[indices.length * len];
        int[] y = new int[indices.length];
        int[] g = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(data, indices[k] * len, d, k * len, len);
            y[k] = labels[indices[k]];
            g[k] = trials[indices[k]];
        }
        return new SampleSet(d, y, g, steps, layout, features, classNames);
    }

    /** This set followed by {@code other}; both must have the same shape, layout and classes. */
    public SampleSet concat(SampleSet other) {
        if (other.steps != steps || other.features != features || !other.layout.equals(layout)
                || !other.classNames.equals(classNames)) {
            throw new IllegalArgumentException("cannot join sample sets of different shape: " + describe()
                    + " and " + other.describe());
        }
        double[] d = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, d, data.length, other.data.length);
        int[] y = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, y, labels.length, other.labels.length);
        int offset = Arrays.stream(trials).max().orElse(-1) + 1;
        int[] g = Arrays.copyOf(trials, trials.length + other.trials.length);
        for (int k = 0; k < other.trials.length; k++) {
            g[trials.length + k] = other.trials[k] + offset;
        }
        return new SampleSet(d, y, g, steps, layout, features, classNames);
    }

    /** Samples per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    /** A one-line description of the shape: {@code "1938 samples of T=9 x n=62 x d=5, 3 classes"}. */
    public String describe() {
        return size() + " samples of T=" + steps + " x n=" + vertices + " x d=" + features + ", " + numClasses()
                + " classes";
    }

    @Override
    public String toString() {
        return describe();
    }
}
