package org.strnn.datasets.faces;

/**
 * Resizes a grey image by area averaging (a box filter with exact fractional coverage).
 *
 * <p>Each output pixel covers a rectangle of the source whose sides are {@code W/w} and
 * {@code H/h} source pixels. Its value is the mean of the source over that rectangle, where a
 * source pixel counts with the fraction of it that lies inside. The filter is separable (rows,
 * then columns), and the overlaps are computed in exact integer arithmetic, so a constant image
 * stays constant and the image mean is preserved (up to rounding). Shrinking by a whole factor {@code k} averages
 * {@code k x k} blocks. Enlarging repeats pixels (nearest neighbour, blended at the seams). The
 * aspect ratio is not preserved: the image is stretched to the target size.
 */
public final class AreaResampler {

    private AreaResampler() {
    }

    /** {@code source} resized to {@code width x height}. */
    public static GreyImage resize(GreyImage source, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("target size must be at least 1x1, got " + width + "x" + height);
        }
        int sw = source.width();
        int sh = source.height();
        if (sw == width && sh == height) {
            return source;
        }
        double[] src = source.pixelsNoCopy();
        Axis cols = new Axis(sw, width);
        Axis rows = new Axis(sh, height);

        double[] wide = new double[sh * width];
        for (int y = 0; y < sh; y++) {
            cols.apply(src, y * sw, 1, wide, y * width, 1);
        }
        double[] out = new double[height * width];
        for (int x = 0; x < width; x++) {
            rows.apply(wide, x, width, out, x, width);
        }
        return GreyImage.wrap(width, height, out);
    }

    /** The coverage weights of one axis: source length {@code s} onto target length {@code t}. */
    private static final class Axis {
        private final int[] first;
        private final double[][] weights;

        Axis(int s, int t) {
            first = new int[t];
            weights = new double[t][];
            // Target cell j spans [j*s, (j+1)*s) and source cell i spans [i*t, (i+1)*t), in units of 1/(s*t).
            for (int j = 0; j < t; j++) {
                long lo = (long) j * s;
                long hi = lo + s;
                int i0 = (int) (lo / t);
                int i1 = (int) ((hi - 1) / t);
                first[j] = i0;
                weights[j] = new double[i1 - i0 + 1];
                for (int i = i0; i <= i1; i++) {
                    long overlap = Math.min(hi, (i + 1L) * t) - Math.max(lo, (long) i * t);
                    weights[j][i - i0] = (double) overlap / s;
                }
            }
        }

        void apply(double[] src, int srcOffset, int srcStride, double[] dst, int dstOffset, int dstStride) {
            for (int j = 0; j < first.length; j++) {
                double[] w = weights[j];
                int p = srcOffset + first[j] * srcStride;
                double sum = 0;
                for (double wi : w) {
                    sum += wi * src[p];
                    p += srcStride;
                }
                dst[dstOffset + j * dstStride] = sum;
            }
        }
    }
}
