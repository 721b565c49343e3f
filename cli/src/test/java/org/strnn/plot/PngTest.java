package org.strnn.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngTest {

    @TempDir
    Path dir;

    private static BufferedImage filled(int w, int h, int rgb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesAPngThatReadsBackPixelForPixel() throws IOException {
        Path file = dir.resolve("a.png");
        Png.write(filled(7, 5, 0x3366CC), file, false);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(7, back.getWidth());
        assertEquals(5, back.getHeight());
        assertEquals(0x3366CC, back.getRGB(6, 4) & 0xFFFFFF);
        assertEquals(List.of("a.png"), listing(), "no temporary file may be left behind");
    }

    @Test
    void refusesToOverwriteAndLeavesTheOriginalByteIdentical() throws IOException {
        Path file = dir.resolve("curves.png");
        Png.write(filled(4, 4, 0xFF0000), file, false);
        byte[] before = Files.readAllBytes(file);

        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> Png.write(filled(4, 4, 0x00FF00), file, false));
        assertTrue(e.getMessage().contains("curves.png"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("curves.png"), listing());
    }

    @Test
    void overwriteReplacesTheFile() throws IOException {
        Path file = dir.resolve("map.png");
        Png.write(filled(4, 4, 0xFF0000), file, false);
        Png.write(filled(6, 3, 0x0000FF), file, true);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(6, back.getWidth());
        assertEquals(0x0000FF, back.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(List.of("map.png"), listing());
    }

    @Test
    void overwriteAlsoWritesANewFile() throws IOException {
        Path file = dir.resolve("new.png");
        Png.write(filled(2, 2, 0x123456), file, true);
        assertEquals(0x123456, ImageIO.read(file.toFile()).getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void aMissingDirectoryFailsWithOneLineNamingTheFile() {
        Path file = dir.resolve("no-such-dir").resolve("x.png");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Png.write(filled(2, 2, 0), file, false));
        assertTrue(e.getMessage().contains("x.png"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aDirectoryIsNotReplacedEvenWithOverwrite() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("out.png"));
        assertThrows(IOException.class, () -> Png.write(filled(2, 2, 0), sub, true));
        assertTrue(Files.isDirectory(sub));
        assertEquals(List.of("out.png"), listing());
    }
}
