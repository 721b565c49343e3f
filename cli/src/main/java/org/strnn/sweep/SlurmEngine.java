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
import org.strnn.experiment.Executor;
import org.strnn.experiment.Job;
import org.strnn.formats.AtomicFile;

/**
 * The SLURM engine: one {@code sbatch --array} job whose task {@code i} runs the {@code i}-th job's
 * {@linkplain Job#command command line} (for a sweep, {@code strnn sweep run FILE --dir DIR --id ID})
 * in the same Java and class path as this process (exactly what {@code bin/strnn} executes, without
 * its build check, so that a thousand tasks never start a build). The study's folder and the class
 * path must be on a file system that every node sees.
 */
public final class SlurmEngine implements Executor {

    /** {@code #SBATCH} settings; null fields are left to the cluster's defaults. */
    public record Settings(String partition, String time, String mem, int cpusPerTask, String account,
                           List<String> extraLines, int arrayLimit, String mainClass) {
    }

    private final String studyName;
    private final Path folder;
    private final Settings settings;

    /**
     * @param studyName names the SLURM job ({@code strnn-NAME})
     * @param folder    where the script, the command list and the tasks' logs go (seen by every node)
     */
    public SlurmEngine(String studyName, Path folder, Settings settings) {
        this.studyName = studyName;
        this.folder = folder.toAbsolutePath();
        this.settings = settings;
    }

    /** The files of one submission: the script, and the command lines its tasks index. */
    public record Submission(Path script, Path commands, String text) {
    }

    /** Writes the script and the command list for {@code jobs}, submits it, and says so. */
    @Override
    public Outcome execute(List<? extends Job> jobs) throws InterruptedException {
        if (jobs.isEmpty()) {
            return new Outcome(0, 0, 0, "nothing to submit");
        }
        Submission files = write(jobs);
        String id = submit(files.script());
        return new Outcome(0, 0, jobs.size(), id);
    }

    /** Writes the script and the command list for {@code jobs} into the folder and returns them. */
    public Submission write(List<? extends Job> jobs) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path commands = folder.resolve("array-" + stamp + ".commands");
        Path script = folder.resolve("array-" + stamp + ".sh");
        String text = script(jobs.size(), commands);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException(folder + ": cannot create: " + e.getMessage());
        }
        StringBuilder list = new StringBuilder();
        for (Job j : jobs) {
            if (j.command().isEmpty()) {
                throw new IllegalArgumentException("job " + j.id() + " can run only in this process, not on SLURM");
            }
            StringBuilder line = new StringBuilder();
            for (String word : j.command()) {
                if (word.contains("\n")) {
                    throw new IllegalArgumentException("job " + j.id() + ": a command word spans lines");
                }
                line.append(line.length() == 0 ? "" : " ").append(Hex.shellQuote(word));
            }
            list.append(line).append('\n');
        }
        AtomicFile.write(commands, false, o -> o.write(list.toString().getBytes(StandardCharsets.UTF_8)));
        AtomicFile.write(script, false, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        return new Submission(script, commands, text);
    }

    /**
     * The sbatch script for an array of {@code count} tasks; task {@code i} runs the command line on
     * line {@code i + 1} of {@code commands} (shell-quoted words, as {@link #write} writes them).
     */
    public String script(int count, Path commands) {
        Settings s = settings;
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(Path.of(entry).toAbsolutePath());
            }
        }
        String q = "'";
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# STRNN ").append(studyName).append(": ").append(count)
                .append(" jobs as one SLURM job array, written by bin/strnn.\n");
        sb.append("# Task i runs the strnn command line on line i+1 of the command list.\n");
        sb.append("#SBATCH --job-name=").append(("strnn-" + studyName).replaceAll("[^A-Za-z0-9_.-]", "_")).append('\n');
        sb.append("#SBATCH --array=0-").append(count - 1).append(s.arrayLimit() > 0 ? "%" + s.arrayLimit() : "")
                .append('\n');
        sb.append("#SBATCH --output=").append(folder).append("/%A_%a.log\n");
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
        sb.append("line=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" ").append(Hex.shellQuote(commands.toString()))
                .append(")\n");
        sb.append("# The list holds shell-quoted words that bin/strnn wrote; set -- splits them into arguments.\n");
        sb.append("eval \"set -- $line\"\n");
        sb.append("exec ").append(Hex.shellQuote(javaBin.toString()))
                .append(" ${STRNN_JAVA_OPTS:--XX:MaxRAMPercentage=75} -cp ").append(q)
                .append(cp.toString().replace(q, "'\\''")).append(q)
                .append(" ").append(s.mainClass()).append(" \"$@\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n");
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
