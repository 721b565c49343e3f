package org.strnn.datasets.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;

class GreyImageTest {

    @TempDir
    Path dir;

    @Test
    void eightBitGreyIsScaledBy255RowMajor() {
        Path file = Pngs.grey(dir.resolve("g.png"), 3, 2, 0, 51, 255, 102, 153, 204);
        GreyImage image = GreyImage.read(file);
        assertEquals(3, image.width());
        assertEquals(2, image.height());
        assertArrayEquals(new double[] {0, 0.2, 1, 0.4, 0.6, 0.8}, image.pixels(), 1e-15);
        assertEquals(0.4, image.get(0, 1), 1e-15);
        assertEquals(new GreyImage.Size(3, 2), GreyImage.readSize(file));
    }

    @Test
    void sixteenBitGreyIsScaledBy65535() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(0, 0, 0, 65535);
        img.getRaster().setSample(1, 0, 0, 13107);
        GreyImage image = GreyImage.read(Pngs.write(img, dir.resolve("g16.png")));
        assertArrayEquals(new double[] {1.0, 0.2}, image.pixels(), 1e-12);
    }

    @Test
    void rgbBecomesBt601Luma() {
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        img.setRGB(1, 0, 0x00FF00);
        img.setRGB(2, 0, 0x0000FF);
        img.setRGB(3, 0, 0x336699);
        GreyImage image = GreyImage.read(Pngs.write(img, dir.resolve("rgb.png")));
        double expected = (0.299 * 0x33 + 0.587 * 0x66 + 0.114 * 0x99) / 255;
        assertArrayEquals(new double[] {0.299, 0.587, 0.114, expected}, image.pixels(), 1e-12);
    }

    @Test
    void alphaIsIgnored() {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x10808080);
        GreyImage image = GreyImage.read(Pngs.write(img, dir.resolve("rgba.png")));
        assertEquals(128 / 255.0, image.get(0, 0), 1e-12);
    }

    @Test
    void paletteEntriesBecomeLuma() {
        byte[] r = {0, (byte) 255};
        byte[] g = {0, (byte) 128};
        byte[] b = {0, 0};
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(1, 2, r, g, b));
        img.getRaster().setSample(0, 0, 0, 1);
        GreyImage image = GreyImage.read(Pngs.write(img, dir.resolve("pal.png")));
        assertEquals(0.299 + 0.587 * 128 / 255, image.get(0, 0), 1e-12);
        assertEquals(0.0, image.get(1, 0), 0.0);
    }

    @Test
    void corruptAndTruncatedFilesNameTheFile() throws IOException {
        Path garbage = dir.resolve("garbage.png");
        Files.write(garbage, "this is not a png".getBytes());
        assertRejected(garbage, () -> GreyImage.read(garbage));
        assertRejected(garbage, () -> GreyImage.readSize(garbage));

        Path good = Pngs.flat(dir.resolve("good.png"), 40, 40, 7);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertRejected(truncated, () -> GreyImage.read(truncated));

        Path missing = dir.resolve("missing.png");
        assertRejected(missing, () -> GreyImage.read(missing));
    }

    @Test
    void ofCopiesAndChecksShape() {
        double[] px = {0.1, 0.2};
        GreyImage image = GreyImage.of(2, 1, px);
        px[0] = 9;
        assertEquals(0.1, image.get(0, 0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> GreyImage.of(3, 1, px));
        assertThrows(IllegalArgumentException.class, () -> GreyImage.of(0, 1, new double[0]));
    }

    private static void assertRejected(Path file, Runnable read) {
        DatasetException e = assertThrows(DatasetException.class, read::run);
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    }
}
