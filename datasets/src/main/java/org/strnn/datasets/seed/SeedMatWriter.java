package org.strnn.datasets.seed;

import java.io.IOException;
import java.nio.file.Path;
import org.strnn.datasets.DatasetException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Writes files in SEED's format: MATLAB level-5 with every variable zlib-compressed, doubles,
 * {@code label} as 1x15 and features as {@code 62 x n_k x 5}.
 */
final class SeedMatWriter {

    /**
     * Header text after MATLAB's fixed {@code "MATLAB 5.0 MAT-file"}. A fixed text (where MATLAB
     * puts the creation time) makes the files of one seed identical byte for byte.
     */
    private static final String DESCRIPTION = ", Platform: Java, Created by: STRNN SeedSynthesizer";

    private SeedMatWriter() {
    }

    /** Writes {@code label.mat}: {@code label}, a 1x15 double of SEED labels (-1, 0, 1). */
    static void writeLabels(Path file, int[] seedLabels) {
        Matrix label = Mat5.newMatrix(1, seedLabels.length);
        for (int k = 0; k < seedLabels.length; k++) {
            label.setDouble(k, seedLabels[k]);
        }
        MatFile mat = newFile();
        mat.addArray(LabelFile.VARIABLE, label);
        write(file, mat);
    }

    /**
     * Writes a subject file holding, for each trial {@code k}, {@code de_movingAve<k>} then
     * {@code de_LDS<k>} (so readers must look variables up by name).
     *
     * @param lds       trial {@code k} at index {@code k-1}, second-major ({@link SeedRecording})
     * @param movingAve same shape as {@code lds}
     */
    static void writeFeatures(Path file, double[][] lds, double[][] movingAve) {
        MatFile mat = newFile();
        for (int k = 1; k <= lds.length; k++) {
            mat.addArray(FeatureKind.DE_MOVING_AVE.variable(k), toMatlab(movingAve[k - 1]));
            mat.addArray(FeatureKind.DE_LDS.variable(k), toMatlab(lds[k - 1]));
        }
        write(file, mat);
    }

    /** Second-major {@code (s * 62 + c) * 5 + b} to a column-major {@code 62 x n x 5} double array. */
    private static Matrix toMatlab(double[] secondMajor) {
        int n = secondMajor.length / SeedRecording.SLICE;
        Matrix m = Mat5.newMatrix(new int[] {Seed.CHANNELS, n, Seed.BANDS});
        int i = 0;
        for (int b = 0; b < Seed.BANDS; b++) {
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < Seed.CHANNELS; c++, i++) {
                    m.setDouble(i, secondMajor[(s * Seed.CHANNELS + c) * Seed.BANDS + b]);
                }
            }
        }
        return m;
    }

    private static MatFile newFile() {
        // Mat5File's public factory stamps the current time into the header; the protected
        // constructor takes the text to use instead.
        return new Mat5File(DESCRIPTION) {
        };
    }

    private static void write(Path file, MatFile mat) {
        try (mat) {
            Mat5.writeToFile(mat, file.toFile());
        } catch (IOException e) {
            throw new DatasetException(file, "cannot write: " + e.getMessage(), e);
        }
    }
}
