package org.strnn.datasets.faces;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.strnn.datasets.DatasetException;

/**
 * A grey-level image: {@code height x width} intensities in {@code [0, 1]}, row-major
 * ({@code get(x, y)} is column {@code x} of row {@code y}).
 *
 * <p><b>Grey conversion.</b> Grey images keep their value, scaled by the largest sample of their
 * bit depth (255 for 8-bit, 65535 for 16-bit). Colour images (RGB or a palette) become the ITU-R
 * BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B} of the stored, gamma-encoded values, as most
 * image libraries compute it. Alpha is ignored. No colour-space or gamma correction is applied.
 */
public final class GreyImage {

    /** BT.601 luma weights for R, G and B. */
    public static final double LUMA_R = 0.299;
    public static final double LUMA_G = 0.587;
    public static final double LUMA_B = 0.114;

    /** An image's pixel size as read from its header. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private final int width;
    private final int height;
    private final double[] pixels;

    private GreyImage(int width, int height, double[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** An image from row-major intensities ({@code height * width} values, copied). */
    public static GreyImage of(int width, int height, double[] pixels) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image needs width, height >= 1, got " + width + "x" + height);
        }
        if (pixels.length != (long) width * height) {
            throw new IllegalArgumentException(width + "x" + height + " image needs " + (long) width * height
                    + " pixels, got " + pixels.length);
        }
        return new GreyImage(width, height, pixels.clone());
    }

    /** Wraps an array the caller no longer writes to. */
    static GreyImage wrap(int width, int height, double[] pixels) {
        return new GreyImage(width, height, pixels);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Size size() {
        return new Size(width, height);
    }

    /** The intensity at column {@code x}, row {@code y}. */
    public double get(int x, int y) {
        return pixels[y * width + x];
    }

    /** A copy of the row-major intensities. */
    public double[] pixels() {
        return pixels.clone();
    }

    double[] pixelsNoCopy() {
        return pixels;
    }

    /**
     * Decodes an image file (PNG, or any format javax.imageio reads) to grey. Fails with a
     * {@link DatasetException} naming the file when it cannot be read or decoded.
     */
    public static GreyImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "no such image file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file, "corrupt or unreadable image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new DatasetException(file, "not an image that javax.imageio can decode");
        }
        return fromImage(image, file);
    }

    /**
     * The pixel size from the image header, without decoding the pixels. Fails like
     * {@link #read(Path)}.
     */
    public static Size readSize(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DatasetException(file, "cannot open image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DatasetException(file, "not an image that javax.imageio can decode");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Size(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetException de) {
                throw de;
            }
            throw new DatasetException(file, "corrupt or unreadable image (" + e.getMessage() + ")", e);
        }
    }

    /** Converts a decoded image to grey (see the class comment); {@code source} names it in errors. */
    public static GreyImage fromImage(BufferedImage image, Path source) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        double[] out = new double[w * h];
        int[] row = new int[w];
        if (cm instanceof IndexColorModel palette) {
            double[] lumaOfIndex = new double[palette.getMapSize()];
            for (int i = 0; i < lumaOfIndex.length; i++) {
                lumaOfIndex[i] = luma(palette.getRed(i) / 255.0, palette.getGreen(i) / 255.0,
                        palette.getBlue(i) / 255.0);
            }
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = lumaOfIndex[row[x]];
                }
            }
            return new GreyImage(w, h, out);
        }
        int colourType = cm.getColorSpace().getType();
        int components = cm.getNumColorComponents();
        if (colourType == ColorSpace.TYPE_GRAY && components == 1) {
            double max = maxSample(cm, 0);
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = row[x] / max;
                }
            }
        } else if (colourType == ColorSpace.TYPE_RGB && components == 3) {
            double[] max = {maxSample(cm, 0), maxSample(cm, 1), maxSample(cm, 2)};
            double[] weight = {LUMA_R, LUMA_G, LUMA_B};
            for (int band = 0; band < 3; band++) {
                for (int y = 0; y < h; y++) {
                    raster.getSamples(0, y, w, 1, band, row);
                    for (int x = 0; x < w; x++) {
                        out[y * w + x] += weight[band] * (row[x] / max[band]);
                    }
                }
            }
        } else {
            throw new DatasetException(source, "unsupported colour model (" + components
                    + " components, colour space type " + colourType + "); expected grey or RGB");
        }
        return new GreyImage(w, h, out);
    }

    private static double luma(double r, double g, double b) {
        return LUMA_R * r + LUMA_G * g + LUMA_B * b;
    }

    private static double maxSample(ColorModel cm, int component) {
        return (1L << cm.getComponentSize(component)) - 1.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GreyImage other && other.width == width && other.height == height
                && Arrays.equals(other.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GreyImage " + width + "x" + height;
    }
}
