package org.strnn.plot;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** A vertical colour bar: the colormap's bottom end at the bottom, labelled ticks, a title turned on its side. */
final class ColorBar {

    static final double BAR_WIDTH = 22;
    private static final double TICK = 5;

    private ColorBar() {
    }

    /**
     * Draws the bar in the rectangle at ({@code x}, {@code y}) of height {@code height}.
     *
     * @param tickPositions where each tick sits, as colormap positions in [0, 1]
     * @param tickLabels    one label per tick
     * @param title         drawn vertically to the right of the tick labels; may be empty
     */
    static void draw(Graphics2D g, Colormap colormap, double x, double y, double height,
                     double[] tickPositions, String[] tickLabels, String title, double fontSize) {
        int rows = (int) Math.round(height);
        for (int i = 0; i < rows; i++) {
            double t = 1.0 - (i + 0.5) / rows;
            g.setColor(colormap.at(t));
            g.fill(new Rectangle2D.Double(x, y + i, BAR_WIDTH, 1.0));
        }
        g.setColor(Draw.INK);
        g.setStroke(Draw.stroke(1));
        g.draw(new Rectangle2D.Double(x, y, BAR_WIDTH, rows));
        g.setFont(Draw.font(fontSize, false));
        double widest = 0;
        for (int i = 0; i < tickPositions.length; i++) {
            double ty = y + (1.0 - tickPositions[i]) * rows;
            g.setColor(Draw.INK);
            g.draw(new Line2D.Double(x + BAR_WIDTH, ty, x + BAR_WIDTH + TICK, ty));
            Draw.text(g, tickLabels[i], x + BAR_WIDTH + TICK + 4, ty, 0);
            widest = Math.max(widest, Draw.width(g, tickLabels[i]));
        }
        if (!title.isEmpty()) {
            g.setColor(Draw.INK);
            Draw.verticalText(g, title, x + BAR_WIDTH + TICK + 4 + widest + 6 + fontSize / 2, y + rows / 2.0);
        }
    }

    /** The horizontal room {@link #draw} needs for these labels and title. */
    static double width(Graphics2D g, String[] tickLabels, String title, double fontSize) {
        g.setFont(Draw.font(fontSize, false));
        double widest = 0;
        for (String s : tickLabels) {
            widest = Math.max(widest, Draw.width(g, s));
        }
        return BAR_WIDTH + TICK + 4 + widest + (title.isEmpty() ? 0 : 6 + fontSize * 1.3);
    }
}
