package org.strnn.datasets.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftBandPassTest {

    private static final double FS = 160;

    private static double[] tone(int n, double hz, double amplitude, double phase) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / FS + phase);
        }
        return x;
    }

    @Test
    void anInBandToneComesThroughUnchangedAndWithoutPhaseShift() {
        int n = 60 * 160;
        double[] x = tone(n, 10, 3, 0.4);
        double[][] y = new FftBandPass(n, FS, Band.SEED).apply(x);
        // Away from the two ends (5 s each), alpha reproduces the tone sample by sample.
        for (int i = 800; i < n - 800; i++) {
            assertEquals(x[i], y[2][i], 1e-3 * 3, "sample " + i);
        }
    }

    @Test
    void anOutOfBandToneIsRemoved() {
        int n = 60 * 160;
        double[] mains = tone(n, 60, 100, 0.1);
        double[][] y = new FftBandPass(n, FS, Band.SEED).apply(mains);
        for (int b = 0; b < 5; b++) {
            double peak = 0;
            for (int i = 800; i < n - 800; i++) {
                peak = Math.max(peak, Math.abs(y[b][i]));
            }
            // -80 dB: what is left is the tail of the ends' disturbance (measured 3.7e-3 in delta).
            assertTrue(peak < 1e-2, Band.SEED.get(b) + " lets " + peak + " of a 100-unit 60 Hz tone through");
        }
    }

    @Test
    void brickWallBandsAddUpToTheirUnion() {
        int n = 1000;
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-10, 10);
        }
        List<Band> parts = List.of(new Band("a", 1, 4), new Band("b", 4, 8), new Band("c", 8, 31));
        double[][] split = new FftBandPass(n, FS, parts, 0).apply(x);
        double[][] whole = new FftBandPass(n, FS, List.of(new Band("abc", 1, 31)), 0).apply(x);
        for (int i = 0; i < n; i++) {
            assertEquals(whole[0][i], split[0][i] + split[1][i] + split[2][i], 1e-9);
        }
    }

    @Test
    void softEdgesArePowerComplementaryAndPassTheNominalWidth() {
        FftBandPass filter = new FftBandPass(100, FS, Band.SEED);
        for (int b = 0; b + 1 < Band.SEED.size(); b++) {
            Band lower = Band.SEED.get(b);
            Band upper = Band.SEED.get(b + 1);
            for (double hz = lower.highHz() - 0.3; hz < lower.highHz() + 0.3; hz += 0.01) {
                double power = Math.pow(filter.gain(lower, hz), 2) + Math.pow(filter.gain(upper, hz), 2);
                assertEquals(1.0, power, 1e-12, lower.name() + "/" + upper.name() + " at " + hz + " Hz");
            }
        }
        for (Band band : Band.SEED) {
            double integral = 0;
            double step = 1e-4;
            for (double hz = step / 2; hz < FS / 2; hz += step) {
                integral += Math.pow(filter.gain(band, hz), 2) * step;
            }
            assertEquals(band.highHz() - band.lowHz(), integral, 1e-6, band.name());
            assertEquals(1.0, filter.gain(band, (band.lowHz() + band.highHz()) / 2));
            assertEquals(0.5, Math.pow(filter.gain(band, band.lowHz()), 2), 1e-12);
            assertEquals(0.0, filter.gain(band, band.highHz() + 0.25));
        }
    }

    @Test
    void anOddNumberOfBandsIsFiltered() {
        int n = 1600;
        double[] x = tone(n, 20, 1, 0);
        double[][] y = new FftBandPass(n, FS, List.of(new Band("beta", 14, 31))).apply(x);
        assertEquals(1, y.length);
        assertEquals(x[800], y[0][800], 1e-3);
    }

    @Test
    void paddedLengthIsAPowerOfTwoWithRoomForTheMirror() {
        FftBandPass filter = new FftBandPass(125 * 160, FS, Band.SEED);
        assertEquals(32768, filter.transformLength());
        assertTrue(new FftBandPass(1, FS, Band.SEED).transformLength() >= 2);
    }

    @Test
    void refusesABandAboveNyquist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FftBandPass(100, 80, Band.SEED));
        assertTrue(e.getMessage().contains("Nyquist"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FftBandPass(100, FS, List.of(new Band("x", 0.1, 4))));
        assertThrows(IllegalArgumentException.class, () -> new FftBandPass(100, FS, List.of(new Band("x", 4, 4.2))));
        assertThrows(IllegalArgumentException.class, () -> new FftBandPass(100, FS, Band.SEED).apply(new double[99]));
    }
}
