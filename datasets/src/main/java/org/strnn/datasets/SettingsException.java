package org.strnn.datasets;

/**
 * A setting the caller gave is wrong: an unknown data source, a fold that does not exist, an
 * option out of range. The message is one line fit to show a user as is; the command line exits
 * with its usage code for it, where a {@link DatasetException} (bad data) is a failure.
 */
public class SettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
