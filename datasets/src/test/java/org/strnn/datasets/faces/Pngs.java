package org.strnn.datasets.faces;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Writes small test images. */
final class Pngs {

    private Pngs() {
    }

    /** An 8-bit grey PNG from row-major levels 0..255. */
    static Path grey(Path file, int width, int height, int... levels) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, levels[y * width + x]);
            }
        }
        return write(image, file);
    }

    /** A constant 8-bit grey PNG. */
    static Path flat(Path file, int width, int height, int level) {
        int[] levels = new int[width * height];
        Arrays.fill(levels, level);
        return grey(file, width, height, levels);
    }

    static Path write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
