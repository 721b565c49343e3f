package org.strnn.baseline;

/** A linear classifier fitted on standardised flat features: one score per class, the largest wins. */
public interface Classifier {

    /** The class scores of one feature vector (larger is more likely). */
    double[] scores(double[] x);

    /** The class with the largest score; the first on ties. */
    default int predict(double[] x) {
        double[] s = scores(x);
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }
}
