package org.strnn.datasets.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.strnn.datasets.DatasetException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Writes a synthetic SEED-IV {@code eeg_feature_smooth} folder in the real layout:
 * {@code <session>/<subject>_<date>.mat} holding {@code de_LDS1..24} and {@code de_movingAve1..24},
 * each a {@code 62 x n x 5} double array. Each value is a band baseline, plus an offset that
 * depends on the trial's class ({@link SeedIv#labels(int)}) and the channel, plus Gaussian noise;
 * so the classes are separable, but not trivially. For tests and demonstrations.
 */
public final class SeedIvSynthesizer {

    private SeedIvSynthesizer() {
    }

    /**
     * @param windows trial {@code k}'s number of windows at index {@code k - 1} (24 entries)
     * @return the {@code eeg_feature_smooth} folder
     */
    public static Path write(Path root, int subjects, int sessions, int[] windows, RandomGenerator rng) {
        if (windows.length != SeedIv.TRIALS) {
            throw new IllegalArgumentException("SEED-IV has " + SeedIv.TRIALS + " trials, got " + windows.length);
        }
        Path dir = root.resolve(SeedIv.FEATURES_DIR);
        for (int session = 1; session <= sessions; session++) {
            int[] labels = SeedIv.labels(session);
            Path folder = dir.resolve(Integer.toString(session));
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new DatasetException(folder, "cannot create: " + e.getMessage(), e);
            }
            for (int subject = 1; subject <= subjects; subject++) {
                Mat5File mat = Mat5.newMatFile();
                for (int k = 1; k <= SeedIv.TRIALS; k++) {
                    Matrix lds = Mat5.newMatrix(new int[] {Seed.CHANNELS, windows[k - 1], Seed.BANDS});
                    Matrix ave = Mat5.newMatrix(new int[] {Seed.CHANNELS, windows[k - 1], Seed.BANDS});
                    int label = labels[k - 1];
                    for (int i = 0, n = Seed.CHANNELS * windows[k - 1] * Seed.BANDS; i < n; i++) {
                        int c = i % Seed.CHANNELS;
                        int b = i / (Seed.CHANNELS * windows[k - 1]);
                        double v = 12 - b + 0.6 * label * Math.sin(c + b + label) + rng.nextGaussian();
                        lds.setDouble(i, v);
                        ave.setDouble(i, v + 0.1 * rng.nextGaussian());
                    }
                    mat.addArray("de_movingAve" + k, ave);
                    mat.addArray("de_LDS" + k, lds);
                }
                Path file = folder.resolve(subject + "_2018" + String.format("%02d%02d", session, 10 + subject) + ".mat");
                try (mat) {
                    Mat5.writeToFile(mat, file.toFile());
                } catch (IOException e) {
                    throw new DatasetException(file, "cannot write: " + e.getMessage(), e);
                }
            }
        }
        return dir;
    }
}
