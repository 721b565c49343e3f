package org.strnn.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.strnn.experiment.Job;

/**
 * One run of a sweep as a {@link Job}: here it executes through {@link RunExecutor}, which records
 * the result in the sweep folder; elsewhere it is {@code sweep run FILE --dir DIR --id ID}.
 *
 * @param engine      the name recorded in the run's provenance ({@code local}, {@code slurm}, ...)
 * @param retryFailed whether the command runs a run again whose record says it failed
 */
public record SweepJob(Run sweepRun, Path sweepFile, SweepDir dir, boolean plots, int threads, String engine,
                       RunFunction runFunction, boolean retryFailed) implements Job {

    @Override
    public String id() {
        return sweepRun.id();
    }

    @Override
    public Result run() {
        Map<String, Object> record = RunExecutor.execute(sweepRun, dir, plots, threads, engine, runFunction);
        boolean ok = "done".equals(record.get("status"));
        double seconds = ((Number) ((Map<?, ?>) record.get("provenance")).get("seconds")).doubleValue();
        String line = sweepRun.config() + " seed " + sweepRun.seed()
                + (sweepRun.fold() >= 0 ? " fold " + sweepRun.fold() : "") + (ok ? "" : ": " + record.get("error"));
        return new Result(ok, seconds, line);
    }

    @Override
    public List<String> command() {
        List<String> c = new ArrayList<>(List.of("sweep", "run", sweepFile.toAbsolutePath().toString(), "--dir",
                dir.root().toAbsolutePath().toString(), "--id", sweepRun.id()));
        if (retryFailed) {
            c.add("--retry-failed");
        }
        return c;
    }
}
