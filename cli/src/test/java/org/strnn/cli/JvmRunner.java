package org.strnn.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in a separate JVM, as {@code bin/strnn} does, for tests that need real processes. */
final class JvmRunner {

    private JvmRunner() {
    }

    /** Starts {@code strnn args} in {@code dir}, with stdout and stderr going to files in {@code logs}. */
    static Process start(Path dir, Path logs, String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.redirectOutput(new File(logs.toFile(), name + ".out"));
        pb.redirectError(new File(logs.toFile(), name + ".err"));
        return pb.start();
    }
}
