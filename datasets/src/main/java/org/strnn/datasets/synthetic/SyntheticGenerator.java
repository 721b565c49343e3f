package org.strnn.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

/**
 * Seeded synthetic spatial-temporal samples whose class is a spatial pattern that moves in time,
 * so that a model must use both the layout and the order of the slices to classify them.
 *
 * <p><b>Shape.</b> Each sample is {@code T x n x d} ({@code steps x layout.size() x features}) on
 * any {@link Layout}; {@link #seedLike()} is SEED's shape ({@code Layouts.seed62()}, {@code T = 9},
 * {@code d = 5}, 3 classes) and {@link #faceLattice} a face lattice ({@code Layouts.lattice(h, w)}).
 *
 * <p><b>The signal.</b> A Gaussian blob (standard deviation {@code sigma} lattice cells) visits
 * {@code T} evenly spaced points on an ellipse around the lattice centre, one point per slice: slot
 * {@code k} sits at angle {@code phi_k = 2 pi k / T}, at row {@code r0 + Rr sin phi_k} and column
 * {@code c0 + Rc cos phi_k} (angle 0 is right of the centre, 90 degrees is below it, so increasing
 * angle is clockwise on a picture with row 0 on top). The centre {@code (r0, c0)} is the middle of
 * the lattice's bounding box, the radii are {@code Rr = 0.55 (rows - 1) / 2} and
 * {@code Rc = 0.55 (cols - 1) / 2}, and {@code sigma = max(0.6, 0.6 * 2 pi min(Rr, Rc) / T)},
 * about half the distance between neighbouring slots (0.92 cells on SEED's 9x9 grid). The class decides only the <em>order</em> of
 * the visits: class {@code c} starts at slot {@code s_c} and steps clockwise ({@code +1}) when
 * {@code c} is even and anticlockwise ({@code -1}) when {@code c} is odd, so at slice {@code t} the
 * blob is at slot {@code (s_c + dir_c * t) mod T}. The start slots are
 * {@code s_c = round(T * floor(c/2) / ceil(C/2))}. Class names say this: {@code "cw0"},
 * {@code "ccw0"}, {@code "cw200"} are clockwise from 0 degrees, anticlockwise from 0 degrees,
 * clockwise from 200 degrees. Feature {@code f} of the blob has the gain
 * {@code 1 - 0.5 f / (d - 1)} (a fixed "band" profile, the same for every class).
 *
 * <p><b>Nuisances, drawn per sample.</b> The ellipse's centre is shifted by up to
 * {@code +-0.3 (rows - 1)} cells in row and {@code +-0.3 (cols - 1)} in column, and all its slots
 * are rotated by up to half a slot, so no single vertex is always diagnostic; the blob's amplitude
 * is uniform in [0.7, 1.3]; a distractor blob (same width, feature gains
 * {@code 0.5 + 0.5 f / (d - 1)}) sits at a uniformly random point of the lattice's bounding box for
 * the whole sample and flickers, its amplitude drawn afresh for every slice, uniform in [0, 1],
 * whatever the class; and every value gets independent Gaussian noise of standard deviation
 * {@code noise}. Each blob's weights are normalised to a constant total over the layout's vertices
 * ({@code 2 pi sigma^2}, the mass of a unit-peak blob on an unbounded lattice), so its peak is about
 * 1 inside the lattice and the edges and holes of a layout do not leak its position into the sum
 * over vertices. The price is that a blob pushed towards an edge or a hole gets taller: on
 * {@code seed62} without noise, the largest value of a slice is about 1.1 at the median, 2.8 at the
 * 99th percentile and 4.3 at worst.
 *
 * <p><b>Why this needs space and time.</b> All classes visit the same set of slots, with the same
 * per-sample rotation, shift and amplitude, and every other nuisance is the same in every class
 * and exchangeable over slices. So, exactly (up to floating-point rounding):
 * <ul>
 *   <li>the time average of each vertex feature has the same distribution in every class: a model
 *       that pools over time sees no class signal;</li>
 *   <li>the unordered set of slices ("bag of snapshots") has the same distribution in every class:
 *       only the order of the slices tells the classes apart;</li>
 *   <li>the sum over vertices of each slice feature has the same distribution in every class (the
 *       blob masses are constant): a model that pools over space sees no class signal.</li>
 * </ul>
 * Only the joint pattern, where the blob is at which slice, carries the class. Because the ellipse
 * moves from sample to sample, a fixed linear template over the raw volume works only in part; a
 * model that follows the blob across neighbouring vertices can do better. (The measured numbers are
 * in {@code SyntheticGeneratorTest}.)
 *
 * <p><b>Determinism.</b> Sample {@code i} has label {@code i mod C}, so classes are balanced and a
 * shorter set is a prefix of a longer one drawn from the same seed. The same {@code rng} state gives
 * bit-identical output (transcendental functions use {@link StrictMath}).
 */
