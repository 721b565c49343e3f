package org.strnn.formats;

import java.util.List;
import java.util.Map;

/** Writes Java values as JSON text (see {@link Json} for the mapping). */
final class JsonWriter {

    private final boolean pretty;
    private final StringBuilder out = new StringBuilder();

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    String write(Object value) {
        value(value, 0);
        return out.toString();
    }

    private void value(Object v, int depth) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new JsonException("JSON cannot represent the number " + d, -1);
            }
            out.append(v instanceof Float f ? Float.toString(f) : Double.toString(d));
        } else if (v instanceof Map<?, ?> m) {
            object(m, depth);
        } else if (v instanceof List<?> l) {
            array(l, depth);
        } else {
            throw new JsonException("JSON cannot represent a " + v.getClass().getName(), -1);
        }
    }

    private void object(Map<?, ?> m, int depth) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String sep = "";
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new JsonException("JSON object keys must be strings, got " + kind(e.getKey()), -1);
            }
            out.append(sep);
            newline(depth + 1);
            string(key);
            out.append(pretty ? ": " : ":");
            value(e.getValue(), depth + 1);
            sep = ",";
        }
        newline(depth);
        out.append('}');
    }

    private void array(List<?> l, int depth) {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String sep = "";
        for (Object x : l) {
            out.append(sep);
            newline(depth + 1);
            value(x, depth + 1);
            sep = ",";
        }
        newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n');
            out.append("  ".repeat(depth));
        }
    }

    /** Escapes {@code "}, {@code \}, control characters and unpaired surrogates; other text as is. */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        unicodeEscape(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c); // unpaired: UTF-8 cannot encode it, an escape can
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append(String.format("\\u%04x", (int) c));
    }

    static String kind(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName();
    }
}
