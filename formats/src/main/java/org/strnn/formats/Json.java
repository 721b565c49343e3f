package org.strnn.formats;

import java.util.Map;

/**
 * A minimal JSON (RFC 8259) writer and strict parser for {@code config.json}.
 *
 * <p>Values map to Java as follows: object to {@code Map<String, Object>} (a {@code LinkedHashMap}
 * that keeps the key order), array to {@code List<Object>}, string to {@code String}, number to
 * {@code Long} when it is written without fraction or exponent and fits, otherwise
 * {@code Double}, {@code true}/{@code false} to {@code Boolean}, {@code null} to {@code null}.
 * The writer also accepts {@code Integer}, {@code Short}, {@code Byte} and {@code Float}.
 *
 * <p>Doubles are written with {@link Double#toString(double)}, whose digits read back to the same
 * double, so numbers survive a round trip bit for bit. NaN and infinities are not JSON and are
 * rejected.
 */
public final class Json {

    private Json() {
    }

    /** Compact JSON text for {@code value}. */
    public static String write(Object value) {
        return new JsonWriter(false).write(value);
    }

    /** JSON text with two-space indentation and a newline after each element, for files people read. */
    public static String writePretty(Object value) {
        return new JsonWriter(true).write(value);
    }

    /** Parses one JSON value; nothing but whitespace may follow it. */
    public static Object parse(String text) {
        return new JsonParser(text).parseDocument();
    }

    /** Parses a JSON document that must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new JsonException("expected a JSON object, got " + JsonWriter.kind(v), 0);
        }
        return (Map<String, Object>) v;
    }
}
