package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Parallel;
import org.strnn.autograd.Tensor;
import org.strnn.nn.optim.Adam;

/**
 * A training step's memory is bounded: over 1,000 steps of the SEED-default model at batch 32,
 * the heap that survives a collection does not grow, what a step allocates does not grow with the
 * number of steps, and a step allocates at most ten times the values on its autograd tape.
 * (About a minute; {@code mvn -B verify -Pslow}.)
 *
 * <p>None of this depends on when the JIT compiles. An interpreted step allocates far more than a
 * compiled one (the Vector API boxes every vector, escape analysis has not run), and compiled code
 * never allocates more than interpreted code for the same work, so the test compares the
 * <em>cheapest</em> step of a block of 100: compilation at any time can only lower a later
 * block's minimum, while something that grows with the number of steps raises it. The retained
 * heap is measured after collections, which compilation does not change.
 */
@Tag("slow")
class TrainingMemoryTest {

    private static final int STEPS = 1000;

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The number of doubles in the values of the derived (non-leaf) tensors reachable from {@code root}. */
    static long tapeDoubles(Tensor root) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> todo = new ArrayDeque<>();
        todo.push(root);
        long doubles = 0;
        while (!todo.isEmpty()) {
            Tensor t = todo.pop();
            if (seen.add(t)) {
                doubles += t.isLeaf() ? 0 : t.size();
                t.parents().forEach(todo::push);
            }
        }
        return doubles;
    }

    private static long min(long[] xs, int from, int to) {
        long m = Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            m = Math.min(m, xs[i]);
        }
        return m;
    }

    @Test
    void aThousandStepsAllocateNoMoreAsTheyGoAndRetainNothing() {
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
        long[] allocated = new long[STEPS];
        long tape = 0;
        long retainedAfter100 = 0;
        for (int step = 0; step < STEPS; step++) {
            if (step == 100) {
                retainedAfter100 = retainedHeap();
            }
            long before = threads.getThreadAllocatedBytes(id);
            model.zeroGrad();
            Tensor loss = model.loss(model.logits(model.input(samples, batch)), labels);
            loss.backward();
            adam.step();
            allocated[step] = threads.getThreadAllocatedBytes(id) - before;
            if (step == 0) {
                tape = tapeDoubles(loss);
            }
        }
        long retainedAfter1000 = retainedHeap();
        assertTrue(retainedAfter1000 < retainedAfter100 + (2 << 20),
                "retained heap grew from " + retainedAfter100 + " to " + retainedAfter1000 + " bytes");

        long early = min(allocated, 100, 200);
        long late = min(allocated, STEPS - 100, STEPS);
        assertTrue(late <= early + early / 100, "the cheapest of the last 100 steps allocated " + late
                + " bytes, the cheapest of steps 100..199 " + early);
        // A value and a gradient per tape entry are 16 bytes a double; ops' temporaries and Adam
        // take about as much again (about 6.3 x the values' 8 bytes today).
        long bound = 10 * 8 * tape;
        assertTrue(late <= bound, "a step allocates " + late + " bytes, more than ten times the " + 8 * tape
                + " bytes of values on its tape (" + tape + " doubles)");
    }
}
