package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chunk runner: every chunk once, a new pool's first job, failures passed on, nesting and concurrent callers, no allocation. */
class ParallelTest {

    @AfterEach
    void singleThreaded() {
        Parallel.setThreads(1);
    }

    @Test
    void everyChunkRunsExactlyOnceForAnyThreadCount() {
        for (int threads = 1; threads <= 4; threads++) {
            Parallel.setThreads(threads);
            for (int chunks = 0; chunks <= 20; chunks++) {
                for (int repeat = 0; repeat < 50; repeat++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(chunks, 1));
                    Parallel.forEach(chunks, runs::incrementAndGet);
                    for (int c = 0; c < chunks; c++) {
                        assertEquals(1, runs.get(c), threads + " threads, chunk " + c + " of " + chunks);
                    }
                }
            }
        }
    }

    @Test
    void aFailingChunkFailsTheCallAndThePoolStaysUsable() {
        Parallel.setThreads(2);
        IllegalStateException boom = new IllegalStateException("chunk 5");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forEach(8, c -> {
            if (c == 5) {
                throw boom;
            }
        }));
        assertSame(boom, thrown);
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        Parallel.forEach(8, runs::incrementAndGet);
        for (int c = 0; c < 8; c++) {
            assertEquals(1, runs.get(c));
        }
    }

    @Test
    void nestedCallsAndConcurrentCallersComplete() throws InterruptedException {
        Parallel.setThreads(2);
        AtomicIntegerArray inner = new AtomicIntegerArray(6 * 4);
        Parallel.forEach(6, c -> Parallel.forEach(4, i -> inner.incrementAndGet(c * 4 + i)));
        for (int i = 0; i < inner.length(); i++) {
            assertEquals(1, inner.get(i));
        }
        List<Thread> callers = new ArrayList<>();
        AtomicIntegerArray runs = new AtomicIntegerArray(4 * 16);
        for (int t = 0; t < 4; t++) {
            int base = t * 16;
            callers.add(new Thread(() -> {
                for (int repeat = 0; repeat < 200; repeat++) {
                    Parallel.forEach(16, c -> runs.incrementAndGet(base + c));
                }
            }));
        }
        callers.forEach(Thread::start);
        for (Thread t : callers) {
            t.join();
        }
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(200, runs.get(i));
        }
    }

    @Test
    void aNewPoolsFirstJobGetsTheWorkersHelp() {
        for (int repeat = 0; repeat < 20; repeat++) {
            Parallel.setThreads(1);
            Parallel.setThreads(2);
            // Each of the two chunks waits until the other has started: only two threads finish.
            CountDownLatch started = new CountDownLatch(2);
            Parallel.forEach(2, c -> {
                started.countDown();
                try {
                    assertTrue(started.await(10, TimeUnit.SECONDS), "chunk " + c + " ran alone: the worker missed the job");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void aCallAllocatesNothingOnTheCallingThread() {
        Parallel.setThreads(2);
        double[] sums = new double[16];
        IntConsumer body = c -> sums[c] += c;
        for (int i = 0; i < 10_000; i++) {
            Parallel.forEach(16, body);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            Parallel.forEach(16, body);
        }
        long bytes = mx.getThreadAllocatedBytes(id) - before;
        assertTrue(bytes < 10_000, "10,000 calls allocated " + bytes + " bytes");
    }
}
