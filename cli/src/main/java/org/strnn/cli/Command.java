package org.strnn.cli;

import java.util.List;

/** A subcommand of {@code strnn}. */
public interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** The usage line after {@code bin/strnn NAME}, e.g. {@code "[options]"} or {@code "seed:DIR [options]"}. */
    default String usage() {
        return "[options]";
    }

    /** A paragraph that explains the command beyond its options; may be empty. */
    default String description() {
        return "";
    }

    List<Option> options();

    /** Runs the command; returns the exit code. Throws {@link CliException} for user mistakes. */
    int run(Args args, Console console) throws Exception;
}
