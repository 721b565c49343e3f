package org.strnn.experiment;

import java.util.List;

/**
 * Where the jobs of a study run: this process's {@link LocalPool}, or, in the modules above, a
 * SLURM array or a Spark cluster. Jobs are independent and record their own results, so an
 * executor decides only where and when each one runs; the same jobs give the same bits anywhere.
 */
public interface Executor {

    /**
     * Runs (or, for a batch system, submits) every job once, in any order.
     *
     * @throws InterruptedException if interrupted while waiting for jobs
     */
    Outcome execute(List<? extends Job> jobs) throws InterruptedException;

    /**
     * What became of the jobs: finished here ({@code done} and {@code failed}), or handed to a batch
     * system whose results arrive later ({@code submitted}), with one line to show the user.
     */
    record Outcome(int done, int failed, int submitted, String note) {
    }
}
