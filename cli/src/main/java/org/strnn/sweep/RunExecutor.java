package org.strnn.sweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.strnn.formats.AtomicFile;
import org.strnn.formats.Json;
import org.strnn.formats.JsonException;
import org.strnn.model.StrnnFile;

/**
 * Executes one run in this process, exactly as {@code bin/strnn train ... --json} would, and writes
 * its record. Every engine ends here: the local pool calls it on its threads, a SLURM task through
 * {@code bin/strnn sweep run FILE --id ID}, a Spark executor from its task.
 *
 * <p>The record holds train's JSON object unchanged under {@code "result"}, plus the run's id,
 * configuration, canonical command line, status, exit code and error line, the provenance of the
 * execution, and two digests that the engines are compared by: {@code "digest"} over the result
 * without what legitimately varies (wall-clock seconds, output paths, the thread count) and
 * {@code "weights_sha256"} over the trained model's parameters.
 */
public final class RunExecutor {

    /** Top-level fields of train's result that differ between executions of the same run. */
    private static final List<String> VOLATILE = List.of("seconds", "model", "out", "threads");

    private RunExecutor() {
    }

    /** The full command line of {@code run} as the engines execute it. */
    public static List<String> commandLine(Run run, SweepDir dir, boolean plots, int threads) {
        List<String> argv = new ArrayList<>(run.argv());
        argv.addAll(List.of("--out", dir.runDir(run.id()).toString(), "--force", "--json", "--threads",
                Integer.toString(threads)));
        if (!plots) {
            argv.add("--no-plots");
        }
        return argv;
    }

    /**
     * Runs {@code run} and writes its record (replacing an earlier failed one). Never throws for a
     * failure of the run itself: that is recorded with its error line.
     *
     * @param engine  the engine's name, for the provenance
     * @param command the command line that executes the run's argv
     * @return the record written
     */
    public static Map<String, Object> execute(Run run, SweepDir dir, boolean plots, int threads, String engine,
                                              RunFunction command) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            Files.createDirectories(dir.results());
            Files.createDirectories(dir.runDir(run.id()));
            List<String> argv = commandLine(run, dir, plots, threads);
            code = command.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", run.id());
        record.put("config", run.config());
        record.put("config_id", run.configId());
        record.put("axes", run.axes());
        record.put("seed", run.seed());
        record.put("fold", run.fold() < 0 ? null : run.fold());
        record.put("argv", run.argv());
        record.put("exit_code", code);
        Map<String, Object> result = null;
        String error = null;
        if (code == 0) {
            try {
                result = Json.parseObject(lastLine(out.toString(StandardCharsets.UTF_8)));
            } catch (JsonException e) {
                error = "train printed no JSON result object: " + e.getMessage();
            }
        } else {
            error = lastLine(err.toString(StandardCharsets.UTF_8));
            if (error.isEmpty()) {
                error = "train exited with code " + code;
            }
        }
        record.put("status", error == null ? "done" : "failed");
        record.put("error", error);
        record.put("result", result);
        if (result != null) {
            record.put("digest", digest(result));
            record.put("weights_sha256", weightsDigest(dir.runDir(run.id()).resolve("model.npz")));
        }
        record.put("provenance", provenance(engine, threads, started, seconds));
        AtomicFile.write(dir.record(run.id()), true, o -> o.write((Json.writePretty(record) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** SHA-256 of train's result without the fields that vary between executions of one run. */
    public static String digest(Map<String, Object> result) {
        return sha256(Json.write(withoutVolatile(result)).getBytes(StandardCharsets.UTF_8));
    }

    private static Object withoutVolatile(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!VOLATILE.contains((String) k)) {
                    copy.put((String) k, withoutVolatile(v));
                }
            });
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(withoutVolatile(v)));
            return copy;
        }
        return value;
    }

    /** SHA-256 over the model's parameters (names and IEEE bits, in name order), or null if unreadable. */
    static String weightsDigest(Path modelFile) {
        try {
            Map<String, double[]> values = new TreeMap<>(StrnnFile.load(modelFile).model().copyValues());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Map.Entry<String, double[]> e : values.entrySet()) {
                bytes.writeBytes(e.getKey().getBytes(StandardCharsets.UTF_8));
                bytes.write(0);
                for (double v : e.getValue()) {
                    long bits = Double.doubleToRawLongBits(v);
                    for (int b = 0; b < 8; b++) {
                        bytes.write((int) (bits >>> (8 * b)));
                    }
                }
            }
            return sha256(bytes.toByteArray());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + Hex.of(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Map<String, Object> provenance(String engine, int threads, Instant started, double seconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("engine", engine);
        p.put("host", hostName());
        p.put("started", started.toString());
        p.put("seconds", seconds);
        p.put("threads", threads);
        p.put("strnn", org.strnn.nn.Version.library());
        p.put("java", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        String job = System.getenv("SLURM_ARRAY_JOB_ID");
        if (job != null) {
            p.put("slurm_job", job + "_" + System.getenv("SLURM_ARRAY_TASK_ID"));
        }
        return p;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The last non-blank line of {@code text}, stripped; empty if there is none. */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
