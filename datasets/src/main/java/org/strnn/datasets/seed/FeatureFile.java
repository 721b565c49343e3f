package org.strnn.datasets.seed;

import java.util.HashSet;
import java.util.Set;
import org.strnn.datasets.DatasetException;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Reads one {@code <subject>_<date>.mat} file: the 15 variables {@code <kind.prefix()>1..15}, each
 * a {@code 62 x n_k x 5} array, looked up by name. Other variables in the file are skipped.
 */
final class FeatureFile {

    private FeatureFile() {
    }

    /**
     * Loads the trials of {@code experiment}'s file.
     *
     * @param classes class index of trial {@code k} at index {@code k-1}
     * @throws DatasetException if a variable is missing, has the wrong shape or type, or holds a
     *                          NaN or an infinity, or the file cannot be read
     */
    static SeedRecording read(SeedExperiment experiment, FeatureKind kind, int[] classes) {
        Set<String> names = new HashSet<>();
        for (int k = 1; k <= Seed.TRIALS; k++) {
            names.add(kind.variable(k));
        }
        double[][] trials = new double[Seed.TRIALS][];
        try (MatInput in = MatInput.open(experiment.file(), names::contains)) {
            for (int k = 1; k <= Seed.TRIALS; k++) {
                trials[k - 1] = secondMajor(in, kind.variable(k));
            }
        }
        return new SeedRecording(experiment, kind, trials, classes);
    }

    /**
     * Copies a MATLAB {@code 62 x n x 5} array (column-major: element {@code (c, s, b)} at
     * {@code c + 62 * (s + n * b)}) into second-major order {@code (s * 62 + c) * 5 + b}.
     */
    static double[] secondMajor(MatInput in, String name) {
        Matrix m = in.numeric(name);
        int[] dims = m.getDimensions();
        if (dims.length != 3 || dims[0] != Seed.CHANNELS || dims[2] != Seed.BANDS) {
            throw new DatasetException(in.file(), "variable " + name + " has shape " + MatInput.shape(dims)
                    + ", expected " + Seed.CHANNELS + " x n x " + Seed.BANDS + " (channels x seconds x bands)");
        }
        int n = dims[1];
        double[] out = new double[n * SeedRecording.SLICE];
        int i = 0;
        for (int b = 0; b < Seed.BANDS; b++) {
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < Seed.CHANNELS; c++, i++) {
                    double v = m.getDouble(i);
                    if (!Double.isFinite(v)) {
                        throw new DatasetException(in.file(), "variable " + name + " holds " + v + " at ("
                                + (c + 1) + ", " + (s + 1) + ", " + (b + 1) + ") (channel, second, band; 1-based)");
                    }
                    out[(s * Seed.CHANNELS + c) * Seed.BANDS + b] = v;
                }
            }
        }
        return out;
    }
}
