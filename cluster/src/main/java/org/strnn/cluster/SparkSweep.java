package org.strnn.cluster;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.strnn.cli.CliException;
import org.strnn.datasets.SettingsException;
import org.strnn.experiment.Executor;
import org.strnn.sweep.Run;
import org.strnn.sweep.SweepDir;
import org.strnn.sweep.SweepJob;
import org.strnn.sweep.SweepSpec;

/**
 * A sweep on Apache Spark: the driver expands the sweep file, and each pending run becomes one
 * Spark task ({@link SparkEngine}) that executes {@code bin/strnn sweep run FILE --dir DIR --id ID}
 * in the executor's JVM, writing its record into the sweep folder. The sweep file and the folder must be
 * on a file system that the driver and every executor see under the same path.
 *
 * <pre>
 * spark-submit --class org.strnn.cluster.SparkSweep --master URL \
 *   --jars $(ls cluster/target/lib/*.jar | paste -sd,) cluster/target/strnn-spark-0.1.0.jar \
 *   FILE [--dir DIR] [--retry-failed]
 * </pre>
 *
 * <p>Every task runs its ops on one thread (an executor may run several tasks in one JVM, and the
 * thread count is process-wide); results do not depend on it, so a run gives the same bits here as
 * on the local engine or on SLURM. Spark's internal compression is set to LZF, which is pure Java
 * (snappy and zstd unpack native libraries into the temporary folder, which cluster nodes often
 * mount noexec), and the list of task outcomes is saved gzip-compressed under DIR/spark/.
 */
public final class SparkSweep {

    private SparkSweep() {
    }

    /** Outcome counts, and where the outcome lines were saved. */
    public record Summary(int executed, int done, int failed, String outcomes) {
    }

    public static void main(String[] argv) {
        Path file = null;
        Path dir = null;
        boolean retry = false;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--dir" -> {
                    if (++i >= argv.length) {
                        usage("--dir needs a value (DIR)");
                    }
                    dir = Path.of(argv[i]);
                }
                case "--retry-failed" -> retry = true;
                default -> {
                    if (argv[i].startsWith("--") || file != null) {
                        usage("unexpected argument '" + argv[i] + "'");
                    }
                    file = Path.of(argv[i]);
                }
            }
        }
        if (file == null) {
            usage("needs a sweep FILE");
        }
        try (JavaSparkContext sc = new JavaSparkContext(configure(new SparkConf()))) {
            Summary s = run(sc, file, dir, retry);
            System.err.println("strnn-spark: " + s.executed() + " runs executed: " + s.done() + " done, " + s.failed()
                    + " failed; outcomes in " + s.outcomes());
            if (s.failed() > 0) {
                System.exit(1);
            }
        } catch (SettingsException e) {
            System.err.println("strnn-spark: error: " + e.getMessage());
            System.exit(CliException.USAGE);
        } catch (CliException e) {
            System.err.println("strnn-spark: error: " + e.getMessage());
            System.exit(e.exitCode());
        } catch (IllegalArgumentException e) {
            System.err.println("strnn-spark: error: " + e.getMessage());
            System.exit(CliException.FAILURE);
        }
    }

    private static void usage(String message) {
        System.err.println("strnn-spark: error: " + message + "; usage: SparkSweep FILE [--dir DIR] [--retry-failed]");
        System.exit(CliException.USAGE);
    }

    /** The settings this engine needs on top of spark-submit's: the application name and pure-Java compression. */
    public static SparkConf configure(SparkConf conf) {
        conf.setIfMissing("spark.app.name", "strnn-sweep");
        conf.set("spark.io.compression.codec", "lzf");
        return conf;
    }

    /**
     * Executes the pending runs of the sweep in {@code file} (the failed ones too with {@code retry})
     * as one task each, through {@link SparkEngine}.
     *
     * @param dir the sweep folder, or null for the default {@code runs/sweep-NAME}
     */
    public static Summary run(JavaSparkContext sc, Path file, Path dir, boolean retry) {
        Path absFile = file.toAbsolutePath().normalize();
        SweepSpec spec = SweepSpec.load(absFile);
        SweepDir sweepDir = new SweepDir((dir != null ? dir : Path.of("runs", "sweep-" + spec.name())).toAbsolutePath());
        List<SweepJob> todo = new ArrayList<>();
        for (Run r : spec.runs()) {
            SweepDir.Status s = sweepDir.status(r.id());
            if (s == SweepDir.Status.PENDING || s == SweepDir.Status.FAILED && retry) {
                todo.add(new SweepJob(r, absFile, sweepDir, spec.plots(), 1, "spark", SparkSweep::notHere, retry));
            }
        }
        if (todo.isEmpty()) {
            return new Summary(0, 0, 0, "-");
        }
        SparkEngine engine = new SparkEngine(sc);
        Executor.Outcome o = engine.execute(todo);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        String saved = sweepDir.root().resolve("spark").resolve("outcomes-" + stamp).toString();
        sc.parallelize(engine.lastOutcomes(), 1).saveAsTextFile(saved, GzipCodec.class);
        return new Summary(o.done() + o.failed(), o.done(), o.failed(), saved);
    }

    /** Spark runs each job by its command line in an executor, never through the driver's function. */
    private static int notHere(String[] argv, java.io.PrintStream out, java.io.PrintStream err) {
        throw new IllegalStateException("a Spark job runs in an executor, by its command line");
    }
}
