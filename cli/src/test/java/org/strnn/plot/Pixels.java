package org.strnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.Executable;

/** Helpers for tests that look at rendered pixels. */
final class Pixels {

    private Pixels() {
    }

    /** Writes {@code image} with {@link Png} and reads the file back, as a user's viewer would. */
    static BufferedImage roundTrip(BufferedImage image, Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Png.write(image, file, false);
        BufferedImage back = ImageIO.read(file.toFile());
        assertNotNull(back, "ImageIO could not read " + file);
        assertEquals(image.getWidth(), back.getWidth(), "width");
        assertEquals(image.getHeight(), back.getHeight(), "height");
        return back;
    }

    static int rgb(BufferedImage image, Point2D p) {
        return image.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())) & 0xFFFFFF;
    }

    /** The largest per-channel difference of two 0xRRGGBB colours. */
    static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    static void assertColour(int expected, int actual, int tolerance, String what) {
        assertTrue(distance(expected, actual) <= tolerance, () -> what + ": expected "
                + hex(expected) + " within " + tolerance + ", got " + hex(actual));
    }

    static String hex(int rgb) {
        return String.format("#%06X", rgb & 0xFFFFFF);
    }

    /** Pixels within {@code tolerance} of {@code colour} inside {@code area}. */
    static int count(BufferedImage image, Rectangle2D area, Color colour, int tolerance) {
        int n = 0;
        int target = colour.getRGB() & 0xFFFFFF;
        for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
            for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
                if (distance(image.getRGB(x, y) & 0xFFFFFF, target) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Mean row of the pixels of {@code colour} in {@code area}; NaN when there are none. */
    static double meanY(BufferedImage image, Rectangle2D area, Color colour, int tolerance) {
        double sum = 0;
        int n = 0;
        int target = colour.getRGB() & 0xFFFFFF;
        for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
            for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
                if (distance(image.getRGB(x, y) & 0xFFFFFF, target) <= tolerance) {
                    sum += y;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The column of {@code area} (inset by {@code inset} pixels, clear of the frame) that holds
     * the most pixels of {@code colour}.
     */
    static int densestColumn(BufferedImage image, Rectangle2D area, int inset, Color colour, int tolerance) {
        int best = -1;
        int most = 0;
        for (int x = (int) area.getMinX() + inset; x < (int) area.getMaxX() - inset; x++) {
            int n = Pixels.count(image, new Rectangle2D.Double(x, area.getMinY() + inset, 1,
                    area.getHeight() - 2 * inset), colour, tolerance);
            if (n > most) {
                most = n;
                best = x;
            }
        }
        return best;
    }

    /** Asserts that {@code call} throws an IllegalArgumentException whose one-line message contains every fragment. */
    static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = Assertions.assertThrows(IllegalArgumentException.class, call);
        String message = e.getMessage();
        assertNotNull(message);
        assertFalse(message.contains("\n"), "message spans lines: " + message);
        for (String f : fragments) {
            assertTrue(message.contains(f), "message '" + message + "' lacks '" + f + "'");
        }
    }
}
