package org.strnn.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strnn.experiment.Executor;
import org.strnn.experiment.LocalPool;
import org.strnn.formats.AtomicFile;
import org.strnn.formats.Json;
import org.strnn.sweep.Collector;
import org.strnn.sweep.Run;
import org.strnn.sweep.RunFunction;
import org.strnn.sweep.SlurmEngine;
import org.strnn.sweep.SweepDir;
import org.strnn.sweep.SweepJob;
import org.strnn.sweep.SweepSpec;

/** {@code strnn sweep run|status|collect|list FILE}: many train runs from one sweep file. */
public final class SweepCommand implements Command {

    /** This process's command line, quiet, as the engines call it. */
    static final RunFunction COMMAND = (argv, out, err) -> Main.run(argv, new Console(out, err, false));

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "run a sweep file's grid of train runs (locally or on SLURM), show its status, collect its table";
    }

    @Override
    public String usage() {
        return "run|status|collect|list FILE [options]";
    }

    @Override
    public String description() {
        return """
                A sweep file (JSON) names sources, protocols, variants, a grid of train options and seeds; it
                expands to a fixed list of train runs, each with a stable id (a hash of its settings).
                  run      executes the runs that have no result yet (--id: just one), with --engine local
                           (a pool of --parallel threads in this process) or slurm (one sbatch --array job)
                  status   how many runs are done, failed and pending
                  collect  DIR/runs.csv, DIR/summary.csv and DIR/summary.md: mean ± std over seeds and folds
                           per configuration, the best configuration selected on validation, and its test result
                  list     every run's id, status and command line
                Each run writes DIR/results/ID.json atomically; re-running skips the runs that are done (and
                the failed ones, unless --retry-failed), so a killed sweep resumes where it stopped.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("dir", "DIR", "runs/sweep-<name>", "the sweep's folder (shared by all engines)"),
                Option.value("id", "ID", null, "run: execute only this run"),
                Option.value("engine", "NAME", "local", "run: local or slurm"),
                Option.value("parallel", "N", "1", "local: runs at the same time"),
                Option.value("threads", "N", "1", "threads of each run's ops (results do not depend on it)"),
                Option.flag("retry-failed", "run: execute failed runs again"),
                Option.value("partition", "P", null, "slurm: #SBATCH --partition"),
                Option.value("time", "T", null, "slurm: #SBATCH --time per run, e.g. 0:30:00"),
                Option.value("mem", "M", null, "slurm: #SBATCH --mem per run, e.g. 4G"),
                Option.value("cpus-per-task", "N", "1", "slurm: #SBATCH --cpus-per-task (each run's --threads)"),
                Option.value("account", "A", null, "slurm: #SBATCH --account"),
                Option.value("sbatch", "LINES", null, "slurm: extra #SBATCH options, separated by ';', e.g. "
                        + "'--qos=short;--constraint=avx2'"),
                Option.value("array-limit", "N", "0", "slurm: at most N tasks at once (0: no limit)"),
                Option.flag("dry-run", "slurm: print the script, do not submit it"),
                Option.flag("json", "status: one JSON object on stdout"));
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        args.positionalCount(2, 2, "an action (run, status, collect or list) and a sweep FILE");
        String action = args.positional().get(0);
        Path file = Path.of(args.positional().get(1));
        SweepSpec spec = SweepSpec.load(file);
        SweepDir dir = new SweepDir(args.has("dir") ? args.path("dir") : Path.of("runs", "sweep-" + spec.name()));
        if (Files.exists(dir.root()) && !Files.isDirectory(dir.root())) {
            throw CliException.failure(dir.root() + ": exists and is not a directory");
        }
        return switch (action) {
            case "run" -> runSweep(args, file, spec, dir, console);
            case "status" -> status(args, spec, dir, console);
            case "collect" -> collect(spec, dir, console);
            case "list" -> list(spec, dir, console);
            default -> throw CliException.usage("unknown sweep action '" + action + "'; use run, status, collect or list");
        };
    }

    private static int runSweep(Args args, Path file, SweepSpec spec, SweepDir dir, Console console) throws Exception {
        String engine = args.choice("engine", "local", "slurm");
        int threads = args.integer("threads", 1, 256);
        boolean retry = args.flag("retry-failed");
        List<Run> todo = new ArrayList<>();
        if (args.has("id")) {
            Run run = spec.run(args.string("id"));
            SweepDir.Status s = dir.status(run.id());
            if (s == SweepDir.Status.DONE || s == SweepDir.Status.FAILED && !retry) {
                console.info("sweep: run " + run.id() + " is already " + s.name().toLowerCase()
                        + (s == SweepDir.Status.FAILED ? " (add --retry-failed to run it again)" : ""));
                return 0;
            }
            todo.add(run);
        } else {
            for (Run r : spec.runs()) {
                SweepDir.Status s = dir.status(r.id());
                if (s == SweepDir.Status.PENDING || s == SweepDir.Status.FAILED && retry) {
                    todo.add(r);
                }
            }
        }
        if (todo.isEmpty()) {
            console.info("sweep " + spec.name() + ": nothing to run (" + spec.runs().size() + " runs, none pending); "
                    + dir.root());
            return 0;
        }
        if (engine.equals("slurm")) {
            return submitSlurm(args, file, spec, dir, todo, console);
        }
        int parallel = args.integer("parallel", 1, 1024);
        console.info("sweep " + spec.name() + ": " + todo.size() + " of " + spec.runs().size() + " runs to execute, "
                + parallel + " at a time; " + dir.root());
        // A SLURM array task executes its run here too; its record says where it ran.
        // A Spark task names its engine in a system property of the executor's JVM.
        String where = System.getenv("SLURM_ARRAY_JOB_ID") != null ? "slurm" : System.getProperty("strnn.engine", "local");
        Executor.Outcome s = new LocalPool(parallel, console::info).execute(jobs(todo, file, dir, spec, threads, where,
                retry));
        console.info("sweep " + spec.name() + ": " + s.done() + " done, " + s.failed() + " failed"
                + (s.failed() > 0 ? " (their error lines: bin/strnn sweep list " + file + ")" : ""));
        return s.failed() > 0 ? CliException.FAILURE : 0;
    }

    /** The runs as jobs that execute in this process through the command line, or elsewhere by their command. */
    static List<SweepJob> jobs(List<Run> runs, Path file, SweepDir dir, SweepSpec spec, int threads, String engine,
                               boolean retry) {
        List<SweepJob> out = new ArrayList<>();
        for (Run r : runs) {
            out.add(new SweepJob(r, file, dir, spec.plots(), threads, engine, COMMAND, retry));
        }
        return out;
    }

    private static int submitSlurm(Args args, Path file, SweepSpec spec, SweepDir dir, List<Run> todo, Console console)
            throws InterruptedException {
        String extra = args.string("sbatch");
        List<String> lines = new ArrayList<>();
        if (extra != null) {
            for (String l : extra.split(";")) {
                if (!l.isBlank()) {
                    lines.add(l.strip());
                }
            }
        }
        SlurmEngine.Settings settings = new SlurmEngine.Settings(args.string("partition"), args.string("time"),
                args.string("mem"), args.integer("cpus-per-task", 1, 1024), args.string("account"), lines,
                args.integer("array-limit", 0, 1_000_000), Main.class.getName());
        SlurmEngine slurm = new SlurmEngine(spec.name(), dir.root().resolve("slurm"), settings);
        if (args.flag("dry-run")) {
            console.out().print(slurm.script(todo.size(), dir.root().resolve("slurm").resolve("array-<time>.commands")));
            return 0;
        }
        Executor.Outcome o = slurm.execute(jobs(todo, file, dir, spec, 1, "slurm", args.flag("retry-failed")));
        console.out().println(o.note());
        console.info("sweep " + spec.name() + ": submitted " + o.submitted() + " runs as SLURM array job " + o.note()
                + " (" + dir.root().resolve("slurm") + "); bin/strnn sweep status " + file + " --dir " + dir.root()
                + " shows the progress");
        return 0;
    }

    private static int status(Args args, SweepSpec spec, SweepDir dir, Console console) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SweepDir.Status s : SweepDir.Status.values()) {
            counts.put(s.name().toLowerCase(), 0);
        }
        for (Run r : spec.runs()) {
            counts.merge(dir.status(r.id()).name().toLowerCase(), 1, Integer::sum);
        }
        if (args.flag("json")) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("sweep", spec.name());
            j.put("dir", dir.root().toString());
            j.put("runs", spec.runs().size());
            j.putAll(counts);
            console.out().println(Json.write(j));
        } else {
            console.out().println("sweep " + spec.name() + ": " + spec.runs().size() + " runs, " + counts.get("done")
                    + " done, " + counts.get("failed") + " failed, " + counts.get("pending") + " pending (" + dir.root()
                    + ")");
        }
        return 0;
    }

    private static int collect(SweepSpec spec, SweepDir dir, Console console) throws Exception {
        Collector c = Collector.of(spec, dir);
        Files.createDirectories(dir.root());
        write(dir.root().resolve("runs.csv"), c.runsCsv());
        write(dir.root().resolve("summary.csv"), c.summaryCsv());
        String md = c.markdown(spec.name());
        write(dir.root().resolve("summary.md"), md);
        console.out().print(md);
        console.out().flush();
        console.info("sweep " + spec.name() + ": wrote runs.csv, summary.csv and summary.md in " + dir.root());
        return 0;
    }

    private static int list(SweepSpec spec, SweepDir dir, Console console) {
        for (Run r : spec.runs()) {
            Map<String, Object> rec = dir.read(r.id());
            String status = rec == null ? "pending" : String.valueOf(rec.get("status"));
            String line = r.id() + "  " + String.format("%-7s", status) + "  " + r.commandLine();
            if (rec != null && rec.get("error") != null) {
                line += "\n    error: " + rec.get("error");
            }
            console.out().println(line);
        }
        return 0;
    }

    private static void write(Path path, String text) {
        AtomicFile.write(path, true, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
