package org.strnn.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Signed matrices as heatmaps, side by side on one shared colour scale that is centred at zero.
 *
 * <pre>{@code
 * BufferedImage png = new HeatmapPlot("Temporal projections")
 *         .add("Gf (forward)", gf)      // T x Kt
 *         .add("Gb (backward)", gb)
 *         .axisNames("t", "k")          // rows labelled t=1..T, columns k=1..Kt
 *         .colourBarLabel("weight")
 *         .render();
 * }</pre>
 *
 * <p>Row {@code i} of a matrix is drawn {@code i}-th from the top. Colours come from a diverging
 * colormap ({@link Colormap#BLUE_WHITE_RED} unless set) stretched symmetrically over
 * {@code [-a, a]}, where {@code a} is the largest magnitude in any of the matrices: zero is the
 * middle colour (near-white), negative values blue, positive red. When the cells are large enough,
 * each shows its value; an exact zero is written {@code 0}, a nonzero value that rounds to zero
 * {@code 0.00} or {@code -0.00}.
 */
public final class HeatmapPlot {

    private static final Color GRID = new Color(0xC8C8C8);
    private static final int SIDE = 28;
    private static final int TOP = 60;
    private static final int GAP = 40;

    private final String title;
    private final List<String> labels = new ArrayList<>();
    private final List<double[][]> matrices = new ArrayList<>();
    private String rowName = "";
    private String colName = "";
    private String colourBarLabel = "";
    private boolean showValues = true;
    private Colormap colormap = Colormap.BLUE_WHITE_RED;

    public HeatmapPlot(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /**
     * Adds a matrix, drawn to the right of the ones added before.
     *
     * @throws IllegalArgumentException when the matrix is empty, ragged or holds a non-finite value
     */
    public HeatmapPlot add(String label, double[][] matrix) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(matrix, label);
        if (matrix.length == 0 || matrix[0].length == 0) {
            throw new IllegalArgumentException("matrix " + label + " is empty");
        }
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i].length != matrix[0].length) {
                throw new IllegalArgumentException("matrix " + label + " is ragged: row " + i + " has "
                        + matrix[i].length + " columns, row 0 has " + matrix[0].length);
            }
            for (int j = 0; j < matrix[i].length; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new IllegalArgumentException("matrix " + label + " has " + matrix[i][j] + " at row " + i
                            + ", column " + j + "; a heatmap needs finite values");
                }
            }
            copy[i] = matrix[i].clone();
        }
        labels.add(label);
        matrices.add(copy);
        return this;
    }

    /**
     * Names the axes: rows are then labelled {@code rowName=1, 2, ...} and columns
     * {@code colName=1, 2, ...} (1-based). Empty names leave just the numbers.
     */
    public HeatmapPlot axisNames(String rowName, String colName) {
        this.rowName = Objects.requireNonNull(rowName, "rowName");
        this.colName = Objects.requireNonNull(colName, "colName");
        return this;
    }

    public HeatmapPlot colourBarLabel(String label) {
        this.colourBarLabel = Objects.requireNonNull(label, "label");
        return this;
    }

    /** Whether to write each value in its cell when the cells are large enough (default true). */
    public HeatmapPlot showValues(boolean show) {
        this.showValues = show;
        return this;
    }

    /** A diverging colormap whose middle ({@code t = 0.5}) is the colour of zero. */
    public HeatmapPlot colormap(Colormap colormap) {
        this.colormap = Objects.requireNonNull(colormap, "colormap");
        return this;
    }

    public BufferedImage render() {
        Geometry geo = geometry();
        double scale = scale();
        BufferedImage image = Draw.canvas(geo.width, geo.height);
        Graphics2D g = Draw.graphics(image);
        try {
            g.setColor(Draw.INK);
            g.setFont(Draw.font(20, true));
            Draw.text(g, title, geo.width / 2.0, 28, 0.5);
            for (int p = 0; p < matrices.size(); p++) {
                panel(g, geo, p, scale);
            }
            String[] tickLabels = {Ticks.compact(-scale), "0", Ticks.compact(scale)};
            ColorBar.draw(g, colormap, geo.barX, geo.cellTop, geo.barHeight, new double[] {0, 0.5, 1},
                    tickLabels, colourBarLabel, 13);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The largest magnitude over all matrices, or 1 when they are all zero: the colour bar runs over [-a, a]. */
    double scale() {
        double a = 0;
        for (double[][] m : matrices) {
            for (double[] row : m) {
                for (double v : row) {
                    a = Math.max(a, Math.abs(v));
                }
            }
        }
        return a == 0 ? 1 : a;
    }

    Geometry geometry() {
        if (matrices.isEmpty()) {
            throw new IllegalStateException("a heatmap needs at least one matrix; call add(...) first");
        }
        int maxRows = 0;
        int maxCols = 0;
        for (double[][] m : matrices) {
            maxRows = Math.max(maxRows, m.length);
            maxCols = Math.max(maxCols, m[0].length);
        }
        double cellW = Math.max(8, Math.min(64, Math.floor(360.0 / maxCols)));
        double cellH = Math.max(6, Math.min(44, Math.floor(460.0 / maxRows)));
        Graphics2D probe = Draw.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        try {
            probe.setFont(Draw.font(12, false));
            double[] lefts = new double[matrices.size()];
            double x = SIDE;
            for (int p = 0; p < matrices.size(); p++) {
                double rowLabelWidth = Draw.width(probe, axisLabel(rowName, matrices.get(p).length));
                lefts[p] = x + rowLabelWidth + 8;
                double panelWidth = matrices.get(p)[0].length * cellW;
                probe.setFont(Draw.font(15, true));
                double labelOverhang = Math.max(0, (Draw.width(probe, labels.get(p)) - panelWidth) / 2);
                probe.setFont(Draw.font(12, false));
                lefts[p] += labelOverhang;
                x = lefts[p] + panelWidth + labelOverhang + GAP;
            }
            double cellTop = TOP + 46;
            double barX = x - GAP + 36;
            double barHeight = Math.max(120, Math.min(maxRows * cellH, 400));
            String[] tickLabels = {Ticks.compact(-scale()), "0", Ticks.compact(scale())};
            double barWidth = ColorBar.width(probe, tickLabels, colourBarLabel, 13);
            probe.setFont(Draw.font(20, true));
            double titleWidth = Draw.width(probe, title) + 2 * SIDE;
            int width = (int) Math.ceil(Math.max(barX + barWidth + SIDE, titleWidth));
            int height = (int) Math.ceil(cellTop + Math.max(maxRows * cellH, barHeight) + 24);
            return new Geometry(width, height, lefts, cellTop, cellW, cellH, barX, barHeight);
        } finally {
            probe.dispose();
        }
    }

    /** Pixel layout of one rendering. */
    static final class Geometry {
        final int width;
        final int height;
        private final double[] lefts;
        final double cellTop;
        final double cellW;
        final double cellH;
        final double barX;
        final double barHeight;

        Geometry(int width, int height, double[] lefts, double cellTop, double cellW, double cellH,
                 double barX, double barHeight) {
            this.width = width;
            this.height = height;
            this.lefts = lefts;
            this.cellTop = cellTop;
            this.cellW = cellW;
            this.cellH = cellH;
            this.barX = barX;
            this.barHeight = barHeight;
        }

        /** The cell of row {@code i}, column {@code j} of matrix {@code panel}. */
        Rectangle2D cell(int panel, int i, int j) {
            return new Rectangle2D.Double(lefts[panel] + j * cellW, cellTop + i * cellH, cellW, cellH);
        }
    }

    private void panel(Graphics2D g, Geometry geo, int p, double scale) {
        double[][] m = matrices.get(p);
        int rows = m.length;
        int cols = m[0].length;
        Rectangle2D first = geo.cell(p, 0, 0);
        Rectangle2D whole = new Rectangle2D.Double(first.getX(), first.getY(), cols * geo.cellW, rows * geo.cellH);

        g.setColor(Draw.INK);
        g.setFont(Draw.font(15, true));
        Draw.text(g, labels.get(p), whole.getCenterX(), TOP + 8, 0.5);

        List<String> texts = new ArrayList<>();
        for (double[] row : m) {
            for (double v : row) {
                texts.add(cellText(v));
            }
        }
        double valueSize = Draw.fitFont(g, texts, false, geo.cellW * 0.86, Math.min(13, geo.cellH * 0.5), 6);
        boolean values = showValues && valueSize >= 9 && geo.cellH >= 16;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                Rectangle2D cell = geo.cell(p, i, j);
                Color fill = colormap.at(0.5 + m[i][j] / (2 * scale));
                g.setColor(fill);
                g.fill(cell);
                if (values) {
                    g.setColor(Draw.textOn(fill));
                    g.setFont(Draw.font(valueSize, false));
                    Draw.text(g, cellText(m[i][j]), cell.getCenterX(), cell.getCenterY(), 0.5);
                }
            }
        }
        g.setColor(GRID);
        g.setStroke(Draw.stroke(1));
        for (int i = 1; i < rows; i++) {
            double y = whole.getY() + i * geo.cellH;
            g.draw(new Line2D.Double(whole.getX(), y, whole.getMaxX(), y));
        }
        for (int j = 1; j < cols; j++) {
            double x = whole.getX() + j * geo.cellW;
            g.draw(new Line2D.Double(x, whole.getY(), x, whole.getMaxY()));
        }
        g.setColor(Draw.INK);
        g.draw(whole);

        g.setFont(Draw.font(12, false));
        int rowEvery = (int) Math.ceil(15 / geo.cellH);
        for (int i = 0; i < rows; i += rowEvery) {
            Draw.text(g, axisLabel(rowName, i + 1), whole.getX() - 6, whole.getY() + (i + 0.5) * geo.cellH, 1);
        }
        int colEvery = (int) Math.ceil((Draw.width(g, axisLabel(colName, cols)) + 6) / geo.cellW);
        for (int j = 0; j < cols; j += colEvery) {
            Draw.text(g, axisLabel(colName, j + 1), whole.getX() + (j + 0.5) * geo.cellW, whole.getY() - 12, 0.5);
        }
    }

    private static String axisLabel(String name, int index) {
        return name.isEmpty() ? Integer.toString(index) : name + "=" + index;
    }

    private static String cellText(double v) {
        if (v == 0) {
            return "0";
        }
        return Math.abs(v) >= 1000 ? Ticks.compact(v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
