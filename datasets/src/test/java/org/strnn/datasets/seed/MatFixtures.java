package org.strnn.datasets.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Matrix;

/** Writes hand-made MAT files for the reader tests: known values, odd shapes, broken content. */
final class MatFixtures {

    private MatFixtures() {
    }

    /** Trial lengths short enough for fast tests, all different so that a mix-up shows. */
    static final int[] SHORT_LENGTHS = {12, 10, 11, 13, 10, 14, 12, 11, 15, 10, 12, 13, 11, 14, 10};

    /**
     * A value that encodes its own position, so any mix-up of trial, second, channel, band or kind
     * changes it: {@code kind * 1e7 + trial * 1e5 + second * 100 + channel + band / 8}.
     */
    static double code(FeatureKind kind, int trial, int second, int channel, int band) {
        return kind.ordinal() * 1e7 + trial * 1e5 + second * 100 + channel + band / 8.0;
    }

    /** A {@code channels x n x bands} double array whose MATLAB element (c+1, s+1, b+1) is {@code f(c, s, b)}. */
    static Matrix cube(int channels, int n, int bands, CellValue f) {
        Matrix m = Mat5.newMatrix(new int[] {channels, n, bands});
        for (int b = 0; b < bands; b++) {
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < channels; c++) {
                    m.setDouble(c + channels * (s + n * b), f.at(c, s, b));
                }
            }
        }
        return m;
    }

    interface CellValue {
        double at(int channel, int second, int band);
    }

    /** The 30 variables of a subject file, coded by {@link #code}, in the order de_LDS1..15, de_movingAve1..15. */
    static Map<String, Array> codedFeatures(int[] lengths) {
        Map<String, Array> vars = new LinkedHashMap<>();
        for (FeatureKind kind : FeatureKind.values()) {
            for (int k = 1; k <= Seed.TRIALS; k++) {
                int trial = k;
                vars.put(kind.variable(k), cube(Seed.CHANNELS, lengths[k - 1], Seed.BANDS,
                        (c, s, b) -> code(kind, trial, s, c, b)));
            }
        }
        return vars;
    }

    /** Writes a MAT-file holding {@code vars} in iteration order (compressed, as MATLAB's -v7). */
    static Path write(Path file, Map<String, ? extends Array> vars) {
        Mat5File mat = Mat5.newMatFile();
        vars.forEach(mat::addArray);
        try (mat) {
            Mat5.writeToFile(mat, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@code label.mat} with SEED's labels. */
    static Path writeLabels(Path dir) {
        return writeLabels(dir, Seed.labels());
    }

    static Path writeLabels(Path dir, int[] seedLabels) {
        Matrix label = Mat5.newMatrix(1, seedLabels.length);
        for (int k = 0; k < seedLabels.length; k++) {
            label.setDouble(k, seedLabels[k]);
        }
        return write(dir.resolve("label.mat"), Map.of("label", label));
    }

    /** The file name SEED uses: {@code <subject>_<yyyymmdd>.mat}. */
    static String fileName(int subject, LocalDate date) {
        return subject + "_" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + ".mat";
    }

    /** A directory with label.mat and one coded subject file {@code 1_20131027.mat}; returns the file. */
    static Path codedDirectory(Path dir, int[] lengths) {
        writeLabels(dir);
        return write(dir.resolve("1_20131027.mat"), codedFeatures(lengths));
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
