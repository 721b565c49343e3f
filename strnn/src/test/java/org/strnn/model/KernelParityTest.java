package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Training gives bit-identical parameters with the scalar and with the Vector API kernels: the
 * same configurations train for three Adam steps in two child JVMs, one without and one with
 * {@code --add-modules jdk.incubator.vector}, and every digest of the parameters (before and after
 * training) and of the classifier's outputs must agree. See {@link KernelParityMain}. The
 * children's class-loading logs show that the Vector API class is loaded only with the module.
 */
class KernelParityTest {

    @Test
    void scalarAndVectorKernelsTrainToBitIdenticalParameters() throws Exception {
        // The logs go to files that do not exist yet, in a directory of their own: the JVM would
        // rotate an existing file to "<name>.0" and leave that behind.
        Path logs = Files.createTempDirectory("strnn-parity-classes");
        Path scalarLog = logs.resolve("scalar.log");
        Path vectorLog = logs.resolve("vector.log");
        List<String> scalar;
        List<String> vector;
        try {
            scalar = child(false, scalarLog);
            vector = child(true, vectorLog);
            // Without the module, the class that references jdk.incubator.vector is never loaded.
            assertFalse(Files.readString(scalarLog).contains(VECTOR_CLASS), "loaded without the module");
            assertTrue(Files.readString(vectorLog).contains(VECTOR_CLASS), "not loaded with the module");
        } finally {
            try (Stream<Path> left = Files.list(logs)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(logs);
        }
        assertEquals("kernels scalar", scalar.get(0));
        assertTrue(vector.get(0).matches("kernels vector-\\d+"), "the child with the module ran " + vector.get(0));
        assertEquals(KernelParityMain.configs().size() + 1, scalar.size(), "one line per configuration: " + scalar);
        for (int i = 1; i < scalar.size(); i++) {
            String[] s = scalar.get(i).split(" ");
            assertNotEquals(s[1], s[2], s[0] + ": training must move the parameters");
            assertEquals(scalar.get(i), vector.get(i), "scalar vs vector kernels, " + s[0]
                    + " (name, initial parameters, trained parameters, classifier outputs)");
        }
    }

    private static final String VECTOR_CLASS = "org.strnn.autograd.kernel.VectorKernels";

    /** Runs {@link KernelParityMain} in a fresh JVM, logging loaded classes to classLog; returns its stdout lines. */
    private static List<String> child(boolean vectorModule, Path classLog) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.add("-Xmx512m");
        cmd.add("-Xlog:class+load=info:file=" + classLog);
        if (vectorModule) {
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KernelParityMain.class.getName());
        Finished child = run(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD),
                Duration.ofMinutes(5));
        assertEquals(0, child.exitCode(), "child JVM failed: " + String.join(" ", cmd) + "\n" + child.output());
        return child.output().lines().toList();
    }

    /** A child process that ended: its exit code and its standard output (with stderr, if merged). */
    record Finished(int exitCode, String output) {
    }

    /**
     * Runs a child process with a time limit that fires. Its output is read on another thread,
     * so waiting for the exit does not first wait for the end of the output (a child that hangs
     * with its stdout open would otherwise hang the test past any limit). When the limit passes,
     * the child and all its descendants are killed and the test fails with the command, the limit
     * and the output so far. A copy of NumpyInteropTest's helper in nn, which shares no test code
     * with this module.
     */
    static Finished run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
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

    @Test
    void aChildThatOutlivesItsLimitIsKilledWithItsDescendantsAndTheTestFails() throws Exception {
        assumeTrue(new File("/bin/sh").canExecute(), "needs /bin/sh");
        // The shell starts a grandchild that would sleep for ten minutes, prints its pid and waits
        // for it, keeping stdout open all the while: reading stdout to its end would never return.
        ProcessBuilder sleeper = new ProcessBuilder("/bin/sh", "-c", "sleep 600 & echo $!; wait");
        long start = System.nanoTime();
        AssertionError timedOut = assertThrows(AssertionError.class, () -> run(sleeper, Duration.ofSeconds(2)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 60, "the limit fired after " + seconds + " s");
        String message = timedOut.getMessage();
        assertTrue(message.startsWith("timed out after 2 s, killed with its 1 descendant(s): /bin/sh -c"), message);
        long grandchild = Long.parseLong(message.substring(message.indexOf("output so far:\n") + 15).strip());
        Optional<ProcessHandle> left = ProcessHandle.of(grandchild);
        if (left.isPresent()) {
            try {
                left.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                left.get().destroyForcibly();
                fail("the grandchild " + grandchild + " outlived its parent's timeout");
            }
        }
        // A child that ends in time gives its exit code and its output.
        Finished ok = run(new ProcessBuilder("/bin/sh", "-c", "echo hello; exit 3"), Duration.ofSeconds(60));
        assertEquals(3, ok.exitCode());
        assertEquals("hello\n", ok.output());
    }
}
