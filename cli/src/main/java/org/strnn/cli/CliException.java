package org.strnn.cli;

/**
 * A user mistake or a problem with the user's files: printed as one line, never with a stack
 * trace, and the process exits with {@link #exitCode()}.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for a wrong command line. */
    public static final int USAGE = 2;
    /** Exit code for bad data, a missing file, or a failed run. */
    public static final int FAILURE = 1;

    private final int exitCode;

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(message, USAGE);
    }

    public static CliException failure(String message) {
        return new CliException(message, FAILURE);
    }

    public int exitCode() {
        return exitCode;
    }
}
