package org.strnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Parallel;

/** The same seed gives bit-identical parameters after training; the thread count does not matter. */
class DeterminismTest {

    private static Map<String, double[]> trainFrom(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        LearningTest.ParityNet net = new LearningTest.ParityNet(new LstmCell(2, 6, rng), rng);
        LearningTest.train(net, 8, 30, 16, 0.02, rng);
        return net.copyValues();
    }

    private static void assertBitIdentical(Map<String, double[]> a, Map<String, double[]> b) {
        assertArrayEquals(a.keySet().toArray(), b.keySet().toArray());
        for (String name : a.keySet()) {
            double[] x = a.get(name);
            double[] y = b.get(name);
            long[] bx = Arrays.stream(x).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] by = Arrays.stream(y).mapToLong(Double::doubleToRawLongBits).toArray();
            assertArrayEquals(bx, by, name);
        }
    }

    @Test
    void sameSeedSameBits() {
        Map<String, double[]> first = trainFrom(99);
        assertBitIdentical(first, trainFrom(99));
        assertFalse(Arrays.equals(first.get("out.W"), trainFrom(100).get("out.W")));
    }

    @Test
    void threadCountDoesNotChangeTheBits() {
        Map<String, double[]> serial = trainFrom(5);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(2);
            assertBitIdentical(serial, trainFrom(5));
        } finally {
            Parallel.setThreads(before);
        }
    }
}
