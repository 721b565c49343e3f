package org.strnn.sweep;

import java.io.PrintStream;

/**
 * The command line as a function: runs one {@code strnn} command line in this process, printing
 * to {@code out} and {@code err}, and returns its exit code. The engines execute runs through it,
 * so they need not know the command line's classes.
 */
@FunctionalInterface
public interface RunFunction {

    int run(String[] argv, PrintStream out, PrintStream err);
}
