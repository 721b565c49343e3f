package org.strnn.formats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A typed, read-only view of a parsed JSON value (as {@link Json#parse} gives it) together with
 * its location, for reading settings files with clear messages.
 *
 * <p>A view knows where it is ({@link #where()}): the location its creator gave for the root, then
 * {@code where.key} for an object's member (just {@code key} under an empty location) and
 * {@code where[i]} for a list's element. A member that is not there is an <em>absent</em> view;
 * JSON {@code null} counts as absent too, so {@link #withDefault} supplies a default for both, while
 * {@link #has} tells them apart.
 *
 * <p>Typed accessors return the value or throw an {@link IllegalArgumentException} (never a
 * {@link JsonException}, which means malformed text) whose message the view's {@link Wording}
 * forms from the location and what was expected; members and elements inherit their parent's
 * wording. Numbers follow {@link Json}'s mapping: a whole number written without fraction or
 * exponent is a {@code Long}; every other number, {@code 3.0} and integers beyond the range of a
 * long included, is a {@code Double} and is not a whole number.
 */
public final class JsonView {

    /** How a view words its failures: the message for a value that is not what was expected. */
    @FunctionalInterface
    public interface Wording {

        /**
         * The message for the value at {@code at} (possibly {@linkplain JsonView#isAbsent absent})
         * that is not {@code expected}, a phrase such as {@code "a list"} or {@code "true or false"}.
         */
        String problem(JsonView at, String expected);

        /**
         * {@code where: expected <what>}, also for an absent value; under an empty location just
         * {@code expected <what>}.
         */
        static Wording expected() {
            return (at, expected) -> prefixed(at.where, "expected " + expected);
        }

        /**
         * {@code <parent's where>: <key> must be <what>, got <value>}, and for an absent value
         * {@code <parent's where>: <needs> <key>}, e.g. with {@code needs} = "the settings need",
         * {@code config.json: the settings need size}. A view that is no member (the root, an
         * element, or one {@linkplain JsonView#at moved}) speaks of its location instead of a key.
         *
         * @throws NullPointerException if {@code needs} is null
         */
        static Wording mustBe(String needs) {
            Objects.requireNonNull(needs, "needs");
            return (at, expected) -> {
                String subject = at.key != null ? at.key : at.where;
                String place = at.key != null ? at.parentWhere : "";
                return prefixed(place, at.isAbsent() ? needs + " " + subject
                        : subject + " must be " + expected + ", got " + at.value);
            };
        }

        /** The same {@code message} whatever failed, for a source that states all its needs at once. */
        static Wording fixed(String message) {
            Objects.requireNonNull(message, "message");
            return (at, expected) -> message;
        }
    }

    private final Object value;
    private final String where;
    private final String key;
    private final String parentWhere;
    private final Wording wording;

    private JsonView(Object value, String where, String key, String parentWhere, Wording wording) {
        this.value = value;
        this.where = where;
        this.key = key;
        this.parentWhere = parentWhere;
        this.wording = wording;
    }

    /**
     * A view of {@code value} (a value as {@link Json#parse} gives it; null for JSON null) at
     * location {@code where} (may be empty), worded {@link Wording#expected()}.
     *
     * @throws NullPointerException if {@code where} is null
     */
    public static JsonView of(Object value, String where) {
        return of(value, where, Wording.expected());
    }

    /**
     * A view of {@code value} at location {@code where} (may be empty) whose failures read as
     * {@code wording} says.
     *
     * @throws NullPointerException if {@code where} or {@code wording} is null
     */
    public static JsonView of(Object value, String where, Wording wording) {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(wording, "wording");
        return new JsonView(normalize(value), where, null, null, wording);
    }

    /** Where this value is, for messages: the root's location, {@code where.key} or {@code where[i]}. */
    public String where() {
        return where;
    }

    /** The member name this view was reached by, or null for a root, an element or a moved view. */
    public String key() {
        return key;
    }

    /** The value as parsed: a {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double}, {@code Boolean}, or null when absent. */
    public Object value() {
        return value;
    }

    /** The same value reported at location {@code where} (it is no longer a member: see {@link #key()}). */
    public JsonView at(String where) {
        Objects.requireNonNull(where, "where");
        return new JsonView(value, where, null, null, wording);
    }

    /** The same value and location, with failures worded by {@code wording} (which members and elements inherit). */
    public JsonView withWording(Wording wording) {
        Objects.requireNonNull(wording, "wording");
        return new JsonView(value, where, key, parentWhere, wording);
    }

    /**
     * This view, or when it is absent (missing or JSON null) a view of {@code dflt} at the same
     * location; {@code Integer}, {@code Short} and {@code Byte} defaults become {@code Long} and a
     * {@code Float} a {@code Double}, as parsing would give them. The accessors check a default like
     * any other value.
     */
    public JsonView withDefault(Object dflt) {
        return isAbsent() ? new JsonView(normalize(dflt), where, key, parentWhere, wording) : this;
    }

    /** The failure {@code where: problem} (just {@code problem} under an empty location), for checks of the caller's own. */
    public IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(prefixed(where, problem));
    }

    /** Whether the value is missing (no such member) or JSON null. */
    public boolean isAbsent() {
        return value == null;
    }

    /** Whether the value is a string. */
    public boolean isString() {
        return value instanceof String;
    }

    /** Whether the value is {@code true} or {@code false}. */
    public boolean isBoolean() {
        return value instanceof Boolean;
    }

    /** Whether the value is a whole number (a {@code Long}: see the class comment). */
    public boolean isWholeNumber() {
        return value instanceof Long;
    }

    /**
     * Whether the value is a number, whole or not (finite or, after an overflowing literal such as
     * {@code 1e999}, not); any {@link Number}, for values built in code rather than parsed.
     */
    public boolean isNumber() {
        return value instanceof Number;
    }

    /** Whether the value is a list. */
    public boolean isList() {
        return value instanceof List;
    }

    /** Whether the value is an object. */
    public boolean isObject() {
        return value instanceof Map;
    }

    /**
     * Whether this object has a member {@code key}, even one that is JSON null.
     *
     * @throws IllegalArgumentException if this is not an object ("an object")
     */
    public boolean has(String key) {
        return map().containsKey(key);
    }

    /**
     * The member names of this object in document order.
     *
     * @throws IllegalArgumentException if this is not an object ("an object")
     */
    public Set<String> keys() {
        return Collections.unmodifiableSet(map().keySet());
    }

    /**
     * The member {@code key} of this object at {@code where.key}: absent when it is missing or null.
     *
     * @throws IllegalArgumentException if this is not an object ("an object")
     */
    public JsonView get(String key) {
        Map<String, Object> m = map();
        return new JsonView(m.get(key), prefixedKey(key), key, where, wording);
    }

    /**
     * The members of this object in document order, each at {@code where.key}.
     *
     * @throws IllegalArgumentException if this is not an object ("an object")
     */
    public Map<String, JsonView> object() {
        Map<String, JsonView> out = new LinkedHashMap<>();
        for (String k : map().keySet()) {
            out.put(k, get(k));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The elements of this list in order, each at {@code where[i]}; the list may be empty.
     *
     * @throws IllegalArgumentException if this is not a list ("a list")
     */
    public List<JsonView> list() {
        if (!(value instanceof List<?> l)) {
            throw fail("a list");
        }
        List<JsonView> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(new JsonView(l.get(i), where + "[" + i + "]", null, null, wording));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The string, which may be empty.
     *
     * @throws IllegalArgumentException if it is absent or not a string ("a string")
     */
    public String string() {
        if (!(value instanceof String s)) {
            throw fail("a string");
        }
        return s;
    }

    /**
     * The string, which must have a character other than white space.
     *
     * @throws IllegalArgumentException if it is absent, not a string, or blank ("a non-empty string")
     */
    public String nonBlankString() {
        if (!(value instanceof String s) || s.isBlank()) {
            throw fail("a non-empty string");
        }
        return s;
    }

    /** The string, or null when the value is absent or of another type: for informational parts that must not stop a file from loading. */
    public String stringOrNull() {
        return value instanceof String s ? s : null;
    }

    /**
     * The boolean.
     *
     * @throws IllegalArgumentException if it is absent or not {@code true}/{@code false} ("true or false")
     */
    public boolean bool() {
        if (!(value instanceof Boolean b)) {
            throw fail("true or false");
        }
        return b;
    }

    /**
     * The whole number in {@code [min, max]}; a number with a fraction or exponent (even {@code 3.0})
     * is not one.
     *
     * @throws IllegalArgumentException if it is absent, not a whole number or out of range
     *                                  ("a whole number in [min, max]"), or if {@code min > max}
     */
    public long wholeNumber(long min, long max) {
        return wholeNumber(min, max, "a whole number in [" + min + ", " + max + "]");
    }

    /**
     * As {@link #wholeNumber(long, long)}, with the failure describing what was expected as
     * {@code description} (e.g. "a positive whole number").
     *
     * @throws IllegalArgumentException if it is absent, not a whole number or out of range, or if {@code min > max}
     */
    public long wholeNumber(long min, long max, String description) {
        if (min > max) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
        if (!(value instanceof Long l) || l < min || l > max) {
            throw fail(description);
        }
        return l;
    }

    /**
     * {@link #wholeNumber(long, long)} as an int.
     *
     * @throws IllegalArgumentException as {@link #wholeNumber(long, long)}
     */
    public int integer(int min, int max) {
        return (int) wholeNumber(min, max);
    }

    /**
     * {@link #wholeNumber(long, long, String)} as an int.
     *
     * @throws IllegalArgumentException as {@link #wholeNumber(long, long, String)}
     */
    public int integer(int min, int max, String description) {
        return (int) wholeNumber(min, max, description);
    }

    /**
     * The number, whole or not, as a double; an overflowing literal such as {@code 1e999} reads
     * as an infinity (see {@link #finiteNumber()}).
     *
     * @throws IllegalArgumentException if it is absent or not a number ("a number")
     */
    public double number() {
        if (!isNumber()) {
            throw fail("a number");
        }
        return ((Number) value).doubleValue();
    }

    /**
     * The number as a finite double.
     *
     * @throws IllegalArgumentException if it is absent, not a number, or infinite ("a finite number")
     */
    public double finiteNumber() {
        if (!isNumber() || !Double.isFinite(((Number) value).doubleValue())) {
            throw fail("a finite number");
        }
        return ((Number) value).doubleValue();
    }

    /**
     * The string, which must equal one of {@code choices}.
     *
     * @throws IllegalArgumentException if it is absent, not a string, or none of them ("one of a, b, c")
     */
    public String oneOf(String... choices) {
        return choose(false, choices);
    }

    /**
     * The one of {@code choices} (as spelled there) that the string equals ignoring case.
     *
     * @throws IllegalArgumentException if it is absent, not a string, or none of them ("one of a, b, c")
     */
    public String oneOfIgnoringCase(String... choices) {
        return choose(true, choices);
    }

    private String choose(boolean ignoreCase, String... choices) {
        if (value instanceof String s) {
            for (String c : choices) {
                if (ignoreCase ? c.toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT)) : c.equals(s)) {
                    return c;
                }
            }
        }
        throw fail("one of " + String.join(", ", choices));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map() {
        if (!(value instanceof Map<?, ?> m)) {
            throw fail("an object");
        }
        return (Map<String, Object>) m;
    }

    private IllegalArgumentException fail(String expected) {
        return new IllegalArgumentException(wording.problem(this, expected));
    }

    private String prefixedKey(String k) {
        return where.isEmpty() ? k : where + "." + k;
    }

    private static String prefixed(String where, String problem) {
        return where.isEmpty() ? problem : where + ": " + problem;
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }
}
