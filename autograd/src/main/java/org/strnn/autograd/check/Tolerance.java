package org.strnn.autograd.check;

/**
 * When an analytic and a numeric value agree: {@code |a - n| <= abs + rel * max(|a|, |n|)}.
 *
 * @param abs absolute tolerance, for values near zero
 * @param rel relative tolerance
 */
public record Tolerance(double abs, double rel) {

    /** Central differences in double precision with steps near 1e-6 are good to about 1e-9 relative. */
    public static final Tolerance DEFAULT = new Tolerance(1e-7, 1e-6);

    public Tolerance {
        if (!(abs >= 0) || !(rel >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got abs=" + abs + ", rel=" + rel);
        }
    }

    public boolean accepts(double analytic, double numeric) {
        double diff = Math.abs(analytic - numeric);
        return diff <= bound(analytic, numeric);
    }

    public double bound(double analytic, double numeric) {
        return abs + rel * Math.max(Math.abs(analytic), Math.abs(numeric));
    }
}
