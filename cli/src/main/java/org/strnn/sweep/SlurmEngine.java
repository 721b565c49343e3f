package org.strnn.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.strnn.datasets.SettingsException;
import org.strnn.formats.AtomicFile;

/**
 * The SLURM engine: one {@code sbatch --array} job whose task {@code i} executes the {@code i}-th
 * pending run with {@code strnn sweep run FILE --dir DIR --id ID}, in the same Java and class path
 * as this process (exactly what {@code bin/strnn} executes, without its build check, so that a
 * thousand tasks never start a build). The sweep folder, the sweep file and the class path must be
 * on a file system that every node sees.
 */
public final class SlurmEngine {

    /** {@code #SBATCH} settings; null fields are left to the cluster's defaults. */
    public record Settings(String partition, String time, String mem, int cpusPerTask, String account,
                           List<String> extraLines, int arrayLimit, String mainClass) {
    }

    private SlurmEngine() {
    }

    /** The files of one submission: the script and the list of run ids its tasks index. */
    public record Job(Path script, Path ids, String text) {
    }

    /** Writes the script and the id list for {@code runs} into DIR/slurm/ and returns them. */
    public static Job write(Path sweepFile, String sweepName, SweepDir dir, List<Run> runs, Settings s) {
        Path slurm = dir.root().resolve("slurm");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path ids = slurm.resolve("array-" + stamp + ".ids");
        Path script = slurm.resolve("array-" + stamp + ".sh");
        String text = script(sweepFile, sweepName, dir, runs.size(), ids, s);
        try {
            Files.createDirectories(slurm);
        } catch (IOException e) {
            throw new IllegalArgumentException(slurm + ": cannot create: " + e.getMessage());
        }
        StringBuilder list = new StringBuilder();
        for (Run r : runs) {
            list.append(r.id()).append('\n');
        }
        AtomicFile.write(ids, false, o -> o.write(list.toString().getBytes(StandardCharsets.UTF_8)));
        AtomicFile.write(script, false, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        return new Job(script, ids, text);
    }

    /** The sbatch script for an array of {@code count} tasks over the ids listed in {@code ids}. */
    public static String script(Path sweepFile, String sweepName, SweepDir dir, int count, Path ids, Settings s) {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(Path.of(entry).toAbsolutePath());
            }
        }
        String q = "'";
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# STRNN sweep ").append(sweepName).append(": ").append(count)
                .append(" runs as one SLURM job array, written by bin/strnn sweep run --engine slurm.\n");
        sb.append("# Task i executes the run id on line i+1 of the id list, like\n");
        sb.append("#   bin/strnn sweep run ").append(Hex.shellQuote(sweepFile.toAbsolutePath().toString()))
                .append(" --dir ").append(Hex.shellQuote(dir.root().toString())).append(" --id ID\n");
        sb.append("#SBATCH --job-name=").append(("strnn-" + sweepName).replaceAll("[^A-Za-z0-9_.-]", "_")).append('\n');
        sb.append("#SBATCH --array=0-").append(count - 1).append(s.arrayLimit() > 0 ? "%" + s.arrayLimit() : "")
                .append('\n');
        sb.append("#SBATCH --output=").append(dir.root().resolve("slurm")).append("/%A_%a.log\n");
        sb.append("#SBATCH --chdir=").append(Path.of("").toAbsolutePath()).append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=").append(s.cpusPerTask()).append('\n');
        line(sb, "partition", s.partition());
        line(sb, "time", s.time());
        line(sb, "mem", s.mem());
        line(sb, "account", s.account());
        for (String extra : s.extraLines()) {
            sb.append("#SBATCH ").append(extra.strip()).append('\n');
        }
        sb.append("set -euo pipefail\n");
        sb.append("id=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" ").append(Hex.shellQuote(ids.toString())).append(")\n");
        sb.append("exec ").append(Hex.shellQuote(javaBin.toString()))
                .append(" ${STRNN_JAVA_OPTS:--XX:MaxRAMPercentage=75} -cp ").append(q)
                .append(cp.toString().replace(q, "'\\''")).append(q)
                .append(" ").append(s.mainClass()).append(" sweep run ").append(Hex.shellQuote(sweepFile.toAbsolutePath().toString()))
                .append(" --dir ").append(Hex.shellQuote(dir.root().toString()))
                .append(" --id \"$id\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n");
        return sb.toString();
    }

    private static void line(StringBuilder sb, String option, String value) {
        if (value != null && !value.isBlank()) {
            if (value.contains("\n")) {
                throw new SettingsException("--" + option + " must be one line");
            }
            sb.append("#SBATCH --").append(option).append('=').append(value.strip()).append('\n');
        }
    }

    /** Submits the script with {@code sbatch --parsable} and returns the job id it prints. */
    public static String submit(Path script) throws InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable", script.toString()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run sbatch (is SLURM installed here?); the script is " + script);
        }
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("sbatch: " + e.getMessage());
        }
        int code = p.waitFor();
        if (code != 0) {
            String last = output.isEmpty() ? "exit code " + code : RunExecutor.lastLine(output);
            throw new IllegalArgumentException("sbatch failed: " + last + " (script: " + script + ")");
        }
        return RunExecutor.lastLine(output).split(";")[0];
    }
}
