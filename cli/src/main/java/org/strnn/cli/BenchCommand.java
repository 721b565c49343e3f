package org.strnn.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.strnn.autograd.Parallel;
import org.strnn.autograd.Tensor;
import org.strnn.formats.Json;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;
import org.strnn.nn.optim.Adam;

/**
 * {@code strnn bench}: the Java side of the PyTorch comparison. The SEED-default model on random
 * batches: training steps (forward, backward, Adam) and inference, timed after a warm-up; medians.
 */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure training and inference throughput of the SEED-default model";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("batch", "N", "32", "samples per step"),
                Option.value("threads", "N", "1", "threads for the heavy ops"),
                Option.value("warmup", "N", "20", "untimed steps first (JIT warm-up); at least this many, and at least --warmup-samples samples"),
                Option.value("warmup-samples", "M", "3000", "untimed steps cover at least M samples (a batch-1 step "
                        + "needs hundreds of steps before the JIT has compiled the kernels; 0: no floor)"),
                Option.value("iterations", "N", "30", "timed steps; the median is reported"),
                Option.value("seed", "N", "1", "seed of the weights and the random batch"),
                Option.flag("json", "print one JSON object on stdout"));
    }

    @Override
    public int run(Args args, Console console) {
        args.positionalCount(0, 0, "no positional arguments");
        int batch = args.integer("batch", 1, 100_000);
        int threads = args.integer("threads", 1, 256);
        int warmup = Math.max(args.integer("warmup", 0, 1_000_000),
                (args.integer("warmup-samples", 0, 100_000_000) + batch - 1) / batch);
        int iterations = args.integer("iterations", 1, 1_000_000);
        long seed = args.longValue("seed");
        Parallel.setThreads(threads);

        StrnnConfig config = StrnnConfig.seedDefaults();
        SplittableRandom rng = new SplittableRandom(seed);
        StrnnModel model = new StrnnModel(config, rng);
        double[] samples = new double[batch * config.steps() * config.vertices() * config.features()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = rng.nextGaussian();
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(config.classes());
        }
        Adam adam = new Adam(model.parameters(), 1e-3);
        Runnable trainStep = () -> {
            model.zeroGrad();
            Tensor loss = model.loss(model.logits(model.input(samples, batch)), labels);
            loss.backward();
            adam.step();
        };
        StrnnClassifier clf = StrnnClassifier.of(model);
        double[] probs = new double[batch * config.classes()];
        Runnable inferStep = () -> clf.predict(samples, batch, probs);

        resetPeaks();
        double[] train = time(trainStep, warmup, iterations);
        double highWaterMb = heapHighWaterMb();
        double stepAllocatedMb = allocatedMb(trainStep);
        double retainedMb = retainedHeapMb();
        // Everything a step keeps alive is either retained across steps or allocated by the step.
        double peakTrainMb = retainedMb + stepAllocatedMb;
        double[] infer = time(inferStep, warmup, iterations);
        double trainMedian = median(train);
        double inferMedian = median(infer);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("batch", batch);
        r.put("threads", threads);
        r.put("train_samples_per_s", batch / trainMedian);
        r.put("infer_samples_per_s", batch / inferMedian);
        r.put("train_step_ms_median", 1e3 * trainMedian);
        r.put("train_step_ms_min", 1e3 * Arrays.stream(train).min().orElse(Double.NaN));
        r.put("train_step_ms_max", 1e3 * Arrays.stream(train).max().orElse(Double.NaN));
        r.put("infer_ms_median", 1e3 * inferMedian);
        r.put("peak_heap_mb", peakTrainMb);
        r.put("retained_heap_mb", retainedMb);
        r.put("allocated_mb_per_train_step", stepAllocatedMb);
        r.put("allocated_kb_per_sample", 1024 * stepAllocatedMb / batch);
        r.put("heap_high_water_mb", highWaterMb);
        r.put("warmup", warmup);
        r.put("warmup_samples", warmup * batch);
        r.put("iterations", iterations);
        r.put("parameters", model.parameterCount());
        r.put("java", System.getProperty("java.version"));
        r.put("kernels", org.strnn.autograd.kernel.KernelProvider.name());
        r.put("cpus", Runtime.getRuntime().availableProcessors());
        if (args.flag("json")) {
            console.out().println(Json.write(r));
        } else {
            console.out().println(String.format(Locale.ROOT,
                    "batch %d, %d thread(s): train %.1f samples/s (median step %.2f ms), infer %.1f samples/s "
                            + "(median %.2f ms), peak heap at most %.0f MB during training (%.0f MB retained, %.1f MB "
                            + "allocated per step), kernels %s",
                    batch, threads, batch / trainMedian, 1e3 * trainMedian, batch / inferMedian, 1e3 * inferMedian,
                    peakTrainMb, retainedMb, stepAllocatedMb, org.strnn.autograd.kernel.KernelProvider.name()));
        }
        return 0;
    }

    private static double[] time(Runnable step, int warmup, int iterations) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] seconds = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            step.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        return seconds;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * The bytes one run of {@code step} allocates, in MB, summed over all threads (the worker
     * threads of {@link Parallel} included), the median of five runs.
     */
    private static double allocatedMb(Runnable step) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] mb = new double[5];
        for (int i = 0; i < mb.length; i++) {
            long before = allocatedBytes(threads);
            step.run();
            mb[i] = (allocatedBytes(threads) - before) / (1024.0 * 1024.0);
        }
        return median(mb);
    }

    private static long allocatedBytes(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    /** The heap still in use after full collections: the model, its gradients and the optimiser. */
    private static double retainedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /**
     * The sum of the heap pools' peak usage since the last reset, garbage included: it grows with
     * the heap the JVM is allowed ({@code -Xmx}), so it bounds nothing about the model.
     */
    private static double heapHighWaterMb() {
        long bytes = 0;
        List<MemoryPoolMXBean> pools = new ArrayList<>(ManagementFactory.getMemoryPoolMXBeans());
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
