package org.strnn.sweep;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.strnn.cli.Console;
import org.strnn.cli.Main;

/** Runs {@code strnn} command lines in-process for the sweep tests and captures their output. */
final class SweepRunner {

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A tiny model on a tiny synthetic task, as sweep "base" options. */
    static final String TINY_BASE = "{\"data\": \"synthetic:train=48,test=24\", \"ds\": 4, \"ks\": 2, \"dt\": 4, "
            + "\"kt\": 2, \"batch\": 16, \"epochs\": 2}";

    private SweepRunner() {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
