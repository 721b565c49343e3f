package org.strnn.datasets.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;

class CkPlusEmotionTest {

    @TempDir
    Path dir;

    @Test
    void codesMapToClassesInCkPlusOrder() {
        assertEquals(List.of("anger", "contempt", "disgust", "fear", "happy", "sadness", "surprise"),
                CkPlusEmotion.classNames());
        for (int code = 1; code <= 7; code++) {
            CkPlusEmotion e = CkPlusEmotion.ofCode(code);
            assertEquals(code, e.code());
            assertEquals(code - 1, e.classIndex());
        }
        assertThrows(IllegalArgumentException.class, () -> CkPlusEmotion.ofCode(0));
        assertThrows(IllegalArgumentException.class, () -> CkPlusEmotion.ofCode(8));
    }

    @Test
    void readsCkPlusFloatFormat() {
        assertEquals(CkPlusEmotion.DISGUST, read("   3.0000000e+00\n"));
        assertEquals(CkPlusEmotion.ANGER, read("1.0000000e+00"));
        assertEquals(CkPlusEmotion.SURPRISE, read("7"));
        assertEquals(CkPlusEmotion.HAPPY, read("\t5.0\r\n"));
    }

    @Test
    void rejectsBadLabelsNamingTheFile() {
        assertBad("", "empty");
        assertBad("   \n", "empty");
        assertBad("abc", "not a number");
        assertBad("3d", "not a number");
        assertBad("NaN", "not a number");
        assertBad("3.5", "not a whole");
        assertBad("0.0000000e+00", "outside");
        assertBad("8", "outside");
        assertBad("-1", "outside");
        assertBad("3 4", "2 values");
    }

    @Test
    void missingFileIsADatasetException() {
        Path missing = dir.resolve("nope_emotion.txt");
        DatasetException e = assertThrows(DatasetException.class, () -> CkPlusEmotion.read(missing));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
    }

    private CkPlusEmotion read(String content) {
        return CkPlusEmotion.read(Pngs.text(dir.resolve("S005_001_00000011_emotion.txt"), content));
    }

    private void assertBad(String content, String problem) {
        Path file = Pngs.text(dir.resolve("bad_emotion.txt"), content);
        DatasetException e = assertThrows(DatasetException.class, () -> CkPlusEmotion.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), "'" + content + "' gave: " + e.getMessage());
    }
}
