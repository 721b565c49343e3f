package org.strnn.experiment;

import java.util.List;

/**
 * One independent unit of a study (a fold of an experiment, a run of a sweep): it records its own
 * result, so an {@link Executor} only has to start it. It runs either here ({@link #run}) or in
 * another process ({@link #command}).
 */
public interface Job {

    /** Unique within its study; names the job in reports and on a batch system. */
    String id();

    /**
     * Runs the job in this process and returns how it went. A failure of the work itself is a
     * result ({@code ok} false), recorded where the study keeps its results; an exception means
     * the job could not be run at all.
     */
    Result run() throws Exception;

    /**
     * The {@code strnn} command line (without the program name) that runs this job in another
     * process, with the same result; empty when the job can run only here.
     */
    List<String> command();

    /** How a job went: whether it succeeded, how long it took, and one line about it. */
    record Result(boolean ok, double seconds, String line) {
    }
}
