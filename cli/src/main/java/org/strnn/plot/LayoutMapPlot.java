package org.strnn.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.strnn.layout.Layout;

/**
 * One value per vertex, drawn where the vertex sits on its layout: a scalp map for an EEG montage,
 * a grid of squares for a face lattice.
 *
 * <pre>{@code
 * BufferedImage png = new LayoutMapPlot(Layouts.seed62(), ElectrodeSaliency.of(g0, g1, g2, g3))
 *         .title("Electrode saliency")
 *         .colourBarLabel("sum over r, k of |G_r| (max = 1)")
 *         .highlightTop(10)
 *         .render();
 * }</pre>
 *
 * <p>A scalp map is seen from above with the nose at the top: row 0 of the layout is frontal and
 * column 0 is on the subject's left. Colours come from a sequential colormap ({@link
 * Colormap#VIRIDIS} unless set), stretched from the smallest value (bottom colour) to the largest
 * (top colour); when all values are equal, every vertex takes the middle colour. Each vertex shows
 * its name, in black or white, whichever reads better on its colour.
 */
public final class LayoutMapPlot {

    /** How vertices are drawn. */
    public enum Style {
        /** {@link #LATTICE} when the layout's name starts with {@code "lattice"}, else {@link #SCALP}. */
        AUTO,
        /** Circles inside a head outline (nose at the top, ears at the sides). */
        SCALP,
        /** Squares that tile the lattice. */
        LATTICE
    }

    static final Color HIGHLIGHT = new Color(0xE4007C);
    private static final Color HEAD_FILL = new Color(0xF3F3F3);
    private static final Color OUTLINE = new Color(0x333333);
    private static final int TOP = 66;
    private static final int SIDE = 28;
    private static final int MAX_LISTED = 10;

    private final Layout layout;
    private final double[] values;
    private String title = "";
    private String colourBarLabel = "";
    private Style style = Style.AUTO;
    private Colormap colormap = Colormap.VIRIDIS;
    private int highlight;
    private boolean fromZero;

