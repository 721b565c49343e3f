package org.strnn.datasets.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;

class SeedSynthesizerTest {

    @TempDir
    Path tmp;

    private final int[] lengths = MatFixtures.SHORT_LENGTHS;

    private final SeedSynthesizer small = SeedSynthesizer.defaults().withSubjects(2).withSessions(3)
            .withTrialLengths(lengths);

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesWhatTheRealDirectoryHolds() throws IOException {
        Path features = small.write(tmp.resolve("seed"), new SplittableRandom(1));
        assertEquals(tmp.resolve("seed").resolve("ExtractedFeatures"), features);
        List<Path> files = files(features);
        assertEquals(7, files.size());
        assertTrue(files.contains(features.resolve("label.mat")));

        for (Path f : files) {
            if (f.getFileName().toString().equals("label.mat")) {
                continue;
            }
            assertTrue(f.getFileName().toString().matches("[12]_2013\\d{4}\\.mat"), f.toString());
            try (Mat5File mat = Mat5.readFromFile(f.toFile())) {
                assertEquals(30, mat.getNumEntries());
                for (MatFile.Entry e : mat.getEntries()) {
                    int k = Integer.parseInt(e.getName().replaceAll("\\D", ""));
                    assertTrue(e.getName().equals("de_LDS" + k) || e.getName().equals("de_movingAve" + k), e.getName());
                    assertEquals(MatlabType.Double, e.getValue().getType());
                    assertArrayEquals(new int[] {62, lengths[k - 1], 5}, e.getValue().getDimensions(), e.getName());
                }
            }
        }
    }

