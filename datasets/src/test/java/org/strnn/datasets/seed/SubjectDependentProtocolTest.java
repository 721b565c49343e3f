package org.strnn.datasets.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

/** Trials 1-9 train, 10-15 test, windows of T seconds with stride 1. */
class SubjectDependentProtocolTest {

    @TempDir
    Path tmp;

    private final int[] lengths = MatFixtures.SHORT_LENGTHS;

    @Test
    void realTrialLengthsGive1938TrainAnd1336TestSamples() {
        Path features = SeedSynthesizer.defaults().withSubjects(1).withSessions(1)
                .write(tmp.resolve("seed"), new SplittableRandom(1));
        SeedDirectory dir = SeedDirectory.open(features);
        Split split = SubjectDependentProtocol.defaults().load(dir, dir.sessions(1).get(0));

        assertEquals("s01-session1", split.name());
        assertEquals(1938, split.train().size());
        assertEquals(1336, split.test().size());
        // Train: negative trials 3, 4, 7; neutral 2, 5, 8; positive 1, 6, 9 (each loses T - 1 = 8 windows).
        assertArrayEquals(new int[] {206 + 238 + 237 - 24, 233 + 185 + 216 - 24, 235 + 195 + 265 - 24},
                split.train().classCounts());
        // Test: negative trials 12, 15; neutral 11, 13; positive 10, 14.
        assertArrayEquals(new int[] {233 + 206 - 16, 235 + 235 - 16, 237 + 238 - 16}, split.test().classCounts());
        for (SampleSet s : List.of(split.train(), split.test())) {
            assertEquals(9, s.steps());
            assertEquals(62, s.vertices());
            assertEquals(5, s.features());
            assertEquals(Layouts.seed62(), s.layout());
            assertEquals(Seed.CLASS_NAMES, s.classNames());
        }
    }

    @Test
    void sampleCountsFollowFromTheLengths() {
        assertArrayEquals(new int[] {1938, 1336}, SubjectDependentProtocol.defaults().sampleCounts(Seed.trialLengths()));
        assertArrayEquals(new int[] {2010, 1384},
                new SubjectDependentProtocol(1, FeatureKind.DE_LDS, SeedSessions.FIRST_TWO)
                        .sampleCounts(Seed.trialLengths()));
    }

    @Test
    void eachSampleIsTConsecutiveSecondsOfOneTrial() {
        MatFixtures.codedDirectory(tmp, lengths);
        SeedDirectory dir = SeedDirectory.open(tmp);
        for (FeatureKind kind : FeatureKind.values()) {
            int steps = 4;
            Split split = new SubjectDependentProtocol(steps, kind, SeedSessions.FIRST_TWO)
                    .load(dir, dir.sessions(1).get(0));
            checkWindows(split.train(), kind, 1, 9, steps);
            checkWindows(split.test(), kind, 10, 15, steps);
        }
    }

