package org.strnn.autograd;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
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
 * <p>Each chunk has a home thread: with {@code p} participants (the calling thread is
 * participant 0, worker {@code i} is participant {@code i}), chunk {@code c} belongs to participant
 * {@code c mod p}. A participant runs its own chunks first, in order, and then takes the chunks
 * that other participants have not started yet, from their last. So, as long as no thread falls
 * behind, an op's backward pass runs each chunk on the thread whose cache holds what its forward
 * pass left there (and a thread that falls behind in both passes tends to lose the same last
 * chunks in both), while a thread that is late (still waking up, or descheduled) costs no waiting.
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
     * Worker threads that take chunks of the one published job. Worker {@code i} joins a job by
     * claiming its invitation; invitations still unclaimed when the caller has run out of chunks
     * are withdrawn, so the caller never waits for a worker that is still waking up (it has run
     * that worker's chunks itself).
     */
    private static final class Pool {
        private final Thread[] workers;
        private final AtomicBoolean busy = new AtomicBoolean();
        /** {@code invited[i] == 1}: worker i may still join the current job. */
        private final AtomicIntegerArray invited;
        /**
         * Participant q's chunks not yet started, {@code q + i*p} for i in [front, back): front in
         * the high 32 bits, back in the low. The owner takes them from the front, others from the
         * back, so that a thread that falls behind by about the same in the forward and the backward
         * pass loses the same chunks in both.
         */
        private final AtomicLongArray left;
        private final AtomicInteger running = new AtomicInteger();
        private volatile IntConsumer body;
        private volatile int participants;
        private volatile int generation;
        private volatile Thread caller;
        private volatile Throwable failure;
        private volatile boolean stopped;

        Pool(int size) {
            workers = new Thread[size];
            invited = new AtomicIntegerArray(size);
            left = new AtomicLongArray(size + 1);
            for (int i = 0; i < size; i++) {
                int participant = i + 1;
                // The worker starts from the generation as it is now: read in the new thread, it
                // could already include a first job, which the worker would then miss.
                int start = generation;
                workers[i] = new Thread(() -> work(participant, start), "strnn-worker-" + participant);
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
                this.participants = n + 1;
                this.failure = null;
                this.caller = Thread.currentThread();
                for (int q = 0; q <= n; q++) {
                    left.set(q, (chunks - q + n) / (n + 1));
                }
                running.set(n);
                for (int i = 0; i < n; i++) {
                    invited.set(i, 1);
                }
                generation++;
                for (int i = 0; i < n; i++) {
                    LockSupport.unpark(workers[i]);
                }
                try {
                    take(0, body, n + 1);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                int unclaimed = 0;
                for (int i = 0; i < n; i++) {
                    unclaimed += invited.getAndSet(i, 0);
                }
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

        /**
         * Participant {@code self} runs its own chunks ({@code self}, {@code self + p}, ...) from the
         * first, then the chunks the others have not started, from their last, participant after
         * participant.
         */
        private void take(int self, IntConsumer job, int p) {
            for (int c = next(self, true); c >= 0; c = next(self, true)) {
                job.accept(self + c * p);
            }
            for (int k = 1; k < p; k++) {
                int q = (self + k) % p;
                for (int c = next(q, false); c >= 0; c = next(q, false)) {
                    job.accept(q + c * p);
                }
            }
        }

        /** Claims participant q's first (or last) chunk not yet started: its index among q's, or -1. */
        private int next(int q, boolean first) {
            while (true) {
                long v = left.get(q);
                int front = (int) (v >>> 32);
                int back = (int) v;
                if (front >= back) {
                    return -1;
                }
                if (left.compareAndSet(q, v, first ? v + (1L << 32) : v - 1)) {
                    return first ? front : back - 1;
                }
            }
        }

        private void work(int participant, int seen) {
            while (!stopped) {
                int g = generation;
                if (g == seen) {
                    LockSupport.park(this);
                    continue;
                }
                seen = g;
                if (invited.getAndSet(participant - 1, 0) == 0) {
                    continue;
                }
                // The job's fields are read only after the claim: a claimed invitation belongs to
                // the job that is published now.
                Thread c = caller;
                try {
                    take(participant, body, participants);
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
