package org.strnn.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.strnn.cli.Console;
import org.strnn.cli.Main;
import org.strnn.experiment.Executor;
import org.strnn.experiment.Job;

/**
 * Runs jobs on Apache Spark: one task per job, which runs the job's {@linkplain Job#command command
 * line} with the strnn command line in the executor's JVM, on one thread (an executor may run several
 * tasks in one JVM, and the thread count is process-wide). Jobs record their own results in the
 * study's folder, which the driver and every executor must see under the same path; the outcome
 * lines ({@code id TAB done|failed TAB error}) come back to the driver.
 */
public final class SparkEngine implements Executor {

    /** The provenance name a job records when it runs here (see {@code SweepCommand}). */
    static final String ENGINE_PROPERTY = "strnn.engine";

    private final JavaSparkContext sc;
    private List<String> lastOutcomes = List.of();

    public SparkEngine(JavaSparkContext sc) {
        this.sc = sc;
    }

    @Override
    public Outcome execute(List<? extends Job> jobs) {
        if (jobs.isEmpty()) {
            lastOutcomes = List.of();
            return new Outcome(0, 0, 0, "nothing to run");
        }
        List<List<String>> tasks = new ArrayList<>();
        for (Job j : jobs) {
            if (j.command().isEmpty()) {
                throw new IllegalArgumentException("job " + j.id() + " can run only in this process, not on Spark");
            }
            List<String> task = new ArrayList<>();
            task.add(j.id());
            task.addAll(j.command());
            tasks.add(task);
        }
        List<String> outcomes = sc.parallelize(tasks, tasks.size()).map(SparkEngine::runTask).collect();
        int failed = 0;
        for (String line : outcomes) {
            if (!line.contains("\tdone\t")) {
                failed++;
            }
        }
        lastOutcomes = List.copyOf(outcomes);
        return new Outcome(outcomes.size() - failed, failed, 0, (outcomes.size() - failed) + " done, " + failed
                + " failed");
    }

    /** The outcome lines of the last {@link #execute}, one per job. */
    public List<String> lastOutcomes() {
        return lastOutcomes;
    }

    /** One task: the job id, then its command line; returns {@code id TAB done|failed TAB error}. */
    static String runTask(List<String> task) {
        System.setProperty(ENGINE_PROPERTY, "spark");
        List<String> argv = new ArrayList<>(task.subList(1, task.size()));
        argv.add("--threads");
        argv.add("1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv.toArray(String[]::new), new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false));
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        String last = code == 0 ? "" : lines[lines.length - 1].replace('\t', ' ');
        return task.get(0) + "\t" + (code == 0 ? "done" : "failed") + "\t" + last;
    }
}
