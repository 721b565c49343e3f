package org.strnn.datasets.deap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Recording;
import org.strnn.datasets.protocol.Trial;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;

/** DEAP's preprocessed files: shapes, baseline, windows, targets, and the reader's refusals. */
class DeapCorpusTest {

    @TempDir
    Path tmp;

    @Test
    void aFileOfDeapsExactShapeGivesSixtyOneSecondWindowsPerTrial() {
        Path dir = tmp.resolve(DeapCorpus.FEATURES_DIR);
        dir.toFile().mkdirs();
        DeapSynthesizer.write(dir.resolve("s01.mat"), Deap.TRIALS, Deap.SAMPLES, new SplittableRandom(3));
        Corpus c = DeapCorpus.open(tmp, DeapTarget.VALENCE, 5);
        assertEquals(32, c.layout().size());
        assertEquals(List.of("01"), c.subjects());
        Recording r = c.units().get(0).load().get();
        assertEquals(40, r.trials().size());
        for (Trial t : r.trials()) {
            assertEquals(60, t.windows());
            assertEquals(60 * 32 * 5, t.values().length);
        }
        // the synthesizer rates even trials low in valence and odd ones high
        assertEquals(0, r.trials().get(0).label());
        assertEquals(1, r.trials().get(1).label());
        // higher valence means a stronger 10-Hz rhythm: alpha DE of trial 1 above trial 0's
        assertTrue(r.trials().get(1).values()[2] > r.trials().get(0).values()[2]);
    }

    @Test
    void targets() {
        assertEquals(1, DeapTarget.VALENCE.classOf(5.1, 1, 5));
        assertEquals(0, DeapTarget.VALENCE.classOf(5.0, 9, 5));
        assertEquals(1, DeapTarget.AROUSAL.classOf(1, 7, 5));
        assertEquals(0, DeapTarget.AROUSAL.classOf(9, 7, 7));
        assertEquals(List.of("LVLA", "LVHA", "HVLA", "HVHA"), DeapTarget.QUADRANT.classNames());
        assertEquals(2, DeapTarget.QUADRANT.classOf(8, 2, 5));
        assertEquals(3, DeapTarget.QUADRANT.classOf(8, 6, 5));
    }

    private Path file(int trials, int channels, int samples, int labelRows, int labelCols, double badValue,
            boolean withData) {
        Path f = tmp.resolve("s07.mat");
        Mat5File mat = Mat5.newMatFile();
        Matrix labels = Mat5.newMatrix(labelRows, labelCols);
        for (int i = 0; i < labelRows * labelCols; i++) {
            labels.setDouble(i, 3 + i % 5);
        }
        mat.addArray("labels", labels);
        if (withData) {
            Matrix data = Mat5.newMatrix(new int[] {trials, channels, samples});
            for (int i = 0; i < trials * channels * samples; i++) {
                data.setDouble(i, Math.sin(i * 0.37) * 10);
            }
            data.setDouble(trials * channels * samples - 1, badValue);
            mat.addArray("data", data);
        }
        try (mat) {
            Mat5.writeToFile(mat, f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private String problem(Path f) {
        DatasetException e = assertThrows(DatasetException.class,
                () -> DeapCorpus.read(f, DeapTarget.AROUSAL, 5, "s07"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.getMessage().substring(f.toString().length() + 2);
    }

    @Test
    void badFilesAreRefusedInOneLine() throws IOException {
        int samples = 5 * 128;
        Recording ok = DeapCorpus.read(file(3, 40, samples, 3, 4, 1, true), DeapTarget.AROUSAL, 5, "s07");
        assertEquals(2, ok.trials().get(0).windows(), "5 s minus the 3-s baseline");
        assertEquals("missing variable data", problem(file(3, 40, samples, 3, 4, 1, false)));
        assertEquals("variable data has shape 3x31x640, expected trials x channels x samples like 40x40x8064 "
                + "(at least 32 channels and 4 s at 128 Hz)", problem(file(3, 31, samples, 3, 4, 1, true)));
        assertEquals("variable labels has shape 3x2, expected 3x4 (trials x valence, arousal, dominance, liking)",
                problem(file(3, 40, samples, 3, 2, 1, true)));
        // the last element of data is (trial 3, channel 40, last sample): a peripheral channel, not read
        DeapCorpus.read(file(3, 40, samples, 3, 4, Double.NaN, true), DeapTarget.AROUSAL, 5, "s07");
        String nan = problem(file(3, 32, samples, 3, 4, Double.NaN, true));
        assertEquals("variable data holds NaN at trial 3, channel 32 (O2), sample 640 (1-based)", nan);
        Path f = file(3, 40, samples, 3, 4, 1, true);
        byte[] whole = Files.readAllBytes(f);
        for (int cut : new int[] {10, 300, whole.length / 2, whole.length - 1}) {
            Files.write(f, Arrays.copyOf(whole, cut));
            assertTrue(problem(f).contains("truncated"), "cut at " + cut + ": " + problem(f));
        }
    }
}
