package org.strnn.datasets.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import us.hebi.matlab.mat.format.Mat5;

/** Listing: which files are subject files, how sessions are numbered, what is not SEED. */
class SeedDirectoryTest {

    @TempDir
    Path tmp;

    /** Listing reads only names, so empty placeholder files are enough. */
    private void touch(String... names) throws IOException {
        for (String n : names) {
            Files.createFile(tmp.resolve(n));
        }
    }

    @Test
    void sessionsFollowTheDatesNotTheNameOrder() throws IOException {
        MatFixtures.writeLabels(tmp);
        // Subject 2's dates cross a year boundary, subject 10 sorts before 2 by name.
        touch("2_20140105.mat", "2_20131229.mat", "2_20140112.mat", "10_20131101.mat", "10_20131020.mat");
        SeedDirectory dir = SeedDirectory.open(tmp);

        assertEquals(List.of(2, 10), dir.subjects());
        List<SeedExperiment> s2 = dir.sessions(2);
        assertEquals(List.of(LocalDate.of(2013, 12, 29), LocalDate.of(2014, 1, 5), LocalDate.of(2014, 1, 12)),
                s2.stream().map(SeedExperiment::date).toList());
        assertEquals(List.of(1, 2, 3), s2.stream().map(SeedExperiment::session).toList());
        assertEquals(tmp.resolve("2_20131229.mat"), s2.get(0).file());
        assertEquals("s10-session2", dir.sessions(10).get(1).name());
        assertEquals(tmp.resolve("10_20131101.mat"), dir.sessions(10).get(1).file());
    }

    @Test
    void experimentsTakeTheFirstSessionsOfEverySubject() throws IOException {
        MatFixtures.writeLabels(tmp);
        touch("1_20131027.mat", "1_20131103.mat", "1_20131110.mat", "3_20131001.mat", "3_20131008.mat",
                "3_20131015.mat");
        SeedDirectory dir = SeedDirectory.open(tmp);

        assertEquals(List.of("s01-session1", "s01-session2", "s03-session1", "s03-session2"),
                dir.experiments(SeedSessions.FIRST_TWO).stream().map(SeedExperiment::name).toList());
        assertEquals(6, dir.experiments(SeedSessions.ALL_THREE).size());
    }

    @Test
    void tooFewSessionsForTheSwitchIsAnError() throws IOException {
        MatFixtures.writeLabels(tmp);
        touch("1_20131027.mat", "1_20131103.mat", "4_20131027.mat", "4_20131103.mat");
        SeedDirectory dir = SeedDirectory.open(tmp);
        assertEquals(4, dir.experiments(SeedSessions.FIRST_TWO).size());
        DatasetException e = assertThrows(DatasetException.class, () -> dir.experiments(SeedSessions.ALL_THREE));
        assertTrue(e.getMessage().contains("subject 1 has 2 session file(s)"), e.getMessage());
    }

    @Test
    void otherFilesAreIgnored() throws IOException {
        MatFixtures.writeLabels(tmp);
        touch("1_20131027.mat", "readme.txt", "1_20131027.mat.bak", "1_2013102.mat", "x_20131027.mat",
                "1-20131027.mat", "._1_20131103.mat");
        Files.createDirectory(tmp.resolve("5_20131027.mat"));
        SeedDirectory dir = SeedDirectory.open(tmp);
        assertEquals(List.of(1), dir.subjects());
        assertEquals(1, dir.sessions(1).size());
    }

    @Test
    void acceptsTheParentOfExtractedFeatures() throws IOException {
        Path features = Files.createDirectory(tmp.resolve("ExtractedFeatures"));
        MatFixtures.writeLabels(features);
        Files.createFile(features.resolve("1_20131027.mat"));
        assertEquals(features, SeedDirectory.open(tmp).path());
        assertEquals(features, SeedDirectory.open(features).path());
    }

    @Test
    void readsTheLabelsAsClassIndices() throws IOException {
        MatFixtures.writeLabels(tmp);
        touch("1_20131027.mat");
        assertArrayEquals(new int[] {2, 1, 0, 0, 1, 2, 0, 1, 2, 2, 1, 0, 1, 2, 0},
                SeedDirectory.open(tmp).trialClasses());
    }

