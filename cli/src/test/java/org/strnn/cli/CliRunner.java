package org.strnn.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it prints. */
final class CliRunner {

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A small model on a small synthetic task: fast enough for unit tests. */
    static final String[] TINY = {"--data", "synthetic:train=48,test=24", "--ds", "4", "--ks", "2", "--dt", "4",
        "--kt", "2", "--batch", "16", "--no-plots", "--quiet"};

    static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** A user mistake: one line on stderr, no stack trace, the given exit code, and each fragment. */
    static void userError(Result r, int exit, String... fragments) {
        org.junit.jupiter.api.Assertions.assertEquals(exit, r.exit(), r.toString());
        String err = r.err().strip();
        org.junit.jupiter.api.Assertions.assertFalse(err.contains("\n"), "one line expected: " + r);
        org.junit.jupiter.api.Assertions.assertTrue(err.startsWith("strnn: error: "), r.toString());
        org.junit.jupiter.api.Assertions.assertFalse(err.contains("Exception") || err.contains("\tat "),
                "no stack trace: " + r);
        for (String f : fragments) {
            org.junit.jupiter.api.Assertions.assertTrue(err.contains(f), "'" + f + "' expected in: " + r);
        }
    }
}
