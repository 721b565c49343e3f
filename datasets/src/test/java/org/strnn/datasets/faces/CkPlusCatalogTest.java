package org.strnn.datasets.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;

class CkPlusCatalogTest {

    @TempDir
    Path root;

    private Path frame(String subject, String sequence, String number) {
        return Pngs.flat(root.resolve("cohn-kanade-images").resolve(subject).resolve(sequence)
                .resolve(subject + "_" + sequence + "_" + number + ".png"), 4, 4, 10);
    }

    private Path label(String subject, String sequence, String number, String content) {
        return Pngs.text(root.resolve("Emotion").resolve(subject).resolve(sequence)
                .resolve(subject + "_" + sequence + "_" + number + "_emotion.txt"), content);
    }

    @Test
    void findsLabelledSequencesWithFramesInNumberOrder() throws IOException {
        Path f2 = frame("S005", "001", "00000002");
        Path f10 = frame("S005", "001", "00000010");
        Path f1 = frame("S005", "001", "00000001");
        Pngs.text(f1.resolveSibling(".DS_Store"), "junk");
        Pngs.text(f1.resolveSibling("notes.txt"), "ignored");
        label("S005", "001", "00000010", "   3.0000000e+00\n");
        frame("S005", "002", "00000001");                       // no Emotion dir: unlabelled
        frame("S010", "001", "00000001");
        Files.createDirectories(root.resolve("Emotion/S010/001")); // empty Emotion dir: unlabelled
        frame("S010", "004", "00000001");
        label("S010", "004", "00000001", "7");

        CkPlusCatalog catalog = CkPlusCatalog.scan(root);
        assertEquals(2, catalog.labelled().size());
        CkPlusSequence first = catalog.labelled().get(0);
        assertEquals("S005/001", first.id());
        assertEquals(List.of(f1, f2, f10), first.frames());
        assertEquals(CkPlusEmotion.DISGUST, first.emotion());
        assertEquals("S010/004", catalog.labelled().get(1).id());
        assertEquals(CkPlusEmotion.SURPRISE, catalog.labelled().get(1).emotion());
        assertEquals(List.of("S005/002", "S010/001"), catalog.unlabelled());
        assertEquals(2, catalog.unlabelledCount());
    }

    @Test
    void missingOrWrongRootNamesTheDirectory() throws IOException {
        Path missing = root.resolve("nowhere");
        assertProblem(missing, "no such directory", () -> CkPlusCatalog.scan(missing));
        Path file = Files.writeString(root.resolve("file"), "x");
        assertProblem(file, "not a directory", () -> CkPlusCatalog.scan(file));
        assertProblem(root, "not a CK+ layout: no cohn-kanade-images/", () -> CkPlusCatalog.scan(root));
        Files.createDirectories(root.resolve("cohn-kanade-images"));
        assertProblem(root, "not a CK+ layout: no Emotion/", () -> CkPlusCatalog.scan(root));
        Files.createDirectories(root.resolve("Emotion"));
        assertProblem(root.resolve("cohn-kanade-images"), "no subject directories", () -> CkPlusCatalog.scan(root));
    }

    @Test
    void badFrameNameIsRejected() {
        frame("S005", "001", "00000001");
        Path stray = Pngs.flat(root.resolve("cohn-kanade-images/S005/001/S006_001_00000002.png"), 4, 4, 0);
        root.resolve("Emotion").toFile().mkdirs();
        assertProblem(stray, "not a CK+ frame name", () -> CkPlusCatalog.scan(root));
    }

    @Test
    void duplicateFrameNumberIsRejected() {
        frame("S005", "001", "00000001");
        Path dup = frame("S005", "001", "1");
        root.resolve("Emotion").toFile().mkdirs();
        assertProblem(dup, "same frame number as S005_001_00000001.png", () -> CkPlusCatalog.scan(root));
    }

    @Test
    void twoLabelFilesAreRejected() {
        frame("S005", "001", "00000001");
        label("S005", "001", "00000001", "1");
        label("S005", "001", "00000002", "2");
        assertProblem(root.resolve("Emotion/S005/001"), "2 label files", () -> CkPlusCatalog.scan(root));
    }

    @Test
    void labelForAnotherSequenceIsRejected() {
        frame("S005", "001", "00000001");
        Path wrong = Pngs.text(root.resolve("Emotion/S005/001/S005_002_00000001_emotion.txt"), "1");
        assertProblem(wrong, "does not belong", () -> CkPlusCatalog.scan(root));
    }

    @Test
    void labelWithoutImagesIsRejected() {
        frame("S005", "001", "00000001");
        Path orphan = label("S007", "003", "00000009", "4");
        assertProblem(orphan, "no image directory", () -> CkPlusCatalog.scan(root));
    }

    @Test
    void labelledSequenceWithoutFramesIsRejected() throws IOException {
        frame("S005", "001", "00000001");
        Files.createDirectories(root.resolve("cohn-kanade-images/S005/002"));
        label("S005", "002", "00000001", "4");
        assertProblem(root.resolve("cohn-kanade-images/S005/002"), "no frames", () -> CkPlusCatalog.scan(root));
    }

    @Test
    void badLabelContentIsRejected() {
        frame("S005", "001", "00000001");
        Path bad = label("S005", "001", "00000001", "9.0000000e+00");
        assertProblem(bad, "outside the CK+ codes", () -> CkPlusCatalog.scan(root));
    }

    static void assertProblem(Path where, String problem, Runnable action) {
        DatasetException e = assertThrows(DatasetException.class, action::run);
        assertTrue(e.getMessage().startsWith(where + ": "), "expected it to name " + where + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }
}
