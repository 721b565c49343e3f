package org.strnn.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElectrodeSaliencyTest {

    @Test
    void sumsAbsoluteWeightsOverRegionsAndDirectionsThenScalesTheLargestToOne() {
        double[][] g0 = {{1, -1}, {0, 0.5}, {0, 0}};
        double[][] g1 = {{-2, 0}, {0.5, 0}, {0, 0}};
        // Raw sums: 4, 1, 0.
        assertArrayEquals(new double[] {1, 0.25, 0}, ElectrodeSaliency.of(List.of(g0, g1)), 1e-15);
        assertArrayEquals(new double[] {1, 0.25, 0}, ElectrodeSaliency.of(g0, g1), 1e-15);
    }

    @Test
    void allZeroWeightsGiveZeroSaliency() {
        assertArrayEquals(new double[] {0, 0}, ElectrodeSaliency.of(List.of(new double[2][3], new double[2][3])), 0);
    }

    @Test
    void rejectsMismatchedOrBadProjections() {
        Pixels.assertRejected(() -> ElectrodeSaliency.of(List.of()), "at least one");
        Pixels.assertRejected(() -> ElectrodeSaliency.of(), "at least one");
        Pixels.assertRejected(() -> ElectrodeSaliency.of(List.of(new double[3][2], new double[4][2])), "G_1", "4 rows");
        Pixels.assertRejected(() -> ElectrodeSaliency.of(List.of(new double[3][2], new double[3][3])), "G_1", "3 columns");
        Pixels.assertRejected(() -> ElectrodeSaliency.of(new double[][] {{Double.NaN}}), "G_0[0][0]", "NaN");
        Pixels.assertRejected(() -> ElectrodeSaliency.of(new double[0][0]), "empty");
    }
}
