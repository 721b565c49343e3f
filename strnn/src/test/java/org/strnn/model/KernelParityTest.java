package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.strnn.autograd.testing.ChildProcess.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.testing.ChildProcess.Finished;

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

}
