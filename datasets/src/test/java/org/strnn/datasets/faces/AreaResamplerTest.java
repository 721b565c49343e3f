package org.strnn.datasets.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AreaResamplerTest {

    @Test
    void wholeFactorAveragesBlocks() {
        GreyImage src = GreyImage.of(4, 2, new double[] {
            0, 1, 2, 3,
            4, 5, 6, 7,
        });
        GreyImage out = AreaResampler.resize(src, 2, 1);
        assertArrayEquals(new double[] {(0 + 1 + 4 + 5) / 4.0, (2 + 3 + 6 + 7) / 4.0}, out.pixels(), 1e-15);
    }

    @Test
    void fractionalCoverageWeighsPartialPixels() {
        // 3 -> 2 columns: each output covers 1.5 source pixels, weights (2/3, 1/3) and (1/3, 2/3).
        GreyImage src = GreyImage.of(3, 1, new double[] {3, 6, 9});
        GreyImage out = AreaResampler.resize(src, 2, 1);
        assertArrayEquals(new double[] {3 * 2 / 3.0 + 6 / 3.0, 6 / 3.0 + 9 * 2 / 3.0}, out.pixels(), 1e-12);
    }

    @Test
    void enlargingRepeatsPixels() {
        GreyImage src = GreyImage.of(2, 1, new double[] {0.25, 0.75});
        GreyImage out = AreaResampler.resize(src, 4, 2);
        assertArrayEquals(new double[] {0.25, 0.25, 0.75, 0.75, 0.25, 0.25, 0.75, 0.75}, out.pixels(), 0.0);
        // 2 -> 3: the middle output straddles both sources equally.
        assertArrayEquals(new double[] {0.25, 0.5, 0.75}, AreaResampler.resize(src, 3, 1).pixels(), 1e-15);
    }

    @Test
    void sameSizeIsIdentity() {
        GreyImage src = GreyImage.of(2, 2, new double[] {1, 2, 3, 4});
        assertSame(src, AreaResampler.resize(src, 2, 2));
    }

    @Test
    void preservesMeanAndConstantsForAwkwardRatios() {
        SplittableRandom rng = new SplittableRandom(3);
        int[][] shapes = {{17, 13, 5, 7}, {640, 490, 48, 48}, {7, 3, 11, 2}, {1, 1, 3, 3}};
        for (int[] s : shapes) {
            double[] px = new double[s[0] * s[1]];
            for (int i = 0; i < px.length; i++) {
                px[i] = rng.nextDouble();
            }
            GreyImage out = AreaResampler.resize(GreyImage.of(s[0], s[1], px), s[2], s[3]);
            assertEquals(s[2], out.width());
            assertEquals(s[3], out.height());
            // Every source pixel is covered exactly once in total, so the mean survives any ratio.
            assertEquals(mean(px), mean(out.pixels()), 1e-12, Arrays.toString(s));
            double[] flat = new double[px.length];
            Arrays.fill(flat, 0.37);
            for (double v : AreaResampler.resize(GreyImage.of(s[0], s[1], flat), s[2], s[3]).pixels()) {
                assertEquals(0.37, v, 1e-12);
            }
        }
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }
}
