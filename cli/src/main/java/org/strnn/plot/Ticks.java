package org.strnn.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * "Nice" axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten, and labels with just enough
 * decimals to tell neighbouring ticks apart.
 */
public final class Ticks {

    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};
    private static final double[] INTEGER_MANTISSAS = {1, 2, 5, 10};

    private Ticks() {
    }

    /**
     * The smallest nice step that cuts {@code span} into at most {@code maxIntervals} intervals.
     *
     * @throws IllegalArgumentException when {@code span} is not finite and positive, or
     *                                  {@code maxIntervals < 1}
     */
    public static double step(double span, int maxIntervals) {
        return step(span, maxIntervals, MANTISSAS);
    }

    /** Like {@link #step(double, int)}, restricted to whole numbers (1, 2, 5, 10, 20 ...). */
    public static double integerStep(double span, int maxIntervals) {
        return Math.max(1.0, step(span, maxIntervals, INTEGER_MANTISSAS));
    }

    private static double step(double span, int maxIntervals, double[] mantissas) {
        if (!(span > 0) || Double.isInfinite(span)) {
            throw new IllegalArgumentException("a tick step needs a finite positive span, got " + span);
        }
        if (maxIntervals < 1) {
            throw new IllegalArgumentException("a tick step needs at least 1 interval, got " + maxIntervals);
        }
        double raw = span / maxIntervals;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : mantissas) {
            double step = m * magnitude;
            if (step >= raw * (1 - 1e-9)) {
                return step;
            }
        }
        return 10 * magnitude;
    }

    /** The multiples of {@code step} that lie in {@code [lo, hi]} (with a little rounding slack). */
    public static double[] at(double lo, double hi, double step) {
        if (!(step > 0) || Double.isInfinite(step) || Double.isNaN(lo) || Double.isNaN(hi) || hi < lo) {
            throw new IllegalArgumentException("no ticks for [" + lo + ", " + hi + "] with step " + step);
        }
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        double[] ticks = new double[(int) Math.max(0, last - first + 1)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = (first + i) * step + 0.0; // + 0.0 turns -0.0 into 0.0
        }
        return ticks;
    }

    /**
     * Axis bounds for data in {@code [lo, hi]}: widened outward to multiples of a nice step with at
     * most {@code maxIntervals} intervals. A zero-width range is first widened around its value.
     * Data within a billionth of a step beyond a multiple (floating-point noise such as
     * {@code 0.30000000000000004}) does not widen the axis by another step.
     *
     * @return {lower bound, upper bound, step}
     */
    public static double[] bounds(double lo, double hi, int maxIntervals) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
            throw new IllegalArgumentException("no axis for the range [" + lo + ", " + hi + "]");
        }
        if (hi == lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.5;
            lo -= pad;
            hi += pad;
        }
        double step = step(hi - lo, maxIntervals);
        for (int i = 0; i < 4; i++) {
            double low = Math.floor(lo / step + 1e-9) * step;
            double high = Math.ceil(hi / step - 1e-9) * step;
            if ((high - low) / step <= maxIntervals + 1e-9) {
                return new double[] {low + 0.0, high + 0.0, step};
            }
            step = step(high - low, maxIntervals);
        }
        return new double[] {Math.floor(lo / step) * step + 0.0, Math.ceil(hi / step) * step + 0.0, step};
    }

    /** {@code value} with as many decimals as {@code step} needs ({@code 0.25 -> "0.25"}, {@code 0.2 -> "0.2"}). */
    public static String label(double value, double step) {
        return String.format(Locale.ROOT, "%." + decimals(step) + "f", value + 0.0);
    }

    static int decimals(double step) {
        for (int d = 0; d < 10; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 10;
    }

    /** {@code value} to three significant digits, without trailing zeros; scientific when very large or small. */
    public static String compact(double value) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        double a = Math.abs(value);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
