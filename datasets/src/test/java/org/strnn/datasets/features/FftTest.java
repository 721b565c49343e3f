package org.strnn.datasets.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void forwardMatchesTheDefinitionOfTheDft() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n : new int[] {1, 2, 4, 8, 64}) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = random.nextDouble(-1, 1);
                im[i] = random.nextDouble(-1, 1);
            }
            double[] fre = re.clone();
            double[] fim = im.clone();
            new Fft(n).forward(fre, fim);
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < n; j++) {
                    double angle = -2 * Math.PI * j * k / n;
                    sr += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
                    si += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
                }
                assertEquals(sr, fre[k], 1e-10, "n=" + n + " re[" + k + "]");
                assertEquals(si, fim[k], 1e-10, "n=" + n + " im[" + k + "]");
            }
        }
    }

    @Test
    void inverseUndoesForward() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 1024;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = random.nextDouble(-5, 5);
            im[i] = random.nextDouble(-5, 5);
        }
        double[] r = re.clone();
        double[] m = im.clone();
        Fft fft = new Fft(n);
        fft.forward(r, m);
        fft.inverse(r, m);
        for (int i = 0; i < n; i++) {
            assertEquals(re[i], r[i], 1e-12);
            assertEquals(im[i], m[i], 1e-12);
        }
    }

    @Test
    void refusesLengthsThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new Fft(12));
        assertThrows(IllegalArgumentException.class, () -> new Fft(0));
        assertThrows(IllegalArgumentException.class, () -> new Fft(8).forward(new double[4], new double[4]));
    }
}
