package org.strnn.autograd.check;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * Generates shapes and values for one property trial, from one seed. Shapes favour the edge cases
 * (1x1, 1xN, Nx1, a single row of batch) about half of the time.
 */
public final class Gen {

    private final long seed;
    private final SplittableRandom random;

    public Gen(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The seed this trial started from. */
    public long seed() {
        return seed;
    }

    /** The trial's random source, for anything else a property needs (e.g. GradCheck's upstream). */
    public RandomGenerator random() {
        return random;
    }

    /** A uniform integer in [lo, hi]. */
    public int intBetween(int lo, int hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        return lo + random.nextInt(hi - lo + 1);
    }

    /** A uniform double in [lo, hi). */
    public double doubleBetween(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /**
     * A shape {rows, cols} with both in [1, max]: a quarter of the time 1xN, a quarter Nx1 (or
     * 1x1 when the draw gives 1), otherwise general.
     */
    public int[] shape(int maxRows, int maxCols) {
        int kind = random.nextInt(4);
        int r = intBetween(1, maxRows);
        int c = intBetween(1, maxCols);
        return switch (kind) {
            case 0 -> new int[] {1, c};
            case 1 -> new int[] {r, 1};
            default -> new int[] {r, c};
        };
    }

    /** Values uniform in [-2, 2). */
    public DMatrixRMaj matrix(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = doubleBetween(-2, 2);
        }
        return m;
    }

    /** Values uniform in [lo, hi). */
    public DMatrixRMaj matrix(int rows, int cols, double lo, double hi) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = doubleBetween(lo, hi);
        }
        return m;
    }

    /**
     * Values in [-2, 2) that keep at least {@code margin} away from {@code kink}, so that finite
     * differences never straddle a point where the derivative jumps (0 for relu and abs).
     */
    public DMatrixRMaj matrixAwayFrom(int rows, int cols, double kink, double margin) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            double x;
            do {
                x = doubleBetween(-2, 2);
            } while (Math.abs(x - kink) < margin);
            m.data[i] = x;
        }
        return m;
    }

    /** Standard normal values. */
    public DMatrixRMaj normal(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextGaussian();
        }
        return m;
    }

    /** {@code n} labels uniform in [0, classes). */
    public int[] labels(int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(classes);
        }
        return y;
    }

    @Override
    public String toString() {
        return "Gen(seed " + Property.hex(seed) + ")";
    }
}