public final class SyntheticGenerator {

    /** The noise level of {@link #seedLike()}. */
    public static final double DEFAULT_NOISE = 1.0;

    private static final double AMPLITUDE_MIN = 0.7;
    private static final double AMPLITUDE_SPAN = 0.6;
    private static final double DISTRACTOR_MAX = 1.0;
    /** Ellipse radii as a fraction of the half-extent of the lattice. */
    private static final double RADIUS_FRACTION = 0.55;
    /** Centre shift bound as a fraction of the lattice extent (rows - 1, cols - 1). */
    private static final double JITTER_FRACTION = 0.3;

    private final Layout layout;
    private final int steps;
    private final int features;
    private final int classes;
    private final double noise;

    private final double centreRow;
    private final double centreCol;
    private final double radiusRow;
    private final double radiusCol;
    private final double jitterRow;
    private final double jitterCol;
    private final double sigma;
    private final double[] signalGain;
    private final double[] distractorGain;
    private final int[] start;
    private final int[] direction;
    private final List<String> classNames;

    /**
     * @param layout   where the vertices sit; its lattice must be at least 3x3
     * @param steps    time slices {@code T >= 3}
     * @param features features per vertex {@code d >= 1}
     * @param classes  {@code 2 <= C <= 2T} classes
     * @param noise    standard deviation of the additive Gaussian noise, {@code >= 0}
     */
    public SyntheticGenerator(Layout layout, int steps, int features, int classes, double noise) {
        this.layout = Objects.requireNonNull(layout, "layout");
        if (layout.rows() < 3 || layout.cols() < 3) {
            throw new IllegalArgumentException("the moving-blob classes need a lattice of at least 3x3, got "
                    + layout);
        }
        if (steps < 3) {
            throw new IllegalArgumentException("telling directions apart needs T >= 3 slices, got " + steps);
        }
        if (features < 1) {
            throw new IllegalArgumentException("need d >= 1 features, got " + features);
        }
        if (classes < 2 || classes > 2 * steps) {
            throw new IllegalArgumentException("T=" + steps + " slices give 2 to " + 2 * steps
                    + " distinct trajectories, asked for " + classes + " classes");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        this.steps = steps;
        this.features = features;
        this.classes = classes;
        this.noise = noise;

        double extentRow = layout.rows() - 1;
        double extentCol = layout.cols() - 1;
        centreRow = extentRow / 2;
        centreCol = extentCol / 2;
        radiusRow = RADIUS_FRACTION * extentRow / 2;
        radiusCol = RADIUS_FRACTION * extentCol / 2;
        jitterRow = JITTER_FRACTION * extentRow;
        jitterCol = JITTER_FRACTION * extentCol;
        // Neighbouring slots are about R * 2 pi / T apart; a blob about that wide moves smoothly.
        double slotSpacing = Math.min(radiusRow, radiusCol) * 2 * Math.PI / steps;
        sigma = Math.max(0.6, 0.6 * slotSpacing);

        signalGain = new double[features];
        distractorGain = new double[features];
        for (int f = 0; f < features; f++) {
            double x = features == 1 ? 0 : (double) f / (features - 1);
            signalGain[f] = 1 - 0.5 * x;
            distractorGain[f] = 0.5 + 0.5 * x;
        }

        start = new int[classes];
        direction = new int[classes];
        List<String> names = new ArrayList<>(classes);
        int starts = (classes + 1) / 2;
        for (int c = 0; c < classes; c++) {
            start[c] = (int) Math.round((double) steps * (c / 2) / starts);
            direction[c] = c % 2 == 0 ? 1 : -1;
            long degrees = Math.round(360.0 * start[c] / steps);
            names.add((direction[c] > 0 ? "cw" : "ccw") + degrees);
        }
        this.classNames = List.copyOf(names);
    }

    /** SEED's shape: {@code Layouts.seed62()}, {@code T = 9}, {@code d = 5}, 3 classes, {@link #DEFAULT_NOISE}. */
    public static SyntheticGenerator seedLike() {
        return new SyntheticGenerator(Layouts.seed62(), 9, 5, 3, DEFAULT_NOISE);
    }

    /** Samples on a face lattice, {@code Layouts.lattice(h, w)}. */
    public static SyntheticGenerator faceLattice(int h, int w, int steps, int features, int classes, double noise) {
        return new SyntheticGenerator(Layouts.lattice(h, w), steps, features, classes, noise);
    }

    /**
     * {@code count} samples of {@code T x n x d}; sample {@code i} has label {@code i mod C}.
     * Consumes {@code rng}; the same state gives the same samples, bit for bit.
     */
    public SampleSet generate(int count, RandomGenerator rng) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        int sampleLength = steps * layout.size() * features;
        double[] data = new double[Math.multiplyExact(count, sampleLength)];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            sample(labels[i], rng, data, i * sampleLength);
        }
        return new SampleSet(data, labels, steps, layout, features, classNames);
    }

    /** Writes one sample of class {@code label} ({@code T*n*d} values, t-major) at {@code offset}. */
    void sample(int label, RandomGenerator rng, double[] dst, int offset) {
        int n = layout.size();
        double[] signal = new double[n];
        double[] distractor = new double[n];
        double rotation = (rng.nextDouble() - 0.5) * 2 * Math.PI / steps;
        double r0 = centreRow + jitterRow * (2 * rng.nextDouble() - 1);
        double c0 = centreCol + jitterCol * (2 * rng.nextDouble() - 1);
        double amplitude = AMPLITUDE_MIN + AMPLITUDE_SPAN * rng.nextDouble();
        blob((layout.rows() - 1) * rng.nextDouble(), (layout.cols() - 1) * rng.nextDouble(), distractor);
        int p = offset;
        for (int t = 0; t < steps; t++) {
            double angle = 2 * Math.PI * slot(label, t) / steps + rotation;
            blob(r0 + radiusRow * StrictMath.sin(angle), c0 + radiusCol * StrictMath.cos(angle), signal);
            double flicker = DISTRACTOR_MAX * rng.nextDouble();
            for (int v = 0; v < n; v++) {
                for (int f = 0; f < features; f++) {
                    dst[p++] = amplitude * signalGain[f] * signal[v] + flicker * distractorGain[f] * distractor[v]
                            + noise * rng.nextGaussian();
                }
            }
        }
    }

    /**
     * A train and a test set drawn from independent streams of {@code seed}: the test set depends
     * only on {@code seed} and {@code testCount}, not on {@code trainCount}. Named
     * {@code "synthetic-<seed>"}.
     */
    public Split split(int trainCount, int testCount, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        RandomGenerator trainRng = root.split();
        RandomGenerator testRng = root.split();
        return new Split("synthetic-" + seed, generate(trainCount, trainRng), generate(testCount, testRng));
    }

    /** Vertex weights of a blob centred at {@code (row, col)}, summing to {@code 2 pi sigma^2}. */
    private void blob(double row, double col, double[] out) {
        double sum = 0;
        for (int v = 0; v < out.length; v++) {
            Layout.Electrode e = layout.electrode(v);
            double dr = e.row() - row;
            double dc = e.col() - col;
            out[v] = StrictMath.exp(-(dr * dr + dc * dc) / (2 * sigma * sigma));
            sum += out[v];
        }
        double scale = sum > 0 ? 2 * Math.PI * sigma * sigma / sum : 0;
        for (int v = 0; v < out.length; v++) {
            out[v] *= scale;
        }
    }

    /** The ring slot ({@code 0..T-1}) class {@code c} visits at slice {@code t}. */
    public int slot(int c, int t) {
        return Math.floorMod(start[c] + direction[c] * t, steps);
    }

    public Layout layout() {
        return layout;
    }

    public int steps() {
        return steps;
    }

    public int features() {
        return features;
    }

    public int classes() {
        return classes;
    }

    public double noise() {
        return noise;
    }

    /** Blob width, in lattice cells. */
    public double sigma() {
        return sigma;
    }

    public List<String> classNames() {
        return classNames;
    }
}
