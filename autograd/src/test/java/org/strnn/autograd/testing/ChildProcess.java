package org.strnn.autograd.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test support shared by the modules' tests (published in autograd's test jar): a child process
 * run with a time limit that fires.
 */
public final class ChildProcess {

    private ChildProcess() {
    }

    /** A child process that ended: its exit code and its standard output (with stderr, if merged). */
    public record Finished(int exitCode, String output) {
    }

    /**
     * Runs a child process with a time limit that fires. Its output is read on another thread,
     * so waiting for the exit does not first wait for the end of the output (a child that hangs
     * with its stdout open would otherwise hang the test past any limit). When the limit passes,
     * the child and all its descendants are killed and the test fails with the command, the limit
     * and the output so far.
     */
    public static Finished run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        Process p = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream(); // synchronized: written by the reader
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(output);
            } catch (IOException closed) {
                // the child was killed; keep what was read
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        String command = String.join(" ", builder.command());
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            List<ProcessHandle> tree = p.descendants().toList();
            p.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
            p.waitFor(30, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(30));
            fail("timed out after " + limit.toSeconds() + " s, killed with its " + tree.size() + " descendant(s): "
                    + command + "\noutput so far:\n" + output.toString(StandardCharsets.UTF_8));
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        if (reader.isAlive()) {
            fail("exited, but a process it started still holds its output open: " + command);
        }
        return new Finished(p.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
}
