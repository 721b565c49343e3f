package org.strnn.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Data parallelism over fixed chunks.
 *
 * <p>Heavy ops split their rows into {@link #chunks(int)} chunks. The split depends only on the
 * row count, never on the thread count, and per-chunk partial sums are added in chunk order, so
 * results are bit-identical for any number of threads; threads only decide who computes which
 * chunk. The thread count is a process-wide setting (like a BLAS library's), 1 by default.
 */
public final class Parallel {

    /** How many chunks the rows of an op are split into (fewer when there are fewer rows). */
    public static final int ROW_CHUNKS = 16;

    private static int threads = 1;
    private static ExecutorService pool;

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
            pool = Executors.newFixedThreadPool(n - 1, r -> {
                Thread t = new Thread(r, "strnn-worker");
                t.setDaemon(true);
                return t;
            });
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
        ExecutorService p;
        int n;
        synchronized (Parallel.class) {
            p = pool;
            n = threads;
        }
        if (p == null || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                body.accept(c);
            }
        };
        int helpers = Math.min(n - 1, chunks - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int i = 0; i < helpers; i++) {
            futures.add(p.submit(worker));
        }
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("parallel chunk failed", failure);
        }
    }
}
