package org.strnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapPlotTest {

    @TempDir
    Path dir;

    /** A pixel just inside the top-left corner of a cell: clear of the grid lines and of the value text. */
    private static int corner(BufferedImage image, Rectangle2D cell) {
        return Pixels.rgb(image, new Point2D.Double(cell.getX() + 3, cell.getY() + 3));
    }

    @Test
    void positiveCellsAreRedNegativeBlueAndZeroNearWhite() throws IOException {
        double[][] m = {{0.8, -0.8, 0}, {0.4, -0.4, 0}};
        HeatmapPlot plot = new HeatmapPlot("signs").add("M", m).axisNames("t", "k").colourBarLabel("weight");
        BufferedImage image = Pixels.roundTrip(plot.render(), dir, "signs.png");
        HeatmapPlot.Geometry geo = plot.geometry();
        assertEquals(geo.width, image.getWidth());
        assertEquals(geo.height, image.getHeight());

        Color positive = new Color(corner(image, geo.cell(0, 0, 0)));
        Color negative = new Color(corner(image, geo.cell(0, 0, 1)));
        Color zero = new Color(corner(image, geo.cell(0, 0, 2)));
        assertTrue(positive.getRed() > positive.getBlue() + 80, "positive " + positive);
        assertTrue(negative.getBlue() > negative.getRed() + 80, "negative " + negative);
        assertTrue(zero.getRed() >= 235 && zero.getGreen() >= 235 && zero.getBlue() >= 235, "zero " + zero);
        // The largest magnitude takes the end colours; half of it lands halfway to the middle.
        Pixels.assertColour(Colormap.BLUE_WHITE_RED.rgb(1), positive.getRGB(), 2, "+max");
        Pixels.assertColour(Colormap.BLUE_WHITE_RED.rgb(0), negative.getRGB(), 2, "-max");
        Pixels.assertColour(Colormap.BLUE_WHITE_RED.rgb(0.75), corner(image, geo.cell(0, 1, 0)), 2, "+max/2");
        Pixels.assertColour(Colormap.BLUE_WHITE_RED.rgb(0.25), corner(image, geo.cell(0, 1, 1)), 2, "-max/2");
    }

    @Test
    void sideBySideMatricesShareOneScaleAndDoNotOverlap() {
        double[][] gf = new double[9][5];
        double[][] gb = new double[9][5];
        gf[0][0] = 2.0;
        gb[0][0] = 1.0;
        gb[8][4] = -2.0;
        HeatmapPlot plot = new HeatmapPlot("Gf and Gb").add("Gf", gf).add("Gb", gb).axisNames("t", "k").showValues(false);
        assertEquals(2.0, plot.scale());
        BufferedImage image = plot.render();
        HeatmapPlot.Geometry geo = plot.geometry();
        assertTrue(geo.cell(0, 8, 4).getMaxX() < geo.cell(1, 0, 0).getX(), "Gb starts right of Gf");
        assertEquals(geo.cell(0, 0, 0).getY(), geo.cell(1, 0, 0).getY(), 1e-9, "tops aligned");
        assertTrue(geo.cell(1, 0, 4).getMaxX() < geo.barX, "the colour bar is right of the matrices");
        Pixels.assertColour(Colormap.BLUE_WHITE_RED.rgb(1), corner(image, geo.cell(0, 0, 0)), 2, "Gf max");
        Pixels.assertColour(Colormap.BLUE_WHITE_RED.rgb(0.75), corner(image, geo.cell(1, 0, 0)), 2, "Gb 1.0 of 2.0");
        Pixels.assertColour(Colormap.BLUE_WHITE_RED.rgb(0), corner(image, geo.cell(1, 8, 4)), 2, "Gb min");
    }

    @Test
    void valuesAreWrittenInLargeCells() {
        double[][] m = {{0.5, -0.5}};
        HeatmapPlot with = new HeatmapPlot("v").add("M", m);
        HeatmapPlot without = new HeatmapPlot("v").add("M", m).showValues(false);
        BufferedImage a = with.render();
        BufferedImage b = without.render();
        Rectangle2D cell = with.geometry().cell(0, 0, 0);
        Rectangle2D middle = new Rectangle2D.Double(cell.getX() + 4, cell.getCenterY() - 5, cell.getWidth() - 8, 10);
        int fill = Colormap.BLUE_WHITE_RED.rgb(1);
        int area = (int) (middle.getWidth() * middle.getHeight());
        assertEquals(area, Pixels.count(b, middle, new Color(fill), 2), "no text without values");
        assertTrue(Pixels.count(a, middle, new Color(fill), 2) < area - 20, "text is drawn over the fill");
    }

    @Test
    void anAllZeroMatrixRendersWhite() {
        HeatmapPlot plot = new HeatmapPlot("zeros").add("Z", new double[3][3]);
        assertEquals(1.0, plot.scale());
        BufferedImage image = plot.render();
        Color c = new Color(corner(image, plot.geometry().cell(0, 1, 1)));
        assertTrue(c.getRed() >= 235 && c.getGreen() >= 235 && c.getBlue() >= 235, c.toString());
    }

    @Test
    void aTallMatrixStillFits() {
        HeatmapPlot plot = new HeatmapPlot("G0").add("G0", new double[62][10]);
        HeatmapPlot.Geometry geo = plot.geometry();
        BufferedImage image = plot.render();
        assertTrue(geo.cell(0, 61, 9).getMaxY() <= image.getHeight());
        assertTrue(geo.cell(0, 61, 9).getMaxX() <= image.getWidth());
    }

    @Test
    void rejectsMatricesThatCannotBeDrawn() {
        Pixels.assertRejected(() -> new HeatmapPlot("x").add("E", new double[0][0]), "E", "empty");
        Pixels.assertRejected(() -> new HeatmapPlot("x").add("E", new double[2][0]), "E", "empty");
        Pixels.assertRejected(() -> new HeatmapPlot("x").add("R", new double[][] {{1, 2}, {3}}), "R", "ragged", "row 1");
        Pixels.assertRejected(() -> new HeatmapPlot("x").add("N", new double[][] {{1, Double.NaN}}), "N", "NaN",
                "row 0, column 1");
        assertThrows(IllegalStateException.class, () -> new HeatmapPlot("x").render());
    }
}