    /**
     * @param values one finite value per vertex, in the layout's vertex order
     * @throws IllegalArgumentException when the count does not match the layout or a value is not finite
     */
    public LayoutMapPlot(Layout layout, double[] values) {
        this.layout = Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to draw on layout " + layout.name());
        }
        if (values.length != layout.size()) {
            throw new IllegalArgumentException(values.length + " values for layout " + layout.name() + ", which has "
                    + layout.size() + " vertices");
        }
        for (int v = 0; v < values.length; v++) {
            if (!Double.isFinite(values[v])) {
                throw new IllegalArgumentException("the value of " + layout.electrode(v).name() + " (vertex " + v
                        + ") is " + values[v] + "; a map needs finite values");
            }
        }
        this.values = values.clone();
    }

    public LayoutMapPlot title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /** The text beside the colour bar: what the values are. */
    /**
     * Starts the colour scale at 0 instead of at the smallest value, for magnitudes, so that a
     * factor of two between two electrodes does not fill the whole scale.
     */
    public LayoutMapPlot fromZero() {
        fromZero = true;
        return this;
    }

    public LayoutMapPlot colourBarLabel(String label) {
        this.colourBarLabel = Objects.requireNonNull(label, "label");
        return this;
    }

    public LayoutMapPlot style(Style style) {
        this.style = Objects.requireNonNull(style, "style");
        return this;
    }

    public LayoutMapPlot colormap(Colormap colormap) {
        this.colormap = Objects.requireNonNull(colormap, "colormap");
        return this;
    }

    /** Rings the {@code k} largest values (ties go to the lower vertex index); 0 rings none. */
    public LayoutMapPlot highlightTop(int k) {
        if (k < 0 || k > values.length) {
            throw new IllegalArgumentException("cannot ring the top " + k + " of " + values.length + " vertices");
        }
        this.highlight = k;
        return this;
    }

    /** The vertices that {@link #highlightTop} rings, largest value first. */
    public int[] topVertices() {
        List<Integer> order = new ArrayList<>(values.length);
        for (int v = 0; v < values.length; v++) {
            order.add(v);
        }
        order.sort(Comparator.<Integer>comparingDouble(v -> -values[v]).thenComparingInt(v -> v));
        int[] top = new int[highlight];
        for (int i = 0; i < highlight; i++) {
            top[i] = order.get(i);
        }
        return top;
    }

    public BufferedImage render() {
        Geometry geo = geometry();
        BufferedImage image = Draw.canvas(geo.width, geo.height);
        Graphics2D g = Draw.graphics(image);
        try {
            g.setColor(Draw.INK);
            g.setFont(Draw.font(20, true));
            Draw.text(g, title, geo.width / 2.0, 30, 0.5);
            if (geo.scalp) {
                head(g, geo);
            }
            vertices(g, geo);
            colourBar(g, geo);
            caption(g, geo);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Where the picture puts each vertex; computed from the layout alone. */
    Geometry geometry() {
        boolean scalp = style == Style.SCALP || (style == Style.AUTO && !layout.name().startsWith("lattice"));
        int rows = layout.rows();
        int cols = layout.cols();
        double cell = Math.max(26, Math.min(64, Math.round(600.0 / Math.max(rows, cols))));
        double rowMid = (rows - 1) / 2.0;
        double colMid = (cols - 1) / 2.0;

        double mapWidth;
        double mapHeight;
        double centreX;
        double centreY;
        double headRx = 0;
        double headRy = 0;
        if (scalp) {
            // The smallest ellipse, of the lattice's aspect ratio, that holds every electrode centre,
            // widened so the outermost circles clear the outline.
            double hx = Math.max(cols / 2.0, 0.5);
            double hy = Math.max(rows / 2.0, 0.5);
            double s = 0;
            for (Layout.Electrode e : layout.electrodes()) {
                s = Math.max(s, Math.hypot((e.col() - colMid) / hx, (e.row() - rowMid) / hy));
            }
            headRx = (s * hx + 0.62) * cell;
            headRy = (s * hy + 0.62) * cell;
            mapWidth = 2 * headRx + 0.8 * cell;
            mapHeight = 2 * headRy + 0.6 * cell;
            centreX = SIDE + 0.4 * cell + headRx;
            centreY = TOP + 0.6 * cell + headRy;
        } else {
            mapWidth = cols * cell;
            mapHeight = rows * cell;
            centreX = SIDE + mapWidth / 2;
            centreY = TOP + mapHeight / 2;
        }
        Point2D.Double[] centres = new Point2D.Double[layout.size()];
        for (int v = 0; v < centres.length; v++) {
            Layout.Electrode e = layout.electrode(v);
            centres[v] = new Point2D.Double(centreX + (e.col() - colMid) * cell, centreY + (e.row() - rowMid) * cell);
        }
        double radius = scalp ? 0.43 * cell : cell / 2 - 2;

        Graphics2D probe = Draw.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        try {
            double barHeight = Math.max(120, Math.min(mapHeight * 0.75, 420));
            double barX = SIDE + mapWidth + 44;
            double barY = TOP + (mapHeight - barHeight) / 2;
            double barWidth = ColorBar.width(probe, barTickLabels(), colourBarLabel, 13);
            probe.setFont(Draw.font(20, true));
            double titleWidth = Draw.width(probe, title) + 2 * SIDE;
            probe.setFont(Draw.font(13, false));
            double captionWidth = Draw.width(probe, captionText()) + 2 * SIDE + 20;
            int width = (int) Math.ceil(Math.max(barX + barWidth + SIDE, Math.max(titleWidth, captionWidth)));
            int height = (int) Math.ceil(TOP + mapHeight + (highlight > 0 ? 44 : 20));
            double nameSize = Draw.fitFont(probe, layout.names(), false, 2 * radius * (scalp ? 0.82 : 0.86), cell * 0.3, 7);
            return new Geometry(width, height, scalp, cell, radius, centres, centreX, centreY, headRx, headRy,
                    TOP + mapHeight, barX, barY, barHeight, nameSize);
        } finally {
            probe.dispose();
        }
    }

    /** Pixel layout of one rendering. */
    static final class Geometry {
        final int width;
        final int height;
        final boolean scalp;
        final double cell;
        final double radius;
        private final Point2D.Double[] centres;
        final double headX;
        final double headY;
        final double headRx;
        final double headRy;
        final double mapBottom;
        final double barX;
        final double barY;
        final double barHeight;
        final double nameSize;

        Geometry(int width, int height, boolean scalp, double cell, double radius, Point2D.Double[] centres,
                 double headX, double headY, double headRx, double headRy, double mapBottom,
                 double barX, double barY, double barHeight, double nameSize) {
            this.width = width;
            this.height = height;
            this.scalp = scalp;
            this.cell = cell;
            this.radius = radius;
            this.centres = centres;
            this.headX = headX;
            this.headY = headY;
            this.headRx = headRx;
            this.headRy = headRy;
            this.mapBottom = mapBottom;
            this.barX = barX;
            this.barY = barY;
            this.barHeight = barHeight;
            this.nameSize = nameSize;
        }

        Point2D.Double centre(int v) {
            return (Point2D.Double) centres[v].clone();
        }

        /** A pixel inside vertex {@code v}'s fill, clear of its name and outline. */
        Point2D.Double swatch(int v) {
            return new Point2D.Double(centres[v].x, centres[v].y + 0.68 * radius);
        }
    }

    /**
     * The colormap position of each value: min (or 0, see {@link #fromZero()}) to 0, max to 1, all
     * 0.5 when they are equal.
     */
    double[] positions() {
        double lo = fromZero ? 0 : Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] t = new double[values.length];
        for (int v = 0; v < values.length; v++) {
            t[v] = hi == lo ? 0.5 : (values[v] - lo) / (hi - lo);
        }
        return t;
    }

    private void head(Graphics2D g, Geometry geo) {
        double cx = geo.headX;
        double cy = geo.headY;
        double top = cy - geo.headRy;
        double noseHalf = 0.38 * geo.cell;
        double noseTip = 0.55 * geo.cell;
        // Where the nose's sides meet the outline.
        double baseY = cy - geo.headRy * Math.sqrt(Math.max(0, 1 - Math.pow(noseHalf / geo.headRx, 2)));
        Path2D.Double nose = new Path2D.Double();
        nose.moveTo(cx - noseHalf, baseY + 2);
        nose.lineTo(cx, top - noseTip);
        nose.lineTo(cx + noseHalf, baseY + 2);
        nose.closePath();
        double earW = 0.5 * geo.cell;
        double earH = 1.4 * geo.cell;
        Shape leftEar = new Ellipse2D.Double(cx - geo.headRx - earW / 2, cy - earH / 2, earW, earH);
        Shape rightEar = new Ellipse2D.Double(cx + geo.headRx - earW / 2, cy - earH / 2, earW, earH);
        Shape skull = new Ellipse2D.Double(cx - geo.headRx, cy - geo.headRy, 2 * geo.headRx, 2 * geo.headRy);
        g.setStroke(Draw.stroke(2));
        for (Shape s : new Shape[] {nose, leftEar, rightEar}) {
            g.setColor(HEAD_FILL);
            g.fill(s);
            g.setColor(Draw.INK);
            g.draw(s);
        }
        g.setColor(HEAD_FILL);
        g.fill(skull);
        g.setColor(Draw.INK);
        g.draw(skull);

        g.setColor(Draw.MUTED);
        g.setFont(Draw.font(15, true));
        double sideY = cy + geo.headRy * 0.86;
        Draw.text(g, "L", cx - geo.headRx * 0.86, sideY, 0.5);
        Draw.text(g, "R", cx + geo.headRx * 0.86, sideY, 0.5);
    }

    private void vertices(Graphics2D g, Geometry geo) {
        double[] t = positions();
        List<String> names = layout.names();
        double r = geo.radius;
        for (int v = 0; v < values.length; v++) {
            Point2D.Double c = geo.centres[v];
            Shape shape = geo.scalp
                    ? new Ellipse2D.Double(c.x - r, c.y - r, 2 * r, 2 * r)
                    : new Rectangle2D.Double(c.x - r, c.y - r, 2 * r, 2 * r);
            Color fill = colormap.at(t[v]);
            g.setColor(fill);
            g.fill(shape);
            g.setColor(OUTLINE);
            g.setStroke(Draw.stroke(0.8));
            g.draw(shape);
            g.setColor(Draw.textOn(fill));
            g.setFont(Draw.font(geo.nameSize, false));
            Draw.text(g, names.get(v), c.x, c.y, 0.5);
        }
        g.setColor(HIGHLIGHT);
        g.setStroke(Draw.stroke(3));
        double ring = r + (geo.scalp ? 3.5 : -1.5);
        for (int v : topVertices()) {
            Point2D.Double c = geo.centres[v];
            g.draw(geo.scalp
                    ? new Ellipse2D.Double(c.x - ring, c.y - ring, 2 * ring, 2 * ring)
                    : new Rectangle2D.Double(c.x - ring, c.y - ring, 2 * ring, 2 * ring));
        }
    }

    private String[] barTickLabels() {
        double lo = fromZero ? 0 : Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return lo == hi
                ? new String[] {"all " + Ticks.compact(lo)}
                : new String[] {(fromZero && lo == 0 ? "" : "min ") + Ticks.compact(lo), "max " + Ticks.compact(hi)};
    }

    private void colourBar(Graphics2D g, Geometry geo) {
        String[] labels = barTickLabels();
        double[] at = labels.length == 1 ? new double[] {0.5} : new double[] {0, 1};
        ColorBar.draw(g, colormap, geo.barX, geo.barY, geo.barHeight, at, labels, colourBarLabel, 13);
    }

    private String captionText() {
        if (highlight == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder("ringed: the " + (highlight == 1 ? "largest value" : highlight + " largest values"));
        if (highlight <= MAX_LISTED) {
            s.append(" (");
            int[] top = topVertices();
            for (int i = 0; i < top.length; i++) {
                s.append(i == 0 ? "" : ", ").append(layout.names().get(top[i]));
            }
            s.append(')');
        }
        return s.toString();
    }

    private void caption(Graphics2D g, Geometry geo) {
        if (highlight == 0) {
            return;
        }
        g.setFont(Draw.font(13, false));
        double y = geo.mapBottom + 24;
        g.setColor(HIGHLIGHT);
        g.setStroke(Draw.stroke(2.5));
        g.draw(geo.scalp ? new Ellipse2D.Double(SIDE, y - 6, 12, 12) : new Rectangle2D.Double(SIDE, y - 6, 12, 12));
        g.setColor(Draw.INK);
        Draw.text(g, captionText(), SIDE + 20, y, 0);
    }
}
