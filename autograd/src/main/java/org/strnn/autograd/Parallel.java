package org.strnn.autograd;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Data parallelism over fixed chunks.
 *
 * <p>Heavy ops split their rows into {@link #chunks(int)} chunks. The split depends only on the
 * row count, never on the thread count, and per-chunk partial sums are added in chunk order, so
 * results are bit-identical for any number of threads; threads only decide who computes which
 * chunk. The thread count is a process-wide setting (like a BLAS library's), 1 by default.
 *
 * <p>{@link #forEach} allocates nothing: the worker threads wait for a job published in fields of
 * the pool, the calling thread works on the chunks too, and the workers wake it when they are done.
 * One job runs at a time; a call made while the pool is busy (from another thread, or from inside a
 * chunk) runs its chunks on the calling thread.
 */
public final class Parallel {

    /** How many chunks the rows of an op are split into (fewer when there are fewer rows). */
    public static final int ROW_CHUNKS = 16;

    private static int threads = 1;
    private static volatile Pool pool;

    private Parallel() {
    }

    /** Sets the number of threads that ops may use (1 = run on the caller's thread only). */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        if (n == threads) {
            return;
        }
        if (pool != null) {
            pool.shutdown();
            pool = null;
        }
        threads = n;
        if (n > 1) {
            pool = new Pool(n - 1);
        }
    }

    public static synchronized int threads() {
        return threads;
    }

    /** The number of chunks for {@code rows} rows: {@code min(rows, ROW_CHUNKS)}, at least 1. */
    public static int chunks(int rows) {
        return Math.max(1, Math.min(rows, ROW_CHUNKS));
    }

    /** First row of chunk {@code c} of {@code chunks} over {@code rows} rows (chunk c ends where c+1 starts). */
    public static int chunkStart(int c, int chunks, int rows) {
        return (int) ((long) c * rows / chunks);
    }

    /** Runs {@code body} for every chunk index in [0, chunks) and returns when all are done. */
    public static void forEach(int chunks, IntConsumer body) {
        Pool p = pool;
        if (p == null || chunks <= 1 || !p.tryRun(chunks, body)) {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
        }
    }

    /**
     * Worker threads that take chunks of the one published job. A worker joins a job by claiming
     * one of its helper slots; slots still unclaimed when the caller has run out of chunks are
     * withdrawn, so the caller never waits for a worker that is still waking up.
     */
    private static final class Pool {
        private final Thread[] workers;
        private final AtomicBoolean busy = new AtomicBoolean();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger slots = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private volatile IntConsumer body;
        private volatile int chunks;
        private volatile int generation;
        private volatile Thread caller;
        private volatile Throwable failure;
        private volatile boolean stopped;

        Pool(int size) {
            workers = new Thread[size];
            for (int i = 0; i < size; i++) {
                // The worker starts from the generation as it is now: read in the new thread, it
                // could already include a first job, which the worker would then miss.
                int start = generation;
                workers[i] = new Thread(() -> work(start), "strnn-worker-" + (i + 1));
                workers[i].setDaemon(true);
                workers[i].start();
            }
        }

        /** Runs the job with the workers' help, or returns false at once if the pool is busy. */
        boolean tryRun(int chunks, IntConsumer body) {
            if (!busy.compareAndSet(false, true)) {
                return false;
            }
            try {
                int n = Math.min(workers.length, chunks - 1);
                this.body = body;
                this.chunks = chunks;
                this.failure = null;
                this.caller = Thread.currentThread();
                next.set(0);
                running.set(n);
                slots.set(n);
                generation++;
                for (int i = 0; i < n; i++) {
                    LockSupport.unpark(workers[i]);
                }
                try {
                    take(body, chunks);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                int unclaimed = slots.getAndSet(0);
                while (running.addAndGet(-unclaimed) > 0) {
                    unclaimed = 0;
                    LockSupport.park(this);
                }
                Throwable f = failure;
                if (f instanceof RuntimeException re) {
                    throw re;
                }
                if (f instanceof Error err) {
                    throw err;
                }
                return true;
            } finally {
                this.body = null;
                this.caller = null;
                busy.set(false);
            }
        }

        /** Runs chunks until none is left. */
        private void take(IntConsumer job, int count) {
            for (int c = next.getAndIncrement(); c < count; c = next.getAndIncrement()) {
                job.accept(c);
            }
        }

        private boolean claim() {
            for (int s = slots.get(); s > 0; s = slots.get()) {
                if (slots.compareAndSet(s, s - 1)) {
                    return true;
                }
            }
            return false;
        }

        private void work(int seen) {
            while (!stopped) {
                int g = generation;
                if (g == seen) {
                    LockSupport.park(this);
                    continue;
                }
                seen = g;
                if (!claim()) {
                    continue;
                }
                // The job's fields are read only after the claim: a claimed slot belongs to the job
                // that is published now.
                Thread c = caller;
                try {
                    take(body, chunks);
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    if (running.decrementAndGet() == 0) {
                        LockSupport.unpark(c);
                    }
                }
            }
        }

        void shutdown() {
            stopped = true;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
        }
    }
}
