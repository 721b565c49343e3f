package org.strnn.formats;

/** Malformed JSON text, or a value that JSON cannot represent; the message gives the position. */
public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    JsonException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** The character offset of the problem in the parsed text, or -1 when writing. */
    public int offset() {
        return offset;
    }
}
