package org.strnn.datasets.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;

class CkPlusSynthesizerTest {

    @TempDir
    Path tmp;

    private static final CkPlusSynthesizer SMALL = CkPlusSynthesizer.defaults()
            .withSubjects(3).withSequencesPerSubject(3).withFrames(2, 4).withFrameSize(16, 12);

    @Test
    void writesTheCkPlusLayoutItDescribes() throws IOException {
        Path dir = tmp.resolve("ck");
        CkPlusSynthesizer.Summary summary = SMALL.withUnlabelledFraction(0.3).write(dir, new SplittableRandom(5));
        assertEquals(9, summary.labels().size() + summary.unlabelled().size());

        CkPlusCatalog catalog = CkPlusCatalog.scan(dir);
        assertEquals(summary.unlabelled(), catalog.unlabelled());
        assertEquals(summary.labels().size(), catalog.labelled().size());
        int frames = 0;
        for (CkPlusSequence seq : catalog.labelled()) {
            assertEquals(summary.labels().get(seq.id()), seq.emotion());
            String last = seq.frames().get(seq.frames().size() - 1).getFileName().toString();
            assertEquals(last.replace(".png", "_emotion.txt"), seq.labelFile().getFileName().toString(),
                    "label file is named after the last frame");
            String text = Files.readString(seq.labelFile());
            assertEquals(String.format("   %d.0000000e+00\n", seq.emotion().code()), text);
            assertTrue(seq.frames().size() >= 2 && seq.frames().size() <= 4);
            frames += seq.frames().size();
            assertEquals(new GreyImage.Size(16, 12), GreyImage.readSize(seq.frames().get(0)));
        }
        assertTrue(frames <= summary.frames());
        assertTrue(catalog.labelled().get(0).frames().get(0).getFileName().toString().matches("S005_\\d{3}_00000001\\.png"));
    }

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedDoesNot() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        SMALL.write(a, new SplittableRandom(42));
        SMALL.write(b, new SplittableRandom(42));
        SMALL.write(c, new SplittableRandom(43));
        List<Path> filesA = files(a);
        assertEquals(filesA.stream().map(a::relativize).toList(), files(b).stream().map(b::relativize).toList());
        for (Path f : filesA) {
            assertArrayEquals(bytes(f), bytes(b.resolve(a.relativize(f))), f.toString());
        }
        boolean differs = !filesA.stream().map(a::relativize).toList()
                .equals(files(c).stream().map(c::relativize).toList());
        for (Path f : filesA) {
            Path other = c.resolve(a.relativize(f));
            differs |= !Files.exists(other) || !java.util.Arrays.equals(bytes(f), bytes(other));
        }
        assertTrue(differs, "seeds 42 and 43 wrote identical trees");
    }

    @Test
    void labelsAreBalancedAcrossClasses() {
        CkPlusSynthesizer.Summary s = CkPlusSynthesizer.defaults().withFrames(1, 1).withFrameSize(8, 8)
                .withUnlabelledFraction(0).write(tmp.resolve("bal"), new SplittableRandom(1));
        int[] counts = new int[7];
        s.labels().values().forEach(e -> counts[e.classIndex()]++);
        int min = java.util.Arrays.stream(counts).min().getAsInt();
        int max = java.util.Arrays.stream(counts).max().getAsInt();
        assertEquals(48, s.labels().size());
        assertTrue(max - min <= 1, java.util.Arrays.toString(counts));
        assertTrue(s.unlabelled().isEmpty());
    }

    @Test
    void refusesNonEmptyDirectoryAndFiles() throws IOException {
        Path full = Files.createDirectories(tmp.resolve("full"));
        Path keep = Files.writeString(full.resolve("keep.txt"), "mine");
        CkPlusCatalogTest.assertProblem(full, "not empty", () -> SMALL.write(full, new SplittableRandom(1)));
        assertEquals("mine", Files.readString(keep));
        try (Stream<Path> entries = Files.list(full)) {
            assertEquals(1, entries.count(), "nothing was written");
        }
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CkPlusCatalogTest.assertProblem(file, "not a directory", () -> SMALL.write(file, new SplittableRandom(1)));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        SMALL.write(empty, new SplittableRandom(1));
        assertTrue(Files.isDirectory(empty.resolve("cohn-kanade-images")));
    }

    @Test
    void rejectsNonsenseConfigurations() {
        assertThrows(IllegalArgumentException.class, () -> SMALL.withSubjects(0));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withFrames(3, 2));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withFrameSize(4, 40));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withUnlabelledFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withUnlabelledFraction(Double.NaN));
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
