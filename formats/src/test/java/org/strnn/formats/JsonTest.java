package org.strnn.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.check.Property;

/** The JSON writer and strict parser. */
class JsonTest {

    @Test
    void writesAndReadsBackEveryKindOfValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1L);
        m.put("a", List.of(true, false, "x"));
        m.put("lr", 1e-3);
        m.put("none", null);
        m.put("nested", Map.of("k", List.of()));
        m.put("empty", Map.of());
        String compact = Json.write(m);
        assertEquals("{\"z\":1,\"a\":[true,false,\"x\"],\"lr\":0.001,\"none\":null,\"nested\":{\"k\":[]},\"empty\":{}}", compact);
        assertEquals(m, Json.parse(compact));
        assertEquals(m, Json.parse(Json.writePretty(m)));
        assertTrue(Json.writePretty(m).contains("\n  \"a\": [\n    true,"), Json.writePretty(m));
        assertEquals(List.of("z", "a", "lr", "none", "nested", "empty"), new ArrayList<>(Json.parseObject(compact).keySet()));
    }

    @Test
    void stringsAreEscapedAndUnescaped() {
        String s = "quote \" backslash \\ newline \n tab \t bell \u0007 del \u007f e\u0301 \uD83D\uDE00 lone \uD800 end";
        String json = Json.write(s);
        assertEquals(s, Json.parse(json));
        assertTrue(json.contains("\\u0007") && json.contains("\\ud800") && json.contains("\uD83D\uDE00"), json);
        assertEquals("A/\u00e9\uD83D\uDE00", Json.parse("\"\\u0041\\/\\u00E9\\ud83d\\ude00\""));
    }

    @Test
    void numbersKeepTheirType() {
        assertEquals(42L, Json.parse("42"));
        assertEquals(-0.5, Json.parse("-0.5"));
        assertEquals(1e300, Json.parse("1E300"));
        assertEquals(9.223372036854775808E18, Json.parse("9223372036854775808")); // beyond long
        assertEquals(0L, Json.parse("-0"));
        assertEquals("[1,2.5,3.0]", Json.write(List.of(1, 2.5f, 3.0)));
    }

    @Test
    void doublesSurviveARoundTripBitForBit() {
        Property.check("JSON double round trip", 200, gen -> {
            double x = Double.longBitsToDouble(gen.random().nextLong());
            if (!Double.isFinite(x)) {
                return;
            }
            Object back = Json.parse(Json.write(x));
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits((Double) back), Json.write(x));
        });
        for (double x : new double[] {Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 0.1 + 0.2, 1e-4, 2e23}) {
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits((Double) Json.parse(Json.write(x))));
        }
    }

    @Test
    void malformedTextIsRejectedWithItsPosition() {
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", ".5", "-", "1e", "NaN",
            "tru", "\"abc", "\"\\x\"", "\"\\u12\"", "\"a\nb\"", "[1 2]", "{\"a\" 1}", "{\"a\":1,\"a\":2}", "1 2", "// c\n1",
            "[" .repeat(300) + "]".repeat(300)}) {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid JSON at line "), e.getMessage());
        }
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": [1, 2,, 3]\n}"));
        assertEquals("invalid JSON at line 2, column 14: unexpected ',', expected a value", e.getMessage());
        assertEquals(15, e.offset());
        assertThrows(JsonException.class, () -> Json.parseObject("[1]"));
    }

    @Test
    void unrepresentableValuesAreRejected() {
        assertThrows(JsonException.class, () -> Json.write(Double.NaN));
        assertThrows(JsonException.class, () -> Json.write(Double.POSITIVE_INFINITY));
        assertThrows(JsonException.class, () -> Json.write(new Object()));
        assertThrows(JsonException.class, () -> Json.write(Map.of(1, 2)));
        assertThrows(JsonException.class, () -> Json.write(Arrays.asList(1, new int[0])));
        assertNull(Json.parse(" null "));
    }
}
