package org.strnn.datasets;

import java.nio.file.Path;

/**
 * A problem with the user's data: a missing or unreadable file, a wrong shape, a NaN. The message
 * is one line that names the file and the problem, fit to print as is.
 */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatasetException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public DatasetException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
