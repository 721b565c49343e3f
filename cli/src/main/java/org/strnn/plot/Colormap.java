package org.strnn.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * A colour scale on {@code [0, 1]}: evenly spaced colour stops, linearly interpolated in sRGB.
 *
 * <p>{@link #VIRIDIS} is sequential, for values that only grow (saliency): its lightness rises
 * monotonically from dark purple to yellow, so order survives greyscale printing and the common
 * colour-vision deficiencies. {@link #BLUE_WHITE_RED} is diverging, for signed values: blue below
 * the middle, near-white at {@code 0.5}, red above.
 */
public final class Colormap {

    /** Viridis, sampled at ten evenly spaced points (the published colours of the scale). */
    public static final Colormap VIRIDIS = new Colormap("viridis",
            0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725);

    /** Blue, white, red: a diverging scale whose middle stop ({@code t = 0.5}) is near-white. */
    public static final Colormap BLUE_WHITE_RED = new Colormap("blue-white-red",
            0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B);

    private final String name;
    private final int[] stops;

    /**
     * A colormap through {@code stops} (0xRRGGBB), the first at {@code t = 0} and the last at
     * {@code t = 1}, evenly spaced.
     */
    public Colormap(String name, int... stops) {
        this.name = Objects.requireNonNull(name, "name");
        if (stops.length < 2) {
            throw new IllegalArgumentException("colormap " + name + " needs at least 2 colour stops, got " + stops.length);
        }
        this.stops = stops.clone();
    }

    public String name() {
        return name;
    }

    /** The colour at {@code t}; values outside {@code [0, 1]} are clamped to the ends. */
    public Color at(double t) {
        return new Color(rgb(t));
    }

    /** {@link #at(double)} as 0xRRGGBB. */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("colormap " + name + " has no colour for NaN");
        }
        double x = Math.min(1.0, Math.max(0.0, t)) * (stops.length - 1);
        int i = Math.min((int) Math.floor(x), stops.length - 2);
        double f = x - i;
        int a = stops[i];
        int b = stops[i + 1];
        return (mix(a >> 16, b >> 16, f) << 16) | (mix(a >> 8, b >> 8, f) << 8) | mix(a, b, f);
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * f);
    }

    @Override
    public String toString() {
        return name;
    }
}