    @Test
    void aColumnOfLabelsIsAcceptedToo() throws IOException {
        var label = Mat5.newMatrix(15, 1);
        for (int k = 0; k < 15; k++) {
            label.setDouble(k, Seed.labels()[k]);
        }
        MatFixtures.write(tmp.resolve("label.mat"), Map.of("label", label));
        touch("1_20131027.mat");
        assertEquals(2, SeedDirectory.open(tmp).trialClasses()[0]);
    }

    @Test
    void directoryWithoutSubjectFilesIsNotSeed() throws IOException {
        MatFixtures.writeLabels(tmp);
        touch("readme.txt");
        DatasetException e = assertThrows(DatasetException.class, () -> SeedDirectory.open(tmp));
        assertEquals(tmp + ": not a SEED ExtractedFeatures directory: no <subject>_<yyyymmdd>.mat files",
                e.getMessage());
    }

    @Test
    void directoryWithoutLabelFileIsNotSeed() throws IOException {
        touch("1_20131027.mat");
        DatasetException e = assertThrows(DatasetException.class, () -> SeedDirectory.open(tmp));
        assertEquals(tmp + ": not a SEED ExtractedFeatures directory: no label.mat", e.getMessage());
    }

    @Test
    void missingOrPlainFilePathIsAnError() throws IOException {
        Path nowhere = tmp.resolve("nowhere");
        assertEquals(nowhere + ": no such directory",
                assertThrows(DatasetException.class, () -> SeedDirectory.open(nowhere)).getMessage());
        Path file = Files.createFile(tmp.resolve("file"));
        assertEquals(file + ": is not a directory",
                assertThrows(DatasetException.class, () -> SeedDirectory.open(file)).getMessage());
    }

    @Test
    void impossibleDateInAFileNameIsAnError() throws IOException {
        MatFixtures.writeLabels(tmp);
        touch("1_20131327.mat");
        DatasetException e = assertThrows(DatasetException.class, () -> SeedDirectory.open(tmp));
        assertTrue(e.getMessage().startsWith(tmp.resolve("1_20131327.mat") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("20131327 is not a valid yyyymmdd date"), e.getMessage());
    }

    @Test
    void twoFilesOfOneSubjectOnOneDateAreAnError() throws IOException {
        MatFixtures.writeLabels(tmp);
        touch("1_20131027.mat", "01_20131027.mat");
        DatasetException e = assertThrows(DatasetException.class, () -> SeedDirectory.open(tmp));
        assertTrue(e.getMessage().contains("subject 1 has two files dated 2013-10-27"), e.getMessage());
    }

    @Test
    void badLabelFilesAreErrorsNamingTheFile() throws IOException {
        touch("1_20131027.mat");
        Path labels = tmp.resolve("label.mat");

        MatFixtures.write(labels, Map.of("labels", Mat5.newMatrix(1, 15)));
        assertEquals(labels + ": missing variable label", openMessage());

        MatFixtures.write(labels, Map.of("label", Mat5.newMatrix(1, 14)));
        assertEquals(labels + ": variable label has shape 1x14, expected 1x15", openMessage());

        MatFixtures.write(labels, Map.of("label", Mat5.newMatrix(3, 5)));
        assertEquals(labels + ": variable label has shape 3x5, expected 1x15", openMessage());

        var two = Mat5.newMatrix(1, 15);
        two.setDouble(6, 2);
        MatFixtures.write(labels, Map.of("label", two));
        assertEquals(labels + ": variable label holds 2.0 at trial 7, expected -1, 0 or 1", openMessage());

        var nan = Mat5.newMatrix(1, 15);
        nan.setDouble(0, Double.NaN);
        MatFixtures.write(labels, Map.of("label", nan));
        assertEquals(labels + ": variable label holds NaN at trial 1, expected -1, 0 or 1", openMessage());

        MatFixtures.write(labels, Map.of("label", Mat5.newString("positive")));
        assertEquals(labels + ": variable label is of MATLAB class char, expected a real numeric array",
                openMessage());

        Files.writeString(labels, "1 0 -1 -1 0 1 -1 0 1 1 0 -1 0 1 -1\n".repeat(10));
        assertEquals(labels + ": not a MATLAB level-5 MAT-file", openMessage());
    }

    private String openMessage() {
        return assertThrows(DatasetException.class, () -> SeedDirectory.open(tmp)).getMessage();
    }
}
