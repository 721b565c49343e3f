package org.strnn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** The canvas, fonts, text placement and colours that every plot shares. */
final class Draw {

    static final Color BACKGROUND = Color.WHITE;
    static final Color INK = new Color(0x222222);
    static final Color MUTED = new Color(0x666666);
    static final Color GRID = new Color(0xE6E6E6);

    /** Fraction of the em size that a capital letter stands above the baseline (close for sans fonts). */
    private static final double CAP_HEIGHT = 0.72;

    private Draw() {
    }

    /** A white RGB canvas. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Graphics with antialiased shapes and text; the caller disposes of it. */
    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    static Font font(double size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 12).deriveFont((float) size);
    }

    static Stroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static Stroke dashed(double width, double dash, double gap) {
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {(float) dash, (float) gap}, 0f);
    }

    static double width(Graphics2D g, String s) {
        return g.getFontMetrics().getStringBounds(s, g).getWidth();
    }

    /**
     * Draws {@code s} with its vertical middle (of a capital letter) at {@code y}; {@code anchor} is
     * the fraction of its width that sits left of {@code x} (0 left-aligned, 0.5 centred, 1 right).
     */
    static void text(Graphics2D g, String s, double x, double y, double anchor) {
        double baseline = y + CAP_HEIGHT * g.getFont().getSize2D() / 2;
        g.drawString(s, (float) (x - anchor * width(g, s)), (float) baseline);
    }

    /** Like {@link #text}, turned 90 degrees anticlockwise (read from bottom to top), centred on (x, y). */
    static void verticalText(Graphics2D g, String s, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        text(g, s, 0, 0, 0.5);
        g.setTransform(saved);
    }

    /**
     * The largest font size, at most {@code max} and at least {@code min}, at which every string fits
     * in {@code width} pixels.
     */
    static double fitFont(Graphics2D g, Iterable<String> strings, boolean bold, double width, double max, double min) {
        double size = max;
        Font saved = g.getFont();
        while (size > min) {
            g.setFont(font(size, bold));
            FontMetrics fm = g.getFontMetrics();
            boolean fits = true;
            for (String s : strings) {
                if (fm.getStringBounds(s, g).getWidth() > width) {
                    fits = false;
                    break;
                }
            }
            if (fits) {
                break;
            }
            size -= 0.5;
        }
        g.setFont(saved);
        return Math.max(size, min);
    }

    /** WCAG relative luminance of an sRGB colour, in [0, 1]. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** Black or white, whichever contrasts more with {@code fill}. */
    static Color textOn(Color fill) {
        double l = luminance(fill);
        double againstBlack = (l + 0.05) / 0.05;
        double againstWhite = 1.05 / (l + 0.05);
        return againstBlack >= againstWhite ? Color.BLACK : Color.WHITE;
    }
}