    /** Walks trials first..last and their start seconds in order, comparing every value with its code. */
    private void checkWindows(SampleSet set, FeatureKind kind, int first, int last, int steps) {
        int[] classes = SeedDirectory.open(tmp).trialClasses();
        int i = 0;
        for (int k = first; k <= last; k++) {
            for (int start = 0; start + steps <= lengths[k - 1]; start++, i++) {
                assertEquals(classes[k - 1], set.label(i), "label of sample " + i);
                for (int t = 0; t < steps; t++) {
                    for (int v = 0; v < 62; v++) {
                        for (int f = 0; f < 5; f++) {
                            double want = MatFixtures.code(kind, k, start + t, v, f);
                            if (set.get(i, t, v, f) != want) {
                                throw new AssertionError("sample " + i + " (trial " + k + ", start " + start
                                        + ") at (" + t + ", " + v + ", " + f + "): " + set.get(i, t, v, f)
                                        + " != " + want);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(i, set.size(), "no samples beyond the trials' windows");
    }

    @Test
    void windowOfOneSecondGivesEverySecond() {
        MatFixtures.codedDirectory(tmp, lengths);
        SeedDirectory dir = SeedDirectory.open(tmp);
        Split split = new SubjectDependentProtocol(1, FeatureKind.DE_LDS, SeedSessions.FIRST_TWO)
                .load(dir, dir.sessions(1).get(0));
        assertEquals(Arrays.stream(lengths, 0, 9).sum(), split.train().size());
        assertEquals(Arrays.stream(lengths, 9, 15).sum(), split.test().size());
    }

    @Test
    void trialShorterThanTheWindowIsAnError() {
        Path file = MatFixtures.codedDirectory(tmp, lengths);
        SeedDirectory dir = SeedDirectory.open(tmp);
        SubjectDependentProtocol t11 = new SubjectDependentProtocol(11, FeatureKind.DE_LDS, SeedSessions.FIRST_TWO);
        DatasetException e = assertThrows(DatasetException.class, () -> t11.load(dir, dir.sessions(1).get(0)));
        assertEquals(file + ": trial 2 (de_LDS2) lasts 10 s, shorter than the window of T = 11 s", e.getMessage());
    }

    @Test
    void shortTestTrialIsAnErrorToo() throws IOException {
        int[] oneShort = Seed.trialLengths();
        oneShort[11] = 8;
        Path features = SeedSynthesizer.defaults().withSubjects(1).withSessions(1)
                .withTrialLengths(shrink(oneShort)).write(tmp.resolve("seed"), new SplittableRandom(2));
        SeedDirectory dir = SeedDirectory.open(features);
        SubjectDependentProtocol protocol = new SubjectDependentProtocol(9, FeatureKind.DE_MOVING_AVE,
                SeedSessions.FIRST_TWO);
        DatasetException e = assertThrows(DatasetException.class, () -> protocol.load(dir, dir.sessions(1).get(0)));
        assertTrue(e.getMessage().endsWith("trial 12 (de_movingAve12) lasts 8 s, shorter than the window of T = 9 s"),
                e.getMessage());
    }

    /** Real lengths cut to 20 s, except the ones already shorter, to keep the files small. */
    private static int[] shrink(int[] lengths) {
        return Arrays.stream(lengths).map(n -> Math.min(n, 20)).toArray();
    }

    @Test
    void splitsAreNamedInOrderAndReadOnlyWhenReached() throws IOException {
        Path features = SeedSynthesizer.defaults().withSubjects(2).withSessions(3).withTrialLengths(lengths)
                .write(tmp.resolve("seed"), new SplittableRandom(3));
        SeedDirectory dir = SeedDirectory.open(features);
        SubjectDependentProtocol protocol = SubjectDependentProtocol.defaults();
        List<SeedExperiment> experiments = protocol.experiments(dir);
        assertEquals(List.of("s01-session1", "s01-session2", "s02-session1", "s02-session2"),
                experiments.stream().map(SeedExperiment::name).toList());

        // Delete the last experiment's file after listing: iteration reaches it only at the end.
        Path last = experiments.get(3).file();
        Files.delete(last);
        Iterator<Split> it = protocol.splits(dir).iterator();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Split s = it.next();
            names.add(s.name());
            assertEquals(Arrays.stream(lengths, 0, 9).map(n -> n - 8).sum(), s.train().size());
        }
        assertEquals(List.of("s01-session1", "s01-session2", "s02-session1"), names);
        assertTrue(it.hasNext());
        DatasetException e = assertThrows(DatasetException.class, it::next);
        assertEquals(last + ": no such file", e.getMessage());
    }

    @Test
    void allThreeSessionsIsASwitch() {
        Path features = SeedSynthesizer.defaults().withSubjects(1).withSessions(3).withTrialLengths(lengths)
                .write(tmp.resolve("seed"), new SplittableRandom(4));
        SeedDirectory dir = SeedDirectory.open(features);
        SubjectDependentProtocol all = new SubjectDependentProtocol(9, FeatureKind.DE_LDS, SeedSessions.ALL_THREE);
        List<String> names = new ArrayList<>();
        for (Split s : all.splits(dir)) {
            names.add(s.name());
        }
        assertEquals(List.of("s01-session1", "s01-session2", "s01-session3"), names);
    }

    @Test
    void windowLengthMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new SubjectDependentProtocol(0, FeatureKind.DE_LDS, SeedSessions.FIRST_TWO));
    }
}
