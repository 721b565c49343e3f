package org.strnn.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs jobs in this process on a fixed number of threads, reporting each as it finishes:
 * {@code [n/total] done   ID   12.3 s  LINE} (or {@code FAILED}).
 */
public final class LocalPool implements Executor {

    private final int threads;
    private final Consumer<String> report;

    /**
     * @param threads jobs at a time (each job may use threads of its own)
     * @param report  where each finished job is reported, one line each
     */
    public LocalPool(int threads, Consumer<String> report) {
        if (threads < 1) {
            throw new IllegalArgumentException("a pool needs at least one thread, got " + threads);
        }
        this.threads = threads;
        this.report = report;
    }

    @Override
    public Outcome execute(List<? extends Job> jobs) throws InterruptedException {
        if (jobs.isEmpty()) {
            return new Outcome(0, 0, 0, "nothing to run");
        }
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), r -> {
            Thread t = new Thread(r, "strnn-job");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    Job.Result r = job.run();
                    if (!r.ok()) {
                        failed.incrementAndGet();
                    }
                    synchronized (report) {
                        report.accept(String.format(Locale.ROOT, "[%d/%d] %s %s %6.1f s  %s",
                                finished.incrementAndGet(), jobs.size(), r.ok() ? "done  " : "FAILED", job.id(),
                                r.seconds(), r.line()));
                    }
                    return null;
                }));
            }
            // Every job runs to its end even when one cannot run at all: the jobs write into the
            // study's folder, so none may still be writing when the caller lets the folder go.
            RuntimeException first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    if (first == null) {
                        first = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(jobs.size() - failed.get(), failed.get(), 0,
                (jobs.size() - failed.get()) + " done, " + failed.get() + " failed");
    }
}
