package org.strnn.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.strnn.formats.Json;
import org.strnn.formats.JsonException;

/**
 * The folder of a sweep, shared by every engine (on a cluster it must be on a shared file system):
 *
 * <pre>
 * DIR/results/ID.json   one record per finished run (done or failed), written atomically
 * DIR/runs/ID/          the run's own output: model.npz, history.csv, result.json
 * DIR/slurm/            sbatch scripts, their run-id lists and the tasks' logs
 * DIR/runs.csv, DIR/summary.csv, DIR/summary.md   written by collect
 * </pre>
 *
 * A run is done or failed exactly when its record exists; anything else is pending, including a run
 * that was killed halfway (its half-written run folder is replaced when it runs again).
 */
public record SweepDir(Path root) {

    /** The state of one run. */
    public enum Status { DONE, FAILED, PENDING }

    public SweepDir {
        root = root.toAbsolutePath().normalize();
    }

    public Path results() {
        return root.resolve("results");
    }

    public Path record(String id) {
        return results().resolve(id + ".json");
    }

    public Path runDir(String id) {
        return root.resolve("runs").resolve(id);
    }

    /** The record of run {@code id}, or null when it has none (or an unreadable one, which counts as not run). */
    public Map<String, Object> read(String id) {
        try {
            return Json.parseObject(Files.readString(record(id), StandardCharsets.UTF_8));
        } catch (IOException | JsonException e) {
            return null;
        }
    }

    public Status status(String id) {
        Map<String, Object> r = read(id);
        if (r == null) {
            return Status.PENDING;
        }
        return "done".equals(r.get("status")) ? Status.DONE : Status.FAILED;
    }
}
