package org.strnn.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a {@code .npy} file: a Python dict literal such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}. The parser reads exactly
 * the literals NumPy writes there (strings in either quote, {@code True}/{@code False}, integers
 * and tuples of integers) and requires the three keys and no others.
 *
 * @param descr the dtype string, e.g. {@code <f8}
 * @param fortranOrder whether the data are in column-major order
 * @param shape the dimensions
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    /** NumPy's layout of the dict, before padding. */
    String format() {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append("), }").toString();
    }

    /** Parses the header text; the message of the exception says what is wrong. */
    static NpyHeader parse(String text) {
        Parser p = new Parser(text);
        p.space();
        Object v = p.value();
        p.space();
        if (!p.atEnd()) {
            throw new IllegalArgumentException("header has text after its dict: '" + text.strip() + "'");
        }
        if (!(v instanceof Map<?, ?> dict)) {
            throw new IllegalArgumentException("header is not a dict: '" + text.strip() + "'");
        }
        for (Object key : dict.keySet()) {
            if (!key.equals("descr") && !key.equals("fortran_order") && !key.equals("shape")) {
                throw new IllegalArgumentException("header has an unknown key '" + key + "'");
            }
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new IllegalArgumentException("header 'descr' is missing or not a string");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IllegalArgumentException("header 'fortran_order' is missing or not True/False");
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw new IllegalArgumentException("header 'shape' is missing or not a tuple");
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("header 'shape' has an invalid dimension " + dims.get(i));
            }
            shape[i] = (int) (long) d;
        }
        return new NpyHeader(descr, fortran, shape);
    }

    /** A recursive-descent reader of the Python literals that can appear in a header. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void space() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            if (atEnd()) {
                throw fail("unexpected end of header");
            }
            char c = s.charAt(pos);
            if (c == '{') {
                return dict();
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '\'' || c == '"') {
                return string();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (Character.isDigit(c) || c == '-') {
                return integer();
            }
            throw fail("unexpected '" + c + "'");
        }

        Map<Object, Object> dict() {
            pos++;
            Map<Object, Object> m = new LinkedHashMap<>();
            while (true) {
                space();
                if (peek() == '}') {
                    pos++;
                    return m;
                }
                Object key = value();
                space();
                if (peek() != ':') {
                    throw fail("expected ':'");
                }
                pos++;
                space();
                if (m.put(key, value()) != null) {
                    throw fail("duplicate key " + key);
                }
                space();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw fail("expected ',' or '}'");
                }
            }
        }

        List<Object> tuple() {
            pos++;
            List<Object> l = new ArrayList<>();
            while (true) {
                space();
                if (peek() == ')') {
                    pos++;
                    return l;
                }
                l.add(value());
                space();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw fail("expected ',' or ')'");
                }
            }
        }

        String string() {
            char quote = s.charAt(pos++);
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != quote) {
                if (s.charAt(pos) == '\\') {
                    throw fail("escapes in header strings are not supported");
                }
                pos++;
            }
            if (atEnd()) {
                throw fail("unterminated string");
            }
            return s.substring(start, pos++);
        }

        Long integer() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++; // Python 2's long suffix, as old NumPy wrote it
                return parseLong(s.substring(start, pos - 1));
            }
            return parseLong(s.substring(start, pos));
        }

        private Long parseLong(String t) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw fail("invalid integer '" + t + "'");
            }
        }

        char peek() {
            return atEnd() ? 0 : s.charAt(pos);
        }

        IllegalArgumentException fail(String problem) {
            return new IllegalArgumentException("header is not a valid dict (" + problem + " at position " + pos
                    + "): '" + s.strip() + "'");
        }
    }
}
