package org.strnn.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results to {@code out}, progress and messages to {@code err}. Progress
 * bars are drawn only when {@code err} is a terminal; otherwise progress is plain log lines.
 */
public record Console(PrintStream out, PrintStream err, boolean terminal) {

    public static Console system() {
        return new Console(System.out, System.err, System.console() != null);
    }

    public void info(String line) {
        err.println(line);
    }
}
