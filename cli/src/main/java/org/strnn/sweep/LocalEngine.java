package org.strnn.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded engine: a pool of {@code parallel} threads in this process, each executing one run
 * at a time through {@link RunExecutor}. Every run uses the same thread count for its ops, and the
 * ops' results do not depend on it anyway, so a run gives the same bits alone or among others.
 * A run that fails is recorded and the others go on; a run killed with the process has no record
 * and runs again next time.
 */
public final class LocalEngine {

    private LocalEngine() {
    }

    /** Outcome counts of one call. */
    public record Summary(int done, int failed) {
    }

    /**
     * Executes {@code runs} on {@code parallel} threads and reports each as it finishes.
     *
     * @param engine  the name recorded in each run's provenance
     * @param command the command line that executes each run
     * @param info    where each finished run is reported, one line each
     */
    public static Summary execute(List<Run> runs, SweepDir dir, boolean plots, int parallel, int threads,
                                  String engine, RunFunction command, Consumer<String> info)
            throws InterruptedException {
        if (runs.isEmpty()) {
            return new Summary(0, 0);
        }
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, runs.size()), r -> {
            Thread t = new Thread(r, "strnn-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Run run : runs) {
                futures.add(pool.submit(() -> {
                    Map<String, Object> record = RunExecutor.execute(run, dir, plots, threads, engine, command);
                    boolean ok = "done".equals(record.get("status"));
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                    report(info, finished.incrementAndGet(), runs.size(), run, record, ok);
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(runs.size() - failed.get(), failed.get());
    }

    private static void report(Consumer<String> info, int n, int total, Run run, Map<String, Object> record, boolean ok) {
        double seconds = ((Number) ((Map<?, ?>) record.get("provenance")).get("seconds")).doubleValue();
        String what = ok ? "done  " : "FAILED";
        String line = String.format(Locale.ROOT, "[%d/%d] %s %s %6.1f s  %s seed %d%s", n, total, what, run.id(),
                seconds, run.config(), run.seed(), run.fold() >= 0 ? " fold " + run.fold() : "");
        if (!ok) {
            line += ": " + record.get("error");
        }
        synchronized (info) {
            info.accept(line);
        }
    }
}
