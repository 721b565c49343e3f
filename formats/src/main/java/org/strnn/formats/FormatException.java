package org.strnn.formats;

import java.nio.file.Path;

/**
 * A model or array file that cannot be read or written. The message is one line that names the
 * file and says what is wrong, fit to show a user as is.
 */
public final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public FormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
