package org.strnn.baseline;

import org.strnn.datasets.SampleSet;

/**
 * Samples as flat feature vectors, standardised with training statistics only: each of the
 * {@code T x n x d} values becomes one feature, and each feature is shifted and scaled by the
 * mean and population standard deviation of the training samples (a constant feature is only
 * shifted), as scikit-learn's {@code StandardScaler} does.
 */
public final class Flat {

    private final double[] mean;
    private final double[] scale;

    private Flat(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** The standardisation fitted on {@code train}. */
    public static Flat fit(double[][] train) {
        int p = train[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : train) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= train.length;
        }
        for (double[] row : train) {
            for (int j = 0; j < p; j++) {
                double c = row[j] - mean[j];
                scale[j] += c * c;
            }
        }
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(scale[j] / train.length);
            scale[j] = sd > 0 ? sd : 1.0;
        }
        return new Flat(mean, scale);
    }

    /** Standardised copies of {@code rows}. */
    public double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] r = new double[rows[i].length];
            for (int j = 0; j < r.length; j++) {
                r[j] = (rows[i][j] - mean[j]) / scale[j];
            }
            out[i] = r;
        }
        return out;
    }

    /** Every sample of {@code data} as one row of {@code T*n*d} raw values. */
    public static double[][] rows(SampleSet data) {
        double[][] out = new double[data.size()][data.sampleLength()];
        for (int i = 0; i < data.size(); i++) {
            data.copySample(i, out[i], 0);
        }
        return out;
    }
}
