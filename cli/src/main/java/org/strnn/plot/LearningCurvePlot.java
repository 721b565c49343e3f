package org.strnn.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Learning curves: loss and accuracy per epoch, train and test, in two panels side by side.
 *
 * <pre>{@code
 * BufferedImage png = new LearningCurvePlot("SEED subject 1, session 1")
 *         .loss(trainLoss, testLoss)
 *         .accuracy(trainAccuracy, testAccuracy)
 *         .bestEpoch(17)
 *         .render();
 * Png.write(png, runDir.resolve("curves.png"), force);
 * }</pre>
 *
 * <p>Index {@code i} of every series is epoch {@code i + 1}. {@code NaN} marks an epoch without a
 * value; the line breaks there. Accuracies are fractions in {@code [0, 1]} and are drawn in
 * percent. The figure states the test accuracy of the last epoch and, when a best epoch is given,
 * of that epoch, labelled as selected on the test set (an optimistic number).
 */
public final class LearningCurvePlot {

    static final int WIDTH = 1200;
    static final int HEIGHT = 610;
    static final Color TRAIN = new Color(0x1F5FA8);
    static final Color TEST = new Color(0xD9661F);
    static final Color BEST = new Color(0x555555);

    private static final double PAD = 10;
    private static final int MARKERS_UP_TO = 40;

    private final String title;
    private double[] trainLoss;
    private double[] testLoss;
    private double[] trainAccuracy;
    private double[] testAccuracy;
    private int bestEpoch;
    private String selectedBy = "test";
    private String lossTitle = "Loss";

    public LearningCurvePlot(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** The mean training loss and the test loss of each epoch. */
    public LearningCurvePlot loss(double[] train, double[] test) {
        trainLoss = checked("train loss", train, false);
        testLoss = checked("test loss", test, false);
        return this;
    }

    /** The loss panel's title, e.g. to say what the training loss includes. */
    public LearningCurvePlot lossTitle(String title) {
        lossTitle = Objects.requireNonNull(title, "title");
        return this;
    }

    /**
     * Whether the loss axis is logarithmic: when every loss is positive and they span more than a
     * factor of 10, so that a large first epoch does not flatten all later ones.
     */
    boolean logLoss() {
        double lo = min(trainLoss, testLoss);
        return lo > 0 && max(trainLoss, testLoss) > 10 * lo;
    }

    /** The training and test accuracy of each epoch, as fractions in {@code [0, 1]}. */
    public LearningCurvePlot accuracy(double[] train, double[] test) {
        trainAccuracy = checked("train accuracy", train, true);
        testAccuracy = checked("test accuracy", test, true);
        return this;
    }

    /**
     * Marks {@code epoch} (1-based) as the one whose weights were kept, chosen by {@code selectedBy}
     * (for example "validation"; "test" labels it as selected on the test set, an optimistic number).
     */
    public LearningCurvePlot selectedEpoch(int epoch, String selectedBy) {
        this.selectedBy = Objects.requireNonNull(selectedBy, "selectedBy");
        return bestEpoch(epoch);
    }

    /** Marks {@code epoch} (1-based) as selected on the test set; it must have a test accuracy. */
    public LearningCurvePlot bestEpoch(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("the best epoch is 1-based, got " + epoch);
        }
        bestEpoch = epoch;
        return this;
    }

