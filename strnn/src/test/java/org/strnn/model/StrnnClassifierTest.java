package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The embedding API: no allocation beyond the result, and safe to share between threads. */
class StrnnClassifierTest {

    /** Calls per measured round of the allocation tests. */
    private static final int ROUND = 200;

    private static double[][][] sample(StrnnConfig c, SplittableRandom rng) {
        double[][][] x = new double[c.steps()][c.vertices()][c.features()];
        for (double[][] slice : x) {
            for (double[] v : slice) {
                for (int f = 0; f < v.length; f++) {
                    v[f] = rng.nextGaussian();
                }
            }
        }
        return x;
    }

    /** The thread bean that counts allocated bytes; the test is skipped on a JVM without one. */
    private static com.sun.management.ThreadMXBean allocationCounter() {
        var bean = ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "needs com.sun.management.ThreadMXBean to count allocated bytes");
        return (com.sun.management.ThreadMXBean) bean;
    }

    @Test
    void aWarmPredictAllocatesOnlyItsResult() {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        StrnnConfig c = StrnnConfig.seedDefaults();
        StrnnClassifier clf = StrnnClassifier.of(new StrnnModel(c, new SplittableRandom(1)));
        double[][][] x = sample(c, new SplittableRandom(2));
        // The result, double[3], is 40 bytes with its header; nothing else may be allocated.
        long perCall = warmRoundAllocation(threads, () -> clf.predict(x), 64) / ROUND;
        assertTrue(perCall <= 64, perCall + " bytes allocated per predict call");
    }

    @Test
    void aWarmPredictIntoACallersArrayAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        StrnnConfig c = StrnnConfig.seedDefaults();
        StrnnClassifier clf = StrnnClassifier.of(new StrnnModel(c, new SplittableRandom(1)));
        int batch = 3;
        double[] x = StrnnModelTest.randomSamples(batch, c, new SplittableRandom(2));
        double[] out = new double[batch * c.classes()];
        assertEquals(0, warmRoundAllocation(threads, () -> clf.predict(x, batch, out), 0),
                "bytes allocated by " + ROUND + " warm predict calls");
    }

    @Test
    void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
        StrnnConfig c = StrnnConfig.seedDefaults();
        StrnnClassifier clf = StrnnClassifier.of(new StrnnModel(c, new SplittableRandom(3)));
        SplittableRandom rng = new SplittableRandom(4);
        List<double[][][]> inputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inputs.add(sample(c, rng));
            expected.add(clf.predict(inputs.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // Each job returns what it computed; the comparison happens here, on the test thread.
            List<Future<double[][]>> results = new ArrayList<>();
            for (int job = 0; job < 8; job++) {
                int offset = job;
                results.add(pool.submit(() -> {
                    double[][] got = new double[20][];
                    for (int round = 0; round < 20; round++) {
                        got[round] = clf.predict(inputs.get((offset + round) % inputs.size()));
                    }
                    return got;
                }));
            }
            for (int job = 0; job < results.size(); job++) {
                double[][] got = results.get(job).get();
                for (int round = 0; round < got.length; round++) {
                    int i = (job + round) % inputs.size();
                    assertArrayEquals(expected.get(i), got[round], 0.0, "job " + job + ", round " + round);
                }
            }
        } finally {
            pool.shutdown();
        }
        double[][][][] batch = inputs.toArray(new double[0][][][]);
        double[][] all = clf.predict(batch);
        for (int i = 0; i < all.length; i++) {
            assertArrayEquals(expected.get(i), all[i], 1e-15);
        }
    }

    /**
     * Bytes a round of {@link #ROUND} calls allocates once warm. Warm means compiled: the Vector
     * API kernels (run with --add-modules jdk.incubator.vector) allocate a box per vector
     * operation until C2 has compiled them, which can take many thousands of calls on a loaded
     * machine. So this measures rounds
     * until one allocates at most {@code allowedPerCall} bytes per call, for up to two minutes of
     * warm-up (a bound on waiting for the compiler, not a speed requirement), and returns the last
     * round's bytes.
     */
    private static long warmRoundAllocation(com.sun.management.ThreadMXBean threads, Runnable call,
                                            long allowedPerCall) {
        long id = Thread.currentThread().getId();
        long deadline = System.nanoTime() + 120_000_000_000L;
        long bytes;
        do {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < ROUND; i++) {
                call.run();
            }
            bytes = threads.getThreadAllocatedBytes(id) - before;
        } while (bytes > allowedPerCall * ROUND && System.nanoTime() < deadline);
        return bytes;
    }
}
