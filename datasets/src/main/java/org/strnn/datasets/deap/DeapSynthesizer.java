package org.strnn.datasets.deap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.strnn.datasets.DatasetException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Writes a synthetic DEAP participant file in the real layout: {@code data}, trials x 40 channels
 * x samples at 128 Hz (DEAP's is 40 x 40 x 8064), and {@code labels}, trials x 4 ratings on 1-9.
 * Every channel is noise plus a 10-Hz rhythm whose amplitude grows with the valence rating (and a
 * 20-Hz one with arousal), so valence and arousal can be learnt from alpha and beta DE. For tests.
 */
public final class DeapSynthesizer {

    private DeapSynthesizer() {
    }

    public static Path write(Path file, int trials, int samples, RandomGenerator rng) {
        Matrix data = Mat5.newMatrix(new int[] {trials, Deap.ALL_CHANNELS, samples});
        Matrix labels = Mat5.newMatrix(trials, Deap.RATINGS);
        for (int t = 0; t < trials; t++) {
            double valence = t % 2 == 0 ? 2 + 2 * rng.nextDouble() : 6 + 3 * rng.nextDouble();
            double arousal = (t / 2) % 2 == 0 ? 1 + 3 * rng.nextDouble() : 6 + 3 * rng.nextDouble();
            double[] ratings = {valence, arousal, 1 + 8 * rng.nextDouble(), 1 + 8 * rng.nextDouble()};
            for (int r = 0; r < Deap.RATINGS; r++) {
                labels.setDouble(t + trials * r, ratings[r]);
            }
            for (int c = 0; c < Deap.ALL_CHANNELS; c++) {
                for (int s = 0; s < samples; s++) {
                    double time = s / (double) Deap.RATE;
                    double x = 2 * valence * Math.sin(2 * Math.PI * 10 * time + c)
                            + arousal * Math.sin(2 * Math.PI * 20 * time + 2 * c) + 4 * rng.nextGaussian();
                    data.setDouble(t + trials * (c + Deap.ALL_CHANNELS * s), x);
                }
            }
        }
        Mat5File mat = Mat5.newMatFile();
        mat.addArray("labels", labels);
        mat.addArray("data", data);
        try (mat) {
            Mat5.writeToFile(mat, file.toFile());
        } catch (IOException e) {
            throw new DatasetException(file, "cannot write: " + e.getMessage(), e);
        }
        return file;
    }
}
