package org.strnn.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expanding sweep files into runs: the product of the axes, stable ids, and clear errors. */
class SweepSpecTest {

    private static final String GRID = """
            {"name": "g", "base": {"epochs": 2, "no-standardize": true, "clip": false},
             "sources": ["synthetic:train=48,test=24", {"name": "other", "data": "synthetic:train=60,test=30"}],
             "protocols": [{"protocol": "kfold", "folds": 3}, "paper"],
             "variants": [{"name": "STRNN", "args": []}, {"name": "no sparsity", "args": ["--sparsity", "none"]}],
             "grid": {"lr": [0.001, 0.003], "batch": [16]},
             "seeds": [1, 2]}
            """;

    @Test
    void expandsTheProductInAFixedOrder() {
        SweepSpec s = SweepSpec.parse(GRID, "x");
        assertEquals("g", s.name());
        // 2 sources x (3 folds + 1) x 2 variants x 2 lr x 1 batch x 2 seeds
        assertEquals(2 * 4 * 2 * 2 * 2, s.runs().size());
        Run first = s.runs().get(0);
        assertEquals(List.of("train", "--epochs", "2", "--no-standardize", "--data", "synthetic:train=48,test=24",
                "--protocol", "kfold", "--folds", "3", "--batch", "16", "--lr", "0.001", "--seed", "1", "--fold", "0"),
                first.argv());
        assertEquals("synthetic:train=48,test=24 / --protocol kfold --folds 3 / STRNN / batch=16 / lr=0.001",
                first.config());
        assertEquals(1, s.runs().get(1).fold());
        assertEquals(1L, s.runs().get(2).seed());
        assertEquals(2L, s.runs().get(3).seed());
        Run paper = s.runs().get(24);
        assertEquals(-1, paper.fold());
        assertTrue(paper.argv().containsAll(List.of("--protocol", "paper")), paper.argv().toString());
        assertTrue(!paper.argv().contains("--fold"));
        Set<String> ids = new HashSet<>();
        Set<String> configs = new HashSet<>();
        for (Run r : s.runs()) {
            ids.add(r.id());
            configs.add(r.configId());
            assertTrue(r.id().matches("[0-9a-f]{12}"), r.id());
        }
        assertEquals(s.runs().size(), ids.size());
        assertEquals(2 * 2 * 2 * 2, configs.size());
    }

    @Test
    void idsDependOnTheSettingsOnly() {
        SweepSpec a = SweepSpec.parse(GRID, "x");
        // The grid's keys in another order, another name, and one more seed: the same runs keep their ids.
        SweepSpec b = SweepSpec.parse(GRID.replace("\"grid\": {\"lr\": [0.001, 0.003], \"batch\": [16]}",
                "\"grid\": {\"batch\": [16], \"lr\": [0.001, 0.003]}").replace("\"g\"", "\"h\"")
                .replace("[1, 2]}", "[1, 2, 3]}"), "x");
        Set<String> idsB = new HashSet<>();
        b.runs().forEach(r -> idsB.add(r.id()));
        for (Run r : a.runs()) {
            assertTrue(idsB.contains(r.id()), r.commandLine());
        }
        assertEquals(a.runs().get(0).id(), Run.idOf(a.runs().get(0).argv()));
        assertNotEquals(Run.idOf(List.of("train", "--seed", "1")), Run.idOf(List.of("train", "--seed", "2")));
        // Word boundaries count: "a b" + "c" is not "a" + "b c".
        assertNotEquals(Run.idOf(List.of("a b", "c")), Run.idOf(List.of("a", "b c")));
    }

    @Test
    void defaultsGiveOneRunPerSeed() {
        SweepSpec s = SweepSpec.parse("{}", "plain");
        assertEquals("plain", s.name());
        assertEquals(1, s.runs().size());
        assertEquals(List.of("train", "--seed", "1"), s.runs().get(0).argv());
        assertEquals("", s.runs().get(0).config());
    }

    @Test
    void rejectsWhatWouldMakeABadRunList() {
        assertMessage("unknown key \"seed\"", "{\"seed\": [1]}");
        assertMessage("--seed is set by the sweep itself", "{\"base\": [\"--seed\", \"3\"]}");
        assertMessage("--out is set by the sweep itself", "{\"variants\": [{\"args\": [\"--out\", \"x\"]}]}");
        assertMessage("--epochs is given twice", "{\"base\": {\"epochs\": 2}, \"grid\": {\"epochs\": [1, 2]}}");
        assertMessage("two runs have the same settings", "{\"variants\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}");
        assertMessage("seeds: 1 is listed twice", "{\"seeds\": [1, 1]}");
        assertMessage("seeds: an empty list", "{\"seeds\": []}");
        assertMessage("grid.lr: expected a list", "{\"grid\": {\"lr\": 0.1}}");
        assertMessage("sources[0]: expected a string or an object", "{\"sources\": [3]}");
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse("{\"seeds\": [1,", "x"));
    }

    private static void assertMessage(String fragment, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(json, "x"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