    @Test
    void everyElementIsZlibCompressedLikeMatlabV7() throws IOException {
        Path features = small.withSubjects(1).withSessions(1).write(tmp.resolve("seed"), new SplittableRandom(1));
        for (Path f : files(features)) {
            ByteBuffer bytes = ByteBuffer.wrap(MatFixtures.bytes(f)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals("MATLAB 5.0 MAT-file", new String(bytes.array(), 0, 19, StandardCharsets.US_ASCII));
            int pos = 128;
            int elements = 0;
            while (pos < bytes.limit()) {
                assertEquals(15, bytes.getInt(pos), "miCOMPRESSED tag of element " + elements + " in " + f);
                pos += 8 + bytes.getInt(pos + 4);
                elements++;
            }
            assertEquals(bytes.limit(), pos, "elements tile the file");
            assertEquals(f.getFileName().toString().equals("label.mat") ? 1 : 30, elements);
        }
    }

    @Test
    void readingBackGivesExactlyWhatWasGenerated() {
        Map<String, double[][][]> generated = new HashMap<>();
        small.generate(new SplittableRandom(7), (subject, date, lds, movingAve) ->
                generated.put(MatFixtures.fileName(subject, date), new double[][][] {lds, movingAve}));
        SeedDirectory dir = SeedDirectory.open(small.write(tmp.resolve("seed"), new SplittableRandom(7)));

        assertEquals(6, generated.size());
        for (int subject : dir.subjects()) {
            for (SeedExperiment e : dir.sessions(subject)) {
                double[][][] want = generated.remove(e.file().getFileName().toString());
                for (FeatureKind kind : FeatureKind.values()) {
                    SeedRecording r = dir.load(e, kind);
                    for (int k = 1; k <= Seed.TRIALS; k++) {
                        assertArrayEquals(want[kind == FeatureKind.DE_LDS ? 0 : 1][k - 1], r.slices(k),
                                e + " " + kind.variable(k));
                    }
                }
            }
        }
        assertTrue(generated.isEmpty(), "every generated session was written: " + generated.keySet());
    }

    @Test
    void sessionsAreOneToTwoWeeksApartInOrder() {
        SeedDirectory dir = SeedDirectory.open(small.write(tmp.resolve("seed"), new SplittableRandom(8)));
        assertEquals(List.of(1, 2), dir.subjects());
        for (int subject : dir.subjects()) {
            List<SeedExperiment> sessions = dir.sessions(subject);
            assertEquals(3, sessions.size());
            for (int i = 1; i < sessions.size(); i++) {
                long days = ChronoUnit.DAYS.between(sessions.get(i - 1).date(), sessions.get(i).date());
                assertTrue(days >= 7 && days <= 14, "gap of " + days + " days");
            }
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherValues() throws IOException {
        SeedSynthesizer one = small.withSubjects(1).withSessions(1);
        Path a = one.write(tmp.resolve("a"), new SplittableRandom(42));
        Path b = one.write(tmp.resolve("b"), new SplittableRandom(42));
        Path c = one.write(tmp.resolve("c"), new SplittableRandom(43));
        for (Path f : files(a)) {
            Path name = f.getFileName();
            assertArrayEquals(MatFixtures.bytes(f), MatFixtures.bytes(b.resolve(name)), name.toString());
        }
        SeedDirectory da = SeedDirectory.open(a);
        SeedDirectory dc = SeedDirectory.open(c);
        double va = da.load(da.sessions(1).get(0), FeatureKind.DE_LDS).value(1, 0, 0, 0);
        double vc = dc.load(dc.sessions(1).get(0), FeatureKind.DE_LDS).value(1, 0, 0, 0);
        assertFalse(va == vc, "seeds 42 and 43 give the same first value " + va);
    }

    @Test
    void valuesArePositiveAndDeLike() {
        SeedDirectory dir = SeedDirectory.open(small.withSubjects(1).withSessions(1)
                .write(tmp.resolve("seed"), new SplittableRandom(9)));
        for (FeatureKind kind : FeatureKind.values()) {
            SeedRecording r = dir.load(dir.sessions(1).get(0), kind);
            double[] bandSum = new double[5];
            int seconds = 0;
            for (int k = 1; k <= 15; k++) {
                for (int s = 0; s < r.length(k); s++, seconds++) {
                    for (int c = 0; c < 62; c++) {
                        for (int b = 0; b < 5; b++) {
                            double v = r.value(k, s, c, b);
                            assertTrue(v > 0 && v < 40, kind + " value " + v);
                            bandSum[b] += v;
                        }
                    }
                }
            }
            for (int b = 0; b < 5; b++) {
                double mean = bandSum[b] / (seconds * 62.0);
                assertEquals(SyntheticDe.BAND_LEVEL[b], mean, 1.0, kind + " band " + b);
            }
        }
    }

    /**
     * A nearest-class-mean rule on time-averaged windows must beat chance (1/3) by far. (With the
     * class pattern switched off it scores about 0.4 here.)
     */
    @Test
    void theClassPatternIsLearnable() {
        SeedSynthesizer synth = SeedSynthesizer.defaults().withSubjects(1).withSessions(2)
                .withTrialLengths(30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30);
        SeedDirectory dir = SeedDirectory.open(synth.write(tmp.resolve("seed"), new SplittableRandom(10)));
        for (Split split : SubjectDependentProtocol.defaults().splits(dir)) {
            double[][] centroid = new double[3][310];
            int[] counts = split.train().classCounts();
            for (int i = 0; i < split.train().size(); i++) {
                double[] x = timeMean(split.train(), i);
                for (int j = 0; j < 310; j++) {
                    centroid[split.train().label(i)][j] += x[j] / counts[split.train().label(i)];
                }
            }
            int correct = 0;
            for (int i = 0; i < split.test().size(); i++) {
                double[] x = timeMean(split.test(), i);
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int y = 0; y < 3; y++) {
                    double d = 0;
                    for (int j = 0; j < 310; j++) {
                        d += (x[j] - centroid[y][j]) * (x[j] - centroid[y][j]);
                    }
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = y;
                    }
                }
                correct += best == split.test().label(i) ? 1 : 0;
            }
            double accuracy = correct / (double) split.test().size();
            assertTrue(accuracy > 0.75, split.name() + " nearest-mean accuracy " + accuracy);
        }
    }

    private static double[] timeMean(SampleSet set, int i) {
        double[] out = new double[310];
        for (int t = 0; t < set.steps(); t++) {
            for (int v = 0; v < 62; v++) {
                for (int f = 0; f < 5; f++) {
                    out[v * 5 + f] += set.get(i, t, v, f) / set.steps();
                }
            }
        }
        return out;
    }

    @Test
    void refusesToWriteIntoANonEmptyDirectory() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("mine"));
        Path precious = Files.writeString(target.resolve("notes.txt"), "do not touch");
        DatasetException e = assertThrows(DatasetException.class, () -> small.write(target, new SplittableRandom(1)));
        assertEquals(target + ": is not empty; refusing to write SEED files into it", e.getMessage());
        assertEquals(List.of(precious), files(target));
        assertEquals("do not touch", Files.readString(precious));
    }

    @Test
    void refusesAFileAsTarget() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "data");
        DatasetException e = assertThrows(DatasetException.class, () -> small.write(file, new SplittableRandom(1)));
        assertTrue(e.getMessage().startsWith(file + ": exists and is not a directory"), e.getMessage());
        assertEquals("data", Files.readString(file));
    }

    @Test
    void writesIntoAnExistingEmptyDirectory() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("empty"));
        Path features = small.withSubjects(1).withSessions(1).write(target, new SplittableRandom(1));
        assertEquals(2, files(features).size());
    }

    @Test
    void rejectsBadConfigurations() {
        SeedSynthesizer d = SeedSynthesizer.defaults();
        assertEquals(15, d.subjects());
        assertEquals(3, d.sessions());
        assertArrayEquals(Seed.trialLengths(), d.trialLengths());
        assertThrows(IllegalArgumentException.class, () -> d.withSubjects(0));
        assertThrows(IllegalArgumentException.class, () -> d.withSessions(0));
        assertThrows(IllegalArgumentException.class, () -> d.withTrialLengths(1, 2, 3));
        int[] zero = Seed.trialLengths();
        zero[4] = 0;
        assertThrows(IllegalArgumentException.class, () -> d.withTrialLengths(zero));
    }

    @Test
    void classGroupsSplitTheHeadLeftMiddleRight() {
        int[] sizes = new int[3];
        for (int c = 0; c < 62; c++) {
            sizes[SyntheticDe.group(c)]++;
        }
        assertArrayEquals(new int[] {18, 26, 18}, sizes);
        assertEquals(0, SyntheticDe.group(5), "F7 is on the left");
        assertEquals(1, SyntheticDe.group(1), "FPZ is in the middle");
        assertEquals(2, SyntheticDe.group(13), "F8 is on the right");
    }
}
