package org.strnn.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

class LayoutMapPlotTest {

    private static final Layout SEED = Layouts.seed62();

    @TempDir
    Path dir;

    /** A frontal peak: the value falls with the row, so FP1/FPZ/FP2 are largest and CB1/O1/OZ/O2/CB2 smallest. */
    private static double[] frontal(Layout layout) {
        double[] values = new double[layout.size()];
        for (int v = 0; v < values.length; v++) {
            Layout.Electrode e = layout.electrode(v);
            values[v] = 10 - e.row() + 0.01 * Math.abs(e.col() - 4);
        }
        values[layout.indexOf("FPZ")] = 12;
        values[layout.indexOf("OZ")] = -3;
        return values;
    }

    @Test
    void everyElectrodeShowsTheColourOfItsValue() throws IOException {
        double[] values = frontal(SEED);
        LayoutMapPlot plot = new LayoutMapPlot(SEED, values).title("saliency").colourBarLabel("|G|");
        LayoutMapPlot.Geometry geo = plot.geometry();
        BufferedImage image = Pixels.roundTrip(plot.render(), dir, "seed.png");
        assertEquals(geo.width, image.getWidth());
        assertEquals(geo.height, image.getHeight());

        int top = Colormap.VIRIDIS.rgb(1);
        int bottom = Colormap.VIRIDIS.rgb(0);
        Pixels.assertColour(top, Pixels.rgb(image, geo.swatch(SEED.indexOf("FPZ"))), 2, "FPZ, the largest value");
        Pixels.assertColour(bottom, Pixels.rgb(image, geo.swatch(SEED.indexOf("OZ"))), 2, "OZ, the smallest value");
        for (int v = 0; v < SEED.size(); v++) {
            double t = (values[v] + 3) / 15;
            Pixels.assertColour(Colormap.VIRIDIS.rgb(t), Pixels.rgb(image, geo.swatch(v)), 2, SEED.electrode(v).name());
        }
    }

    @Test
    void electrodesSitOnTheirGridCellsWithRowZeroAtTheTop() {
        LayoutMapPlot.Geometry geo = new LayoutMapPlot(SEED, frontal(SEED)).geometry();
        Point2D fpz = geo.centre(SEED.indexOf("FPZ"));
        Point2D cz = geo.centre(SEED.indexOf("CZ"));
        Point2D oz = geo.centre(SEED.indexOf("OZ"));
        Point2D t7 = geo.centre(SEED.indexOf("T7"));
        Point2D t8 = geo.centre(SEED.indexOf("T8"));
        assertEquals(fpz.getX(), oz.getX(), 1e-9);
        assertTrue(fpz.getY() < cz.getY() && cz.getY() < oz.getY(), "front to back, top to bottom");
        assertTrue(t7.getX() < cz.getX() && cz.getX() < t8.getX(), "left hemisphere on the left");
        assertEquals(8 * geo.cell, t8.getX() - t7.getX(), 1e-9);
        // Every electrode lies inside the head outline, with its whole circle.
        for (int v = 0; v < SEED.size(); v++) {
            Point2D c = geo.centre(v);
            double dx = (Math.abs(c.getX() - geo.headX) + geo.radius) / geo.headRx;
            double dy = (Math.abs(c.getY() - geo.headY) + geo.radius) / geo.headRy;
            assertTrue(Math.hypot(dx, dy) < 1.05, SEED.electrode(v).name() + " pokes out of the head");
        }
    }

    @Test
    void equalValuesStillRenderInTheMiddleColour() {
        double[] flat = new double[SEED.size()];
        Arrays.fill(flat, 0.25);
        LayoutMapPlot plot = new LayoutMapPlot(SEED, flat);
        BufferedImage image = plot.render();
        LayoutMapPlot.Geometry geo = plot.geometry();
        for (int v : new int[] {0, 30, 61}) {
            Pixels.assertColour(Colormap.VIRIDIS.rgb(0.5), Pixels.rgb(image, geo.swatch(v)), 2, "vertex " + v);
        }
    }

    @Test
    void namesAreWrittenInAContrastingColour() {
        double[] values = frontal(SEED);
        LayoutMapPlot plot = new LayoutMapPlot(SEED, values);
        BufferedImage image = plot.render();
        LayoutMapPlot.Geometry geo = plot.geometry();
        // FPZ is yellow: its name is black. OZ is dark purple: its name is white.
        Rectangle2D fpz = textBox(geo, SEED.indexOf("FPZ"));
        Rectangle2D oz = textBox(geo, SEED.indexOf("OZ"));
        assertTrue(Pixels.count(image, fpz, Color.BLACK, 40) > 15, "black text on yellow");
        assertEquals(0, Pixels.count(image, fpz, Color.WHITE, 40), "no white text on yellow");
        assertTrue(Pixels.count(image, oz, Color.WHITE, 40) > 15, "white text on purple");
        assertEquals(0, Pixels.count(image, oz, Color.BLACK, 40), "no black text on purple");
    }

