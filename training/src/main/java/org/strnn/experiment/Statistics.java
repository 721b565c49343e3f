package org.strnn.experiment;

/**
 * The statistics every result table uses: means, the population standard deviation of a set of
 * runs (as the SEED literature reports it), and the mean paired difference between two models over
 * the same runs with its 95 % Student-t interval. One copy, so that {@code experiment}, {@code sweep
 * collect} and the documentation's tables agree to the digit.
 */
public final class Statistics {

    private Statistics() {
    }

    public static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /** Population standard deviation (divides by n); 0 for one value. */
    public static double std(double[] xs) {
        return Math.sqrt(sumOfSquares(xs) / xs.length);
    }

    /** Sample standard deviation (divides by n - 1); NaN for fewer than two values. */
    public static double sampleStd(double[] xs) {
        return xs.length < 2 ? Double.NaN : Math.sqrt(sumOfSquares(xs) / (xs.length - 1));
    }

    private static double sumOfSquares(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return s;
    }

    /**
     * The mean of {@code a[i] - b[i]} over paired runs (the same seed and fold), with the two-sided
     * 95 % t interval {@code mean ± t(0.975, n - 1) * sd / sqrt(n)}; the interval is NaN for one pair.
     */
    public record Paired(int n, double mean, double low, double high) {

        /** Whether the interval lies wholly above or below 0. */
        public boolean excludesZero() {
            return low > 0 || high < 0;
        }
    }

    public static Paired paired(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("paired differences need two lists of the same, non-zero length, got "
                    + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        double m = mean(d);
        if (d.length < 2) {
            return new Paired(1, m, Double.NaN, Double.NaN);
        }
        double half = tQuantile(0.975, d.length - 1) * sampleStd(d) / Math.sqrt(d.length);
        return new Paired(d.length, m, m - half, m + half);
    }

    /** The {@code p} quantile of Student's t distribution with {@code df} degrees of freedom (0 < p < 1). */
    public static double tQuantile(double p, double df) {
        if (!(p > 0 && p < 1) || !(df > 0)) {
            throw new IllegalArgumentException("t quantile needs 0 < p < 1 and df > 0, got p = " + p + ", df = " + df);
        }
        if (p == 0.5) {
            return 0;
        }
        if (p < 0.5) {
            return -tQuantile(1 - p, df);
        }
        // Bisection on the CDF, which is monotone: 200 halvings reach the last bit of a double.
        double lo = 0;
        double hi = 1;
        while (tCdf(hi, df) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > Math.ulp(hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (tCdf(mid, df) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Student's t CDF: for t >= 0, 1 - I_x(df/2, 1/2) / 2 with x = df / (df + t^2). */
    public static double tCdf(double t, double df) {
        double x = df / (df + t * t);
        double tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The regularized incomplete beta function I_x(a, b), by its continued fraction (modified Lentz). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - regularizedBeta(1 - x, b, a);
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        double tiny = 1e-300;
        double f = 1;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        f = d;
        for (int m = 1; m <= 10_000; m++) {
            double num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            f *= c * d;
            num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(lnFront) * f / a;
    }

    /** ln Γ(z) for z > 0, by the Lanczos approximation (g = 7, nine coefficients). */
    static double logGamma(double z) {
        if (z < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        z -= 1;
        double x = c[0];
        for (int i = 1; i < 9; i++) {
            x += c[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
    }
}
