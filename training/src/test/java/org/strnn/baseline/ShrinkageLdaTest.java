package org.strnn.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShrinkageLdaTest {

    /** A split whose training part lacks a class (a small fold) still fits, and never predicts that class. */
    @Test
    void aClassWithoutTrainingSamplesIsNeverPredicted() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = new double[40][4];
        int[] y = new int[40];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 2 == 0 ? 0 : 2;
            for (int j = 0; j < 4; j++) {
                x[i][j] = rng.nextGaussian() + (y[i] == 2 ? 2.0 : 0.0);
            }
        }
        ShrinkageLda lda = ShrinkageLda.fit(x, y, 3);
        double[] s = lda.scores(new double[] {1, 1, 1, 1});
        assertEquals(Double.NEGATIVE_INFINITY, s[1]);
        assertTrue(Double.isFinite(s[0]) && Double.isFinite(s[2]), java.util.Arrays.toString(s));
        assertTrue(lda.scores(new double[] {2, 2, 2, 2})[2] > lda.scores(new double[] {2, 2, 2, 2})[0]);
    }
}
