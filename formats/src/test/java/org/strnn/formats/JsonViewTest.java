package org.strnn.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each accessor of the typed view: its value, and the exact message of each way it fails. */
class JsonViewTest {

    private static final String TEXT = """
            {"name": "run", "blank": "  ", "n": 3, "big": 4000000, "frac": 3.0, "lr": 0.001, "huge": 1e999,
             "on": true, "mode": "Tanh", "none": null, "words": ["a", 2],
             "inner": {"sizes": [1, 2, "x"], "deep": {"k": false}}}
            """;

    private static JsonView root(String where) {
        return JsonView.of(Json.parse(TEXT), where);
    }

    private static final JsonView ROOT = root("sweep.json");

    private static void fails(String message, Executable accessor) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, accessor);
        assertFalse(e instanceof JsonException, "a wrong value is no malformed JSON");
        assertEquals(message, e.getMessage());
    }

    @Test
    void locationsExtendByMemberAndElement() {
        assertEquals("sweep.json", ROOT.where());
        assertNull(ROOT.key());
        JsonView sizes = ROOT.get("inner").get("sizes");
        assertEquals("sweep.json.inner.sizes", sizes.where());
        assertEquals("sizes", sizes.key());
        assertEquals("sweep.json.inner.sizes[2]", sizes.list().get(2).where());
        assertNull(sizes.list().get(2).key());
        assertEquals("inner.deep.k", root("").get("inner").get("deep").get("k").where());
        assertEquals("elsewhere", sizes.at("elsewhere").where());
        assertNull(sizes.at("elsewhere").key());
        fails("sweep.json.inner.sizes[2]: expected a whole number in [0, 9]", () -> sizes.list().get(2).integer(0, 9));
        fails("inner.deep.k: expected a string", () -> root("").get("inner").get("deep").get("k").string());
        fails("sweep.json.inner.sizes: expected true or false", () -> sizes.list().get(2).at(sizes.where()).bool());
    }

    @Test
    void objectsAndMembers() {
        assertTrue(ROOT.isObject());
        assertEquals(List.of("name", "blank", "n", "big", "frac", "lr", "huge", "on", "mode", "none", "words", "inner"),
                new ArrayList<>(ROOT.keys()));
        assertTrue(ROOT.has("none"));
        assertFalse(ROOT.has("missing"));
        assertTrue(ROOT.get("none").isAbsent());
        assertTrue(ROOT.get("missing").isAbsent());
        assertFalse(ROOT.get("n").isAbsent());
        Map<String, JsonView> deep = ROOT.get("inner").get("deep").object();
        assertEquals(List.of("k"), new ArrayList<>(deep.keySet()));
        assertEquals("sweep.json.inner.deep.k", deep.get("k").where());
        fails("sweep.json.n: expected an object", () -> ROOT.get("n").object());
        fails("sweep.json.n: expected an object", () -> ROOT.get("n").get("x"));
        fails("sweep.json.n: expected an object", () -> ROOT.get("n").has("x"));
        fails("sweep.json.missing: expected an object", () -> ROOT.get("missing").keys());
    }

    @Test
    void lists() {
        List<JsonView> words = ROOT.get("words").list();
        assertEquals(2, words.size());
        assertEquals("a", words.get(0).string());
        assertEquals(2L, words.get(1).value());
        assertTrue(JsonView.of(List.of(), "x").list().isEmpty());
        fails("sweep.json.name: expected a list", () -> ROOT.get("name").list());
        fails("sweep.json.missing: expected a list", () -> ROOT.get("missing").list());
    }

    @Test
    void strings() {
        assertEquals("run", ROOT.get("name").string());
        assertEquals("  ", ROOT.get("blank").string());
        assertEquals("run", ROOT.get("name").nonBlankString());
        assertEquals("dflt", ROOT.get("missing").withDefault("dflt").string());
        assertEquals("dflt", ROOT.get("none").withDefault("dflt").string());
        assertEquals("run", ROOT.get("name").withDefault("dflt").string());
        fails("sweep.json.n: expected a string", () -> ROOT.get("n").string());
        fails("sweep.json.missing: expected a string", () -> ROOT.get("missing").string());
        fails("sweep.json.blank: expected a non-empty string", () -> ROOT.get("blank").nonBlankString());
        fails("sweep.json.none: expected a non-empty string", () -> ROOT.get("none").nonBlankString());
        assertEquals("run", ROOT.get("name").stringOrNull());
        assertNull(ROOT.get("n").stringOrNull());
        assertNull(ROOT.get("missing").stringOrNull());
    }

    @Test
    void booleans() {
        assertTrue(ROOT.get("on").bool());
        assertFalse(ROOT.get("missing").withDefault(false).bool());
        assertTrue(ROOT.get("on").withDefault(false).bool());
        fails("sweep.json.name: expected true or false", () -> ROOT.get("name").bool());
        fails("sweep.json.missing: expected true or false", () -> ROOT.get("missing").bool());
    }

    @Test
    void wholeNumbers() {
        assertEquals(3L, ROOT.get("n").wholeNumber(0, 3));
        assertEquals(3, ROOT.get("n").integer(3, 10));
        assertEquals(7, ROOT.get("missing").withDefault(7).integer(1, 10)); // an Integer default reads as a Long
        assertTrue(ROOT.get("n").isWholeNumber());
        assertFalse(ROOT.get("frac").isWholeNumber());
        fails("sweep.json.n: expected a whole number in [4, 10]", () -> ROOT.get("n").integer(4, 10));
        fails("sweep.json.big: expected a whole number in [0, 1000000]", () -> ROOT.get("big").integer(0, 1_000_000));
        fails("sweep.json.frac: expected a whole number in [0, 10]", () -> ROOT.get("frac").integer(0, 10));
        fails("sweep.json.name: expected a whole number in [0, 10]", () -> ROOT.get("name").wholeNumber(0, 10));
        fails("sweep.json.missing: expected a whole number in [0, 10]", () -> ROOT.get("missing").integer(0, 10));
        fails("sweep.json.n: expected a small count", () -> ROOT.get("n").integer(0, 2, "a small count"));
        fails("empty range [2, 1]", () -> ROOT.get("n").wholeNumber(2, 1));
    }

    @Test
    void numbers() {
        assertEquals(0.001, ROOT.get("lr").number());
        assertEquals(3.0, ROOT.get("n").number());
        assertEquals(3.0, ROOT.get("frac").finiteNumber());
        assertEquals(0.5, ROOT.get("missing").withDefault(0.5f).number());
        assertEquals(Double.POSITIVE_INFINITY, ROOT.get("huge").number());
        assertTrue(ROOT.get("n").isNumber() && ROOT.get("lr").isNumber() && !ROOT.get("name").isNumber());
        assertEquals(2.0, JsonView.of(Map.of("i", 2), "built in code").get("i").number());
        fails("sweep.json.huge: expected a finite number", () -> ROOT.get("huge").finiteNumber());
        fails("sweep.json.name: expected a finite number", () -> ROOT.get("name").finiteNumber());
        fails("sweep.json.on: expected a number", () -> ROOT.get("on").number());
        fails("sweep.json.missing: expected a number", () -> ROOT.get("missing").number());
    }

    @Test
    void choices() {
        assertEquals("tanh", ROOT.get("mode").oneOfIgnoringCase("relu", "tanh"));
        assertEquals("Tanh", ROOT.get("mode").oneOf("relu", "Tanh"));
        assertEquals("relu", ROOT.get("missing").withDefault("relu").oneOf("relu", "tanh"));
        fails("sweep.json.mode: expected one of relu, tanh", () -> ROOT.get("mode").oneOf("relu", "tanh"));
        fails("sweep.json.n: expected one of relu, tanh", () -> ROOT.get("n").oneOfIgnoringCase("relu", "tanh"));
        fails("sweep.json.missing: expected one of relu, tanh", () -> ROOT.get("missing").oneOf("relu", "tanh"));
    }

    @Test
    void ownChecksReadLikeTheAccessors() {
        assertEquals("sweep.json.words: an empty list", ROOT.get("words").error("an empty list").getMessage());
        assertEquals("an empty list", root("").error("an empty list").getMessage());
    }

    @Test
    void mustBeWordingNamesTheKeyAndTheValue() {
        JsonView cfg = JsonView.of(Json.parse(TEXT), "config.json", JsonView.Wording.mustBe("the settings need"));
        fails("config.json: n must be a positive whole number, got 3",
                () -> cfg.get("n").integer(4, 10, "a positive whole number"));
        fails("config.json: frac must be a whole number in [0, 9], got 3.0", () -> cfg.get("frac").integer(0, 9));
        fails("config.json: the settings need missing", () -> cfg.get("missing").integer(0, 9));
        fails("config.json: the settings need none", () -> cfg.get("none").bool());
        fails("config.json: name must be true or false, got run", () -> cfg.get("name").bool());
        fails("config.json: mode must be one of relu, sum, got Tanh", () -> cfg.get("mode").oneOfIgnoringCase("relu", "sum"));
        fails("config.json: on must be a number, got true", () -> cfg.get("on").withDefault(1e-4).number());
        // Nested: the member's parent is the location, the key the subject.
        fails("config.json.inner.deep: k must be a string, got false", () -> cfg.get("inner").get("deep").get("k").string());
        // No key: the location is the subject.
        fails("config.json.words[0] must be true or false, got a", () -> cfg.get("words").list().get(0).bool());
        assertEquals(7L, cfg.get("missing").withDefault(7L).wholeNumber(0, 9));
    }

    @Test
    void fixedWordingAndChangingWording() {
        JsonView p = ROOT.withWording(JsonView.Wording.fixed("needs name and n"));
        assertEquals("sweep.json", p.where());
        fails("needs name and n", () -> p.get("name").integer(0, 1));
        fails("needs name and n", () -> p.get("missing").string());
        fails("needs name and n", () -> p.get("inner").get("sizes").list().get(2).integer(0, 9));
        assertEquals(3, p.get("n").integer(0, 9));
        // The caller's own wording sees the view.
        JsonView custom = JsonView.of(Map.of("a", 1L), "f", (at, expected) -> at.key() + "|" + expected + "|" + at.value());
        fails("a|a string|1", () -> custom.get("a").string());
    }
}
