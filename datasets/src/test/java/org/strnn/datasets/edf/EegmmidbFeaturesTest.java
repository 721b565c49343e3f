package org.strnn.datasets.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.strnn.layout.Layouts;
import org.strnn.datasets.features.Band;
import org.strnn.datasets.features.DifferentialEntropy;
import org.strnn.datasets.features.Slicing;

/**
 * DE of a real recording (S001R03, 1-s slices) is finite and physiologically plausible.
 *
 * <p>Measured (nats, min/median/max over 125 slices x 64 channels): delta 3.04/4.65/6.65, theta
 * 2.11/4.13/5.60, alpha 2.28/3.99/5.37, beta 3.10/3.94/4.81, gamma 2.76/3.37/4.47. The bounds
 * below, [1.4, 7.5], are band RMS amplitudes of about 1 µV to 440 µV ({@code DE = 0.5 ln(2 pi e
 * rms^2)}): anything outside means wrong scaling or a broken filter, not unusual EEG.
 */
class EegmmidbFeaturesTest {

    @Test
    void deOfEveryChannelSliceAndBandIsFiniteAndPlausible() {
        LayoutSignals placed = LayoutSignals.of(Eegmmidb.read(Eegmmidb.R03), Layouts.cap64());
        double[][][] de = DifferentialEntropy.compute(placed.samples(), placed.sampleRate(), Slicing.SEED);
        assertEquals(125, de.length);
        double[] medians = new double[5];
        for (int b = 0; b < 5; b++) {
            double[] values = new double[125 * 64];
            int p = 0;
            for (double[][] slice : de) {
                assertEquals(64, slice.length);
                for (double[] channel : slice) {
                    assertEquals(5, channel.length);
                    double v = channel[b];
                    assertTrue(Double.isFinite(v) && v > 1.4 && v < 7.5, Band.SEED.get(b) + ": DE " + v);
                    values[p++] = v;
                }
            }
            Arrays.sort(values);
            medians[b] = values[values.length / 2];
            assertTrue(medians[b] > 3 && medians[b] < 5.5, Band.SEED.get(b) + ": median " + medians[b]);
        }
        // EEG power falls with frequency, so DE does from delta to gamma (per-band widths notwithstanding).
        assertTrue(medians[0] > medians[1] && medians[1] > medians[4], Arrays.toString(medians));
    }
}
