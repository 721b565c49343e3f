package org.strnn.baseline;

/**
 * A linear classifier fitted on standardised flat features: {@code score_c = intercept_c + coef_c . x},
 * the largest score wins. A class with intercept minus infinity (no training sample) is never predicted.
 */
public abstract class Classifier {

    private final double[][] coef;
    private final double[] intercept;

    Classifier(double[][] coef, double[] intercept) {
        this.coef = coef;
        this.intercept = intercept;
    }

    /** The class scores of one feature vector (larger is more likely). */
    public double[] scores(double[] x) {
        double[] s = intercept.clone();
        for (int c = 0; c < s.length; c++) {
            if (s[c] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            for (int j = 0; j < x.length; j++) {
                s[c] += coef[c][j] * x[j];
            }
        }
        return s;
    }

    /** The class with the largest score; the first on ties. */
    public int predict(double[] x) {
        double[] s = scores(x);
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }

    /** A copy of the coefficients, one row per class. */
    public double[][] coefficients() {
        double[][] out = new double[coef.length][];
        for (int c = 0; c < coef.length; c++) {
            out[c] = coef[c].clone();
        }
        return out;
    }

    /** A copy of the intercepts, one per class. */
    public double[] intercepts() {
        return intercept.clone();
    }
}
