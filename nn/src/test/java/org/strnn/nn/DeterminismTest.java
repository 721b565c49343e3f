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

    /**
     * A net wide enough that the LSTM's recurrent products (batch 32 x hidden 32 x 4*32 gates,
     * 131072 multiply-adds, forward and backward) cross the size at which matrix products are split
     * across threads (2^16); the small net of {@link #trainFrom} stays below it.
     */
    private static Map<String, double[]> trainWideFrom(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        LearningTest.ParityNet net = new LearningTest.ParityNet(new LstmCell(2, 32, rng), rng);
        LearningTest.train(net, 6, 8, 32, 0.02, rng);
        return net.copyValues();
    }

    @Test
    void threadCountDoesNotChangeTheBits() {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Map<String, double[]> serial = trainWideFrom(5);
            for (int threads : new int[] {2, 3}) {
                Parallel.setThreads(threads);
                assertBitIdentical(serial, trainWideFrom(5));
            }
        } finally {
            Parallel.setThreads(before);
        }
    }
}