    private static Rectangle2D textBox(LayoutMapPlot.Geometry geo, int v) {
        Point2D c = geo.centre(v);
        return new Rectangle2D.Double(c.getX() - geo.radius * 0.7, c.getY() - geo.radius * 0.4,
                geo.radius * 1.4, geo.radius * 0.8);
    }

    @Test
    void faceLatticesAreDrawnAsSquaresAndEegAsCircles() {
        Layout lattice = Layouts.lattice(6, 6);
        double[] values = new double[36];
        for (int v = 0; v < 36; v++) {
            values[v] = v;
        }
        LayoutMapPlot squares = new LayoutMapPlot(lattice, values);
        LayoutMapPlot.Geometry sq = squares.geometry();
        assertTrue(!sq.scalp, "a layout named lattice* is drawn as a lattice");
        BufferedImage image = squares.render();
        int v = 14;
        Point2D c = sq.centre(v);
        Point2D corner = new Point2D.Double(c.getX() - 0.85 * sq.radius, c.getY() - 0.85 * sq.radius);
        Pixels.assertColour(Colormap.VIRIDIS.rgb(v / 35.0), Pixels.rgb(image, corner), 2, "corner of a square");
        Pixels.assertColour(Colormap.VIRIDIS.rgb(1), Pixels.rgb(image, sq.swatch(35)), 2, "largest patch");

        LayoutMapPlot circles = new LayoutMapPlot(lattice, values).style(LayoutMapPlot.Style.SCALP);
        LayoutMapPlot.Geometry ci = circles.geometry();
        assertTrue(ci.scalp);
        BufferedImage round = circles.render();
        Point2D cc = ci.centre(v);
        Point2D outside = new Point2D.Double(cc.getX() - 0.85 * ci.radius, cc.getY() - 0.85 * ci.radius);
        assertTrue(Pixels.distance(Colormap.VIRIDIS.rgb(v / 35.0), Pixels.rgb(round, outside)) > 20,
                "the corner of a circle's cell is not filled");
        Pixels.assertColour(Colormap.VIRIDIS.rgb(v / 35.0), Pixels.rgb(round, ci.swatch(v)), 2, "inside the circle");
    }

    @Test
    void theTopValuesAreRinged() {
        double[] values = frontal(SEED);
        LayoutMapPlot plot = new LayoutMapPlot(SEED, values).highlightTop(3);
        int[] top = plot.topVertices();
        assertArrayEquals(new int[] {SEED.indexOf("FPZ"), SEED.indexOf("FP1"), SEED.indexOf("FP2")}, top);
        BufferedImage image = plot.render();
        LayoutMapPlot.Geometry geo = plot.geometry();
        int ring = LayoutMapPlot.HIGHLIGHT.getRGB() & 0xFFFFFF;
        for (String name : new String[] {"FPZ", "FP1", "FP2"}) {
            Point2D c = geo.centre(SEED.indexOf(name));
            Pixels.assertColour(ring, Pixels.rgb(image, new Point2D.Double(c.getX() + geo.radius + 3.5, c.getY())), 30,
                    name + " is ringed");
        }
        Point2D cz = geo.centre(SEED.indexOf("CZ"));
        assertTrue(Pixels.distance(ring, Pixels.rgb(image, new Point2D.Double(cz.getX() + geo.radius + 3.5, cz.getY()))) > 60,
                "CZ is not ringed");
    }

    @Test
    void tiesForTheTopGoToTheLowerVertex() {
        Layout lattice = Layouts.lattice(1, 4);
        int[] top = new LayoutMapPlot(lattice, new double[] {1, 5, 5, 2}).highlightTop(2).topVertices();
        assertArrayEquals(new int[] {1, 2}, top);
    }

    @Test
    void rejectsValuesThatDoNotFitTheLayout() {
        Pixels.assertRejected(() -> new LayoutMapPlot(SEED, new double[61]), "61 values", "seed62", "62 vertices");
        Pixels.assertRejected(() -> new LayoutMapPlot(SEED, new double[0]), "no values");
        double[] nan = new double[62];
        nan[SEED.indexOf("CZ")] = Double.NaN;
        Pixels.assertRejected(() -> new LayoutMapPlot(SEED, nan), "CZ", "NaN");
        double[] inf = new double[62];
        inf[0] = Double.NEGATIVE_INFINITY;
        Pixels.assertRejected(() -> new LayoutMapPlot(SEED, inf), "FP1", "Infinity");
        Pixels.assertRejected(() -> new LayoutMapPlot(SEED, new double[62]).highlightTop(63), "top 63");
        Pixels.assertRejected(() -> new LayoutMapPlot(SEED, new double[62]).highlightTop(-1), "top -1");
    }
}
