package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.kernel.KernelProvider;
import org.strnn.autograd.testing.ChildProcess;

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
    void aWarmPredictAllocatesOnlyItsResult() throws Exception {
        // The result, double[3], is 40 bytes with its header; nothing else may be allocated.
        long perCall = warmRoundAllocation(RESULT) / ROUND;
        assertTrue(perCall <= 64, perCall + " bytes allocated per predict call");
    }

    @Test
    void aWarmPredictIntoACallersArrayAllocatesNothing() throws Exception {
        assertEquals(0, warmRoundAllocation(INTO), "bytes allocated by " + ROUND + " warm predict calls");
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

    /** Which call the allocation tests measure: {@code predict(x)}, which returns a new array. */
    private static final String RESULT = "result";
    /** {@code predict(x, batch, out)}, which writes into the caller's array. */
    private static final String INTO = "into";

    /**
     * Calls before the measured round, in a child JVM with {@code -Xbatch}. There the last call
     * that allocated was call 2,110, with either kernels (measured twice, the same call each time),
     * so this is about three times that.
     */
    private static final int WARM_CALLS = 6000;

    /** The child JVM's measurements, {@code "result"} and {@code "into"} to bytes; made once. */
    private static Map<String, Long> warm;

    /**
     * Bytes a round of {@link #ROUND} calls of {@code which} allocates once warm, measured so
     * that it does not depend on when the JIT compiles.
     *
     * <p>In the interpreter ({@code -Xint}) predict with the scalar kernels allocates nothing
     * after its first call, which creates the per-thread scratch. Compiled code allocates a few
     * hundred bytes now and then while methods are compiled and recompiled, and the Vector API
     * kernels allocate a box per vector operation until C2 has compiled them; when that happens
     * depends on the machine's load, because the compilers run in the background. So the round is
     * measured in a child JVM, with this JVM's kernels, and with {@code -Xbatch}: each
     * compilation finishes before the call that asked for it goes on, so after a fixed number of
     * calls the same code is compiled however loaded the machine is.
     */
    private static synchronized long warmRoundAllocation(String which) throws Exception {
        allocationCounter();
        if (warm == null) {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Xbatch"));
            if (!"scalar".equals(KernelProvider.name())) {
                cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), StrnnClassifierTest.class.getName(),
                    Integer.toString(WARM_CALLS)));
            ChildProcess.Finished child = ChildProcess.run(
                    new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD), Duration.ofMinutes(15));
            assertEquals(0, child.exitCode(), "child JVM failed: " + String.join(" ", cmd) + "\n" + child.output());
            List<String> lines = child.output().strip().lines().toList();
            assertEquals(List.of("kernels " + KernelProvider.name(), RESULT, INTO),
                    lines.stream().map(l -> l.replaceAll(" -?\\d+$", "")).toList(), child.output());
            warm = Map.of(RESULT, Long.parseLong(lines.get(1).split(" ")[1]),
                    INTO, Long.parseLong(lines.get(2).split(" ")[1]));
        }
        return warm.get(which);
    }

    /** The bytes that the calling thread allocates in one round of {@code which} after {@code warmCalls} calls. */
    static long measure(String which, int warmCalls) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StrnnConfig c = StrnnConfig.seedDefaults();
        StrnnClassifier clf = StrnnClassifier.of(new StrnnModel(c, new SplittableRandom(1)));
        Runnable call;
        if (RESULT.equals(which)) {
            double[][][] x = sample(c, new SplittableRandom(2));
            call = () -> clf.predict(x);
        } else {
            int batch = 3;
            double[] x = StrnnModelTest.randomSamples(batch, c, new SplittableRandom(2));
            double[] out = new double[batch * c.classes()];
            call = () -> clf.predict(x, batch, out);
        }
        for (int i = 0; i < warmCalls; i++) {
            call.run();
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < ROUND; i++) {
            call.run();
        }
        return threads.getThreadAllocatedBytes(id) - before;
    }

    /**
     * The child JVM of {@link #warmRoundAllocation}: prints the kernels, then for each call the
     * bytes of its round after {@code args[0]} warm-up calls.
     */
    public static void main(String[] args) {
        int warmCalls = Integer.parseInt(args[0]);
        System.out.println("kernels " + KernelProvider.name());
        System.out.println(RESULT + " " + measure(RESULT, warmCalls));
        System.out.println(INTO + " " + measure(INTO, warmCalls));
    }

    /**
     * A classifier's workspaces go with it: a long-lived thread that calls many short-lived
     * classifiers (a trainer evaluates a new one every epoch, a sweep trains many models in one
     * process) must not keep a workspace of each. Forty classifiers with a batch-256 workspace of
     * tens of MB each would retain over a GB if they stayed.
     */
    @Test
    void workspacesDoNotOutliveTheirClassifier() throws Exception {
        StrnnModel model = new StrnnModel(StrnnConfig.seedDefaults(), new SplittableRandom(4));
        int batch = 256;
        double[] samples = new double[batch * StrnnDims.of(model.config()).sampleSize()];
        double[] out = new double[batch * 3];
        Runtime rt = Runtime.getRuntime();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Long> retained = thread.submit(() -> {
                StrnnClassifier.of(model).predict(samples, batch, out);
                long base = usedAfterGc(rt);
                for (int k = 0; k < 40; k++) {
                    StrnnClassifier.of(model).predict(samples, batch, out);
                }
                return usedAfterGc(rt) - base;
            });
            long grown = retained.get();
            assertTrue(grown < 200L << 20, "40 dropped classifiers still hold " + (grown >> 20) + " MB");
        } finally {
            thread.shutdownNow();
        }
    }

    private static long usedAfterGc(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
