package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Parallel;
import org.strnn.nn.optim.Adam;

/**
 * A training step's memory is bounded: over 1,000 steps of the SEED-default model at batch 32,
 * every step allocates the same amount, and the heap that survives a collection does not grow.
 * (About a minute; {@code mvn -B verify -Pslow}.)
 */
@Tag("slow")
class TrainingMemoryTest {

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aThousandStepsAllocateTheSameEveryStepAndRetainNothing() {
        Parallel.setThreads(1);
        StrnnConfig config = StrnnConfig.seedDefaults();
        SplittableRandom rng = new SplittableRandom(3);
        StrnnModel model = new StrnnModel(config, rng);
        int batch = 32;
        double[] samples = StrnnModelTest.randomSamples(batch, config, rng);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(config.classes());
        }
        Adam adam = new Adam(model.parameters(), 1e-3);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long[] allocated = new long[10];
        long retainedAfter100 = 0;
        for (int step = 0; step < 1000; step++) {
            if (step == 100) {
                retainedAfter100 = retainedHeap();
            }
            long before = threads.getThreadAllocatedBytes(id);
            model.zeroGrad();
            model.loss(model.logits(model.input(samples, batch)), labels).backward();
            adam.step();
            allocated[step / 100] += threads.getThreadAllocatedBytes(id) - before;
        }
        long retainedAfter1000 = retainedHeap();
        assertTrue(retainedAfter1000 < retainedAfter100 + (2 << 20),
                "retained heap grew from " + retainedAfter100 + " to " + retainedAfter1000 + " bytes");
        // Every block of 100 steps after the first (JIT warm-up) allocates the same, within 1%.
        for (int b = 2; b < 10; b++) {
            assertTrue(Math.abs(allocated[b] - allocated[1]) < allocated[1] / 100,
                    "steps " + 100 * b + ".." + (100 * b + 99) + " allocated " + allocated[b] + " bytes, steps 100..199 "
                            + allocated[1]);
        }
        assertTrue(allocated[9] / 100 < 64L << 20, "a step allocates " + allocated[9] / 100 + " bytes");
    }
}
