package org.strnn.plot;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/** Test access to the colour positions and the geometry of a layout map. */
public final class LayoutMapAccess {

    private LayoutMapAccess() {
    }

    public static double[] positions(LayoutMapPlot plot) {
        return plot.positions();
    }

    /** The colour (0xRRGGBB) drawn inside vertex {@code v}'s circle or square, clear of its name. */
    public static int swatch(LayoutMapPlot plot, BufferedImage image, int v) {
        Point2D p = plot.geometry().swatch(v);
        return Pixels.rgb(image, p);
    }

    /** Asserts that two 0xRRGGBB colours differ by at most {@code tolerance} in every channel. */
    public static void assertColour(int expected, int actual, int tolerance, String what) {
        Pixels.assertColour(expected, actual, tolerance, what);
    }
}