    /** Draws the figure, {@value #WIDTH} x {@value #HEIGHT} pixels. */
    public BufferedImage render() {
        if (trainLoss == null || trainAccuracy == null) {
            throw new IllegalStateException("learning curves need both loss(...) and accuracy(...)");
        }
        int epochs = trainLoss.length;
        requireLength("test loss", testLoss, epochs);
        requireLength("train accuracy", trainAccuracy, epochs);
        requireLength("test accuracy", testAccuracy, epochs);
        if (bestEpoch > epochs) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " is past the last epoch " + epochs);
        }
        if (bestEpoch > 0 && Double.isNaN(testAccuracy[bestEpoch - 1])) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " has no test accuracy");
        }

        BufferedImage image = Draw.canvas(WIDTH, HEIGHT);
        Graphics2D g = Draw.graphics(image);
        try {
            g.setColor(Draw.INK);
            // A long title shrinks to fit rather than run off the edge.
            double titleSize = Draw.fitFont(g, List.of(title), true, WIDTH - 40, 20, 10);
            g.setFont(Draw.font(titleSize, true));
            Draw.text(g, title, WIDTH / 2.0, 26, 0.5);
            g.setFont(Draw.font(15, false));
            Draw.text(g, summary(), WIDTH / 2.0, 58, 0.5);
            legend(g, 90);

            if (logLoss()) {
                double[] train = log10(trainLoss);
                double[] test = log10(testLoss);
                double lo = Math.floor(min(train, test));
                double hi = Math.ceil(max(train, test));
                double[] lossAxis = {lo, hi, Math.max(1, Math.ceil((hi - lo) / 6))};
                panel(g, lossArea(), lossTitle, "loss (log scale)", train, test, 1, lossAxis, epochs, false, true);
            } else {
                double[] lossAxis = Ticks.bounds(min(trainLoss, testLoss), max(trainLoss, testLoss), 6);
                panel(g, lossArea(), lossTitle, "loss", trainLoss, testLoss, 1, lossAxis, epochs, false, false);
            }

            double[] accAxis = Ticks.bounds(100 * min(trainAccuracy, testAccuracy),
                    100 * max(trainAccuracy, testAccuracy), 7);
            accAxis[0] = Math.max(0, accAxis[0]);
            accAxis[1] = Math.min(100, accAxis[1]);
            panel(g, accuracyArea(), "Accuracy", "accuracy (%)", trainAccuracy, testAccuracy, 100, accAxis, epochs,
                    true, false);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Where the loss panel's data is drawn. */
    static Rectangle2D lossArea() {
        return new Rectangle2D.Double(95, 145, 480, 390);
    }

    /** Where the accuracy panel's data is drawn. */
    static Rectangle2D accuracyArea() {
        return new Rectangle2D.Double(695, 145, 480, 390);
    }

    /** The horizontal pixel position of {@code epoch} in a panel drawing {@code epochs} epochs. */
    static double epochX(Rectangle2D area, double epoch, int epochs) {
        double lo = epochs == 1 ? 0 : 1;
        double hi = epochs == 1 ? 2 : epochs;
        return area.getX() + PAD + (epoch - lo) / (hi - lo) * (area.getWidth() - 2 * PAD);
    }

    /** The line under the title that states the test accuracies. */
    String summary() {
        int last = testAccuracy.length;
        String text = "Test accuracy, last epoch (" + last + "): " + percent(testAccuracy[last - 1]);
        if (bestEpoch > 0) {
            text += selectedBy.startsWith("test")
                    ? "      best epoch (" + bestEpoch + ", selected on test): " + percent(testAccuracy[bestEpoch - 1])
                    : "      selected epoch (" + bestEpoch + ", on " + selectedBy + "): "
                            + percent(testAccuracy[bestEpoch - 1]);
        }
        return text;
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "not measured" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private void legend(Graphics2D g, double y) {
        String marked = selectedBy.startsWith("test") ? "best epoch" : "selected epoch";
        String[] labels = bestEpoch > 0 ? new String[] {"train", "test", marked} : new String[] {"train", "test"};
        g.setFont(Draw.font(14, false));
        double sample = 30;
        double gap = 28;
        double total = -gap;
        for (String label : labels) {
            total += sample + 6 + Draw.width(g, label) + gap;
        }
        double x = (WIDTH - total) / 2;
        for (int i = 0; i < labels.length; i++) {
            if (i == 2) {
                g.setColor(BEST);
                g.setStroke(Draw.dashed(1.5, 4, 4));
                g.draw(new Line2D.Double(x + sample / 2, y - 9, x + sample / 2, y + 9));
            } else {
                g.setColor(i == 0 ? TRAIN : TEST);
                g.setStroke(i == 0 ? Draw.stroke(2.5) : Draw.dashed(2.5, 7, 4));
                g.draw(new Line2D.Double(x, y, x + sample, y));
            }
            g.setColor(Draw.INK);
            Draw.text(g, labels[i], x + sample + 6, y, 0);
            x += sample + 6 + Draw.width(g, labels[i]) + gap;
        }
    }

    private void panel(Graphics2D g, Rectangle2D area, String name, String yLabel, double[] train, double[] test,
                       double scale, double[] yAxis, int epochs, boolean ringBest, boolean log) {
        DoubleUnaryOperator px = e -> epochX(area, e, epochs);
        double bottom = area.getMaxY() - PAD;
        double height = area.getHeight() - 2 * PAD;
        DoubleUnaryOperator py = v -> bottom - (v - yAxis[0]) / (yAxis[1] - yAxis[0]) * height;

        g.setColor(Draw.INK);
        g.setFont(Draw.font(16, true));
        Draw.text(g, name, area.getCenterX(), area.getY() - 16, 0.5);

        double[] yTicks = Ticks.at(yAxis[0], yAxis[1], yAxis[2]);
        g.setFont(Draw.font(13, false));
        double widestLabel = 0;
        for (double t : yTicks) {
            double y = py.applyAsDouble(t);
            g.setColor(Draw.GRID);
            g.setStroke(Draw.stroke(1));
            g.draw(new Line2D.Double(area.getX(), y, area.getMaxX(), y));
            g.setColor(Draw.INK);
            g.draw(new Line2D.Double(area.getX() - 5, y, area.getX(), y));
            String label = log ? Ticks.compact(Math.pow(10, t)) : Ticks.label(t, yAxis[2]);
            Draw.text(g, label, area.getX() - 8, y, 1);
            widestLabel = Math.max(widestLabel, Draw.width(g, label));
        }
        double[] xTicks = epochTicks(epochs);
        for (double t : xTicks) {
            double x = px.applyAsDouble(t);
            g.setColor(Draw.INK);
            g.draw(new Line2D.Double(x, area.getMaxY(), x, area.getMaxY() + 5));
            Draw.text(g, Ticks.label(t, 1), x, area.getMaxY() + 17, 0.5);
        }
        g.setFont(Draw.font(14, false));
        Draw.text(g, "epoch", area.getCenterX(), area.getMaxY() + 44, 0.5);
        Draw.verticalText(g, yLabel, area.getX() - 8 - widestLabel - 14, area.getCenterY());

        Shape savedClip = g.getClip();
        g.clip(new Rectangle2D.Double(area.getX() - 6, area.getY() - 6, area.getWidth() + 12, area.getHeight() + 12));
        if (bestEpoch > 0) {
            double x = px.applyAsDouble(bestEpoch);
            g.setColor(BEST);
            g.setStroke(Draw.dashed(1.5, 4, 4));
            g.draw(new Line2D.Double(x, area.getY(), x, area.getMaxY()));
        }
        curve(g, train, scale, px, py, TRAIN, Draw.stroke(2.5), epochs <= MARKERS_UP_TO);
        curve(g, test, scale, px, py, TEST, Draw.dashed(2.5, 7, 4), epochs <= MARKERS_UP_TO);
        if (bestEpoch > 0 && ringBest) {
            g.setColor(BEST);
            g.setStroke(Draw.stroke(2));
            double x = px.applyAsDouble(bestEpoch);
            double y = py.applyAsDouble(scale * test[bestEpoch - 1]);
            g.draw(new Ellipse2D.Double(x - 7, y - 7, 14, 14));
        }
        g.setClip(savedClip);

        g.setColor(Draw.INK);
        g.setStroke(Draw.stroke(1.2));
        g.draw(area);
    }

    private static void curve(Graphics2D g, double[] values, double scale,
                              DoubleUnaryOperator px, DoubleUnaryOperator py,
                              Color color, Stroke stroke, boolean markers) {
        g.setColor(color);
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                open = false;
                continue;
            }
            double x = px.applyAsDouble(i + 1);
            double y = py.applyAsDouble(scale * values[i]);
            if (open) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
                open = true;
            }
            boolean isolated = (i == 0 || Double.isNaN(values[i - 1]))
                    && (i == values.length - 1 || Double.isNaN(values[i + 1]));
            if (markers || isolated) {
                g.fill(new Ellipse2D.Double(x - 3.5, y - 3.5, 7, 7));
            }
        }
        g.setStroke(stroke);
        g.draw(path);
    }

    /** Epoch 1, then whole-number nice steps up to the last epoch. */
    private static double[] epochTicks(int epochs) {
        if (epochs == 1) {
            return new double[] {1};
        }
        double step = Ticks.integerStep(epochs - 1, 8);
        double[] multiples = Ticks.at(1, epochs, step);
        if (multiples.length > 0 && multiples[0] == 1) {
            return multiples;
        }
        double[] ticks = new double[multiples.length + 1];
        ticks[0] = 1;
        System.arraycopy(multiples, 0, ticks, 1, multiples.length);
        // Drop a multiple that would crowd the label of epoch 1.
        if (ticks.length > 2 && ticks[1] - 1 < step / 2) {
            double[] thinned = new double[ticks.length - 1];
            thinned[0] = 1;
            System.arraycopy(ticks, 2, thinned, 1, ticks.length - 2);
            return thinned;
        }
        return ticks;
    }

    private static double[] checked(String what, double[] values, boolean fraction) {
        Objects.requireNonNull(values, what);
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " has no epochs");
        }
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(what + " of epoch " + (i + 1) + " is " + v);
            }
            if (fraction && (v < 0 || v > 1)) {
                throw new IllegalArgumentException(what + " of epoch " + (i + 1) + " is " + v
                        + "; accuracies are fractions in [0, 1]");
            }
            any |= !Double.isNaN(v);
        }
        if (!any) {
            throw new IllegalArgumentException(what + " has no value in any epoch (all NaN)");
        }
        return values.clone();
    }

    private static void requireLength(String what, double[] values, int epochs) {
        if (values.length != epochs) {
            throw new IllegalArgumentException(what + " has " + values.length + " epochs, train loss has " + epochs);
        }
    }

    private static double[] log10(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.log10(values[i]);
        }
        return out;
    }

    private static double min(double[] a, double[] b) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] s : new double[][] {a, b}) {
            for (double v : s) {
                if (!Double.isNaN(v)) {
                    m = Math.min(m, v);
                }
            }
        }
        return m;
    }

    private static double max(double[] a, double[] b) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] s : new double[][] {a, b}) {
            for (double v : s) {
                if (!Double.isNaN(v)) {
                    m = Math.max(m, v);
                }
            }
        }
        return m;
    }
}
