package org.strnn.datasets.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;

/** Reading one subject file: exact values, lookup by name, and every way a file can be bad. */
class FeatureFileTest {

    @TempDir
    Path tmp;

    private final int[] lengths = MatFixtures.SHORT_LENGTHS;

    private SeedRecording load(FeatureKind kind) {
        SeedDirectory dir = SeedDirectory.open(tmp);
        return dir.load(dir.sessions(1).get(0), kind);
    }

    /** Writes a subject file whose variables are the coded ones, changed by {@code edit}. */
    private Path writeEdited(Consumer<Map<String, Array>> edit) {
        MatFixtures.writeLabels(tmp);
        Map<String, Array> vars = MatFixtures.codedFeatures(lengths);
        edit.accept(vars);
        return MatFixtures.write(tmp.resolve("1_20131027.mat"), vars);
    }

    private String loadMessage() {
        return assertThrows(DatasetException.class, () -> load(FeatureKind.DE_LDS)).getMessage();
    }

    @Test
    void everyValueLandsWhereMatlabHasIt() {
        MatFixtures.codedDirectory(tmp, lengths);
        for (FeatureKind kind : FeatureKind.values()) {
            SeedRecording r = load(kind);
            assertEquals(kind, r.kind());
            assertEquals(Seed.TRIALS, r.trials());
            for (int k = 1; k <= Seed.TRIALS; k++) {
                assertEquals(lengths[k - 1], r.length(k));
                for (int s = 0; s < r.length(k); s++) {
                    for (int c = 0; c < Seed.CHANNELS; c++) {
                        for (int b = 0; b < Seed.BANDS; b++) {
                            double want = MatFixtures.code(kind, k, s, c, b);
                            if (r.value(k, s, c, b) != want) {
                                throw new AssertionError(kind.variable(k) + "(" + (c + 1) + "," + (s + 1) + ","
                                        + (b + 1) + "): read " + r.value(k, s, c, b) + ", wrote " + want);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void labelsComeFromLabelMat() {
        MatFixtures.codedDirectory(tmp, lengths);
        SeedRecording r = load(FeatureKind.DE_LDS);
        int[] seed = Seed.labels();
        for (int k = 1; k <= Seed.TRIALS; k++) {
            assertEquals(Seed.classOf(seed[k - 1]), r.label(k));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> r.label(0));
        assertThrows(IndexOutOfBoundsException.class, () -> r.value(1, lengths[0], 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> r.value(1, 0, 62, 0));
    }

    @Test
    void variablesAreFoundByNameWhateverTheirOrderOrCompany() {
        writeEdited(vars -> {
            List<Map.Entry<String, Array>> entries = new ArrayList<>(vars.entrySet());
            Collections.reverse(entries);
            vars.clear();
            vars.put("psd_LDS1", MatFixtures.cube(62, 3, 5, (c, s, b) -> -1));
            vars.put("de_LDS", MatFixtures.cube(62, 3, 5, (c, s, b) -> -2));
            vars.put("de_LDS16", MatFixtures.cube(62, 3, 5, (c, s, b) -> -3));
            for (Map.Entry<String, Array> e : entries) {
                vars.put(e.getKey(), e.getValue());
            }
        });
        SeedRecording r = load(FeatureKind.DE_LDS);
        assertEquals(MatFixtures.code(FeatureKind.DE_LDS, 1, 0, 0, 0), r.value(1, 0, 0, 0));
        assertEquals(MatFixtures.code(FeatureKind.DE_LDS, 10, 9, 61, 4), r.value(10, 9, 61, 4));
        assertEquals(MatFixtures.code(FeatureKind.DE_LDS, 15, 3, 7, 2), r.value(15, 3, 7, 2));
    }

    @Test
    void singlePrecisionIsWidenedExactly() {
        writeEdited(vars -> {
            Matrix single = Mat5.newMatrix(new int[] {62, lengths[2], 5}, MatlabType.Single);
            for (int i = 0; i < single.getNumElements(); i++) {
                single.setFloat(i, i + 0.5f);
            }
            vars.put("de_LDS3", single);
        });
        SeedRecording r = load(FeatureKind.DE_LDS);
        // Element (c=1, s=2, b=3) is column-major index 1 + 62 * (2 + n * 3).
        assertEquals(1 + 62 * (2 + lengths[2] * 3) + 0.5, r.value(3, 2, 1, 3));
    }

    @Test
    void missingVariableIsNamed() {
        Path file = writeEdited(vars -> vars.remove("de_LDS7"));
        assertEquals(file + ": missing variable de_LDS7", loadMessage());
        assertEquals(MatFixtures.code(FeatureKind.DE_MOVING_AVE, 7, 0, 0, 0),
                load(FeatureKind.DE_MOVING_AVE).value(7, 0, 0, 0), "the other kind is still readable");
    }

    @Test
    void wrongShapesSayExpectedAndActual() {
        Path file = writeEdited(vars -> vars.put("de_LDS4", Mat5.newMatrix(62, 200)));
        assertEquals(file + ": variable de_LDS4 has shape 62x200, expected 62 x n x 5 (channels x seconds x bands)",
                loadMessage());

        writeEdited(vars -> vars.put("de_LDS2", Mat5.newMatrix(new int[] {61, 10, 5})));
        assertTrue(loadMessage().contains("variable de_LDS2 has shape 61x10x5, expected 62 x n x 5"));

        writeEdited(vars -> vars.put("de_LDS2", Mat5.newMatrix(new int[] {5, 10, 62})));
        assertTrue(loadMessage().contains("variable de_LDS2 has shape 5x10x62, expected 62 x n x 5"));

        writeEdited(vars -> vars.put("de_LDS2", Mat5.newMatrix(new int[] {62, 10, 5, 2})));
        assertTrue(loadMessage().contains("variable de_LDS2 has shape 62x10x5x2, expected 62 x n x 5"));
    }

    @Test
    void nonNumericVariablesAreRejected() {
        Path file = writeEdited(vars -> vars.put("de_LDS5", Mat5.newString("oops")));
        assertEquals(file + ": variable de_LDS5 is of MATLAB class char, expected a real numeric array",
                loadMessage());

        writeEdited(vars -> vars.put("de_LDS5", Mat5.newCell(1, 2)));
        assertTrue(loadMessage().contains("variable de_LDS5 is of MATLAB class cell"));

        writeEdited(vars -> vars.put("de_LDS5", Mat5.newComplex(new int[] {62, 10, 5})));
        assertTrue(loadMessage().endsWith("variable de_LDS5 is complex, expected a real numeric array"));

        writeEdited(vars -> vars.put("de_LDS5", Mat5.newLogical(new int[] {62, 10, 5})));
        assertTrue(loadMessage().endsWith("variable de_LDS5 is logical, expected a real numeric array"));
    }

    @Test
    void nanAndInfinityAreReportedWithTheirPosition() {
        Path file = writeEdited(vars -> ((Matrix) vars.get("de_LDS6")).setDouble(new int[] {11, 4, 2}, Double.NaN));
        assertEquals(file + ": variable de_LDS6 holds NaN at (12, 5, 3) (channel, second, band; 1-based)",
                loadMessage());

        writeEdited(vars -> ((Matrix) vars.get("de_LDS15")).setDouble(new int[] {61, 9, 4},
                Double.NEGATIVE_INFINITY));
        assertTrue(loadMessage().endsWith("variable de_LDS15 holds -Infinity at (62, 10, 5) (channel, second, band; "
                + "1-based)"));
    }

    @Test
    void truncatedFilesAreReportedAtAnyCut() throws IOException {
        Path file = MatFixtures.codedDirectory(tmp, lengths);
        byte[] whole = MatFixtures.bytes(file);
        for (int cut : new int[] {0, 60, 127, 128, 131, 200, whole.length / 3, whole.length - 1}) {
            Files.write(file, Arrays.copyOf(whole, cut));
            String msg = loadMessage();
            assertTrue(msg.startsWith(file + ": "), msg);
            assertTrue(msg.contains("truncated"), "cut at " + cut + ": " + msg);
            assertFalse(msg.contains("\n"), msg);
        }
    }

    @Test
    void textFileIsNotAMatFile() throws IOException {
        Path file = MatFixtures.codedDirectory(tmp, lengths);
        Files.writeString(file, "subject,trial,value\n".repeat(20), StandardCharsets.US_ASCII);
        assertEquals(file + ": not a MATLAB level-5 MAT-file", loadMessage());
    }

    @Test
    void damagedCompressedDataIsReported() throws IOException {
        Path file = MatFixtures.codedDirectory(tmp, lengths);
        byte[] bytes = MatFixtures.bytes(file);
        // Past the 128-byte header and the first element's 8-byte tag sits its zlib stream.
        for (int i = 150; i < 400; i++) {
            bytes[i] ^= (byte) 0xA5;
        }
        Files.write(file, bytes);
        String msg = loadMessage();
        assertTrue(msg.startsWith(file + ": corrupt MAT-file: bad zlib-compressed data"), msg);
    }

    @Test
    void version73FilesGetAnExplanation() throws IOException {
        Path file = MatFixtures.codedDirectory(tmp, lengths);
        byte[] header = new byte[512];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan 1 00:00:00 2024 HDF5 schema 1.00 ."
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        Files.write(file, header);
        assertTrue(loadMessage().contains("is a MATLAB v7.3 (HDF5) MAT-file"));
    }

    @Test
    void vanishedFileIsReported() throws IOException {
        Path file = MatFixtures.codedDirectory(tmp, lengths);
        SeedDirectory dir = SeedDirectory.open(tmp);
        Files.delete(file);
        DatasetException e = assertThrows(DatasetException.class,
                () -> dir.load(dir.sessions(1).get(0), FeatureKind.DE_LDS));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void emptyTrialIsReadAsZeroSeconds() {
        writeEdited(vars -> vars.put("de_LDS8", Mat5.newMatrix(new int[] {62, 0, 5})));
        assertEquals(0, load(FeatureKind.DE_LDS).length(8));
    }
}
