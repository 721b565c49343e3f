package org.strnn.sweep;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.strnn.datasets.SettingsException;
import org.strnn.formats.Json;
import org.strnn.formats.JsonException;

/**
 * A sweep file: the axes whose product is the list of runs.
 *
 * <pre>{@code
 * {
 *   "name": "ablation",
 *   "base": {"epochs": 20},                          // options of every run
 *   "sources": ["synthetic:train=1200,test=600",     // a --data value, or an object of options
 *               {"name": "s001", "data": "edf:a.edf", "test": "edf:b.edf", "events": "T1=left"}],
 *   "protocols": [{"protocol": "kfold", "folds": 5}],// optional; folds expand to --fold 0..K-1
 *   "variants": [{"name": "STRNN", "args": []},      // named sets of switches
 *                {"name": "no sparsity", "args": ["--sparsity", "none"]}],
 *   "grid": {"lr": [0.001, 0.003], "clip": [0, 1]},  // every combination
 *   "seeds": [1, 2, 3]
 * }
 * }</pre>
 *
 * <p>Options are given either as a list of command-line words or as an object whose keys are option
 * names without dashes ({@code true} is a flag, {@code false} or {@code null} leaves it out). A
 * run's command line is {@code train}, then base, source, protocol, variant, the grid's options in
 * key order, {@code --seed} and {@code --fold}; its id is a hash of that line, so it does not change
 * when the file is reordered or extended.
 */
public final class SweepSpec {

    /** Options the engines set themselves (or that the sweep expands), so a sweep file may not. */
    static final Set<String> RESERVED = Set.of("out", "json", "force", "threads", "resume", "quiet", "no-plots",
            "seed", "fold", "help");

    private final String name;
    private final List<Run> runs;
    private final boolean plots;

    private SweepSpec(String name, List<Run> runs, boolean plots) {
        this.name = name;
        this.runs = List.copyOf(runs);
        this.plots = plots;
    }

    /** Reads and expands a sweep file; every problem is an {@link IllegalArgumentException} with one line naming the file. */
    public static SweepSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such sweep file");
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        String fallback = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            return parse(text, fallback);
        } catch (JsonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Expands the JSON text of a sweep; {@code defaultName} names it when the text does not. */
    public static SweepSpec parse(String text, String defaultName) {
        Map<String, Object> root = Json.parseObject(text);
        Set<String> known = Set.of("name", "base", "sources", "protocols", "variants", "grid", "seeds", "plots");
        for (String key : root.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
        String name = root.containsKey("name") ? string(root.get("name"), "name") : defaultName;
        List<String> base = args(root.getOrDefault("base", List.of()), "base", null);
        List<Axis> sources = axis(root.get("sources"), "sources", "data");
        List<Axis> protocols = protocols(root.get("protocols"));
        List<Axis> variants = axis(root.get("variants"), "variants", null);
        List<List<Axis>> grid = grid(root.get("grid"));
        List<Long> seeds = seeds(root.get("seeds"));
        boolean plots = root.containsKey("plots") && bool(root.get("plots"), "plots");
        return new SweepSpec(name, expand(base, sources, protocols, variants, grid, seeds), plots);
    }

    public String name() {
        return name;
    }

    /** The runs in a fixed order: configuration by configuration, then seed, then fold. */
    public List<Run> runs() {
        return runs;
    }

    /** Whether runs draw train's pictures (off by default: they cost time and say nothing new). */
    public boolean plots() {
        return plots;
    }

    /** The run with this id. */
    public Run run(String id) {
        for (Run r : runs) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new SettingsException("no run with id '" + id + "' in sweep " + name + "; see bin/strnn sweep list");
    }

    /** One value of an axis: a label, the words it adds, and (for protocols) its folds. */
    private record Axis(String label, List<String> args, List<Integer> folds) {
    }

    private static List<Run> expand(List<String> base, List<Axis> sources, List<Axis> protocols, List<Axis> variants,
                                    List<List<Axis>> grid, List<Long> seeds) {
        List<Run> runs = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Axis source : sources) {
            for (Axis protocol : protocols) {
                for (Axis variant : variants) {
                    for (List<Axis> point : product(grid)) {
                        List<String> config = new ArrayList<>(List.of("train"));
                        config.addAll(base);
                        List<String> axes = new ArrayList<>();
                        for (Axis a : concat(List.of(source, protocol, variant), point)) {
                            config.addAll(a.args());
                            if (a.label() != null) {
                                axes.add(a.label());
                            }
                        }
                        checkOptions(config);
                        String label = String.join(" / ", axes);
                        List<String> data = new ArrayList<>(base);
                        data.addAll(source.args());
                        data.addAll(protocol.args());
                        String splitId = Run.idOf(data);
                        String configId = Run.idOf(config);
                        for (long seed : seeds) {
                            for (int fold : protocol.folds()) {
                                List<String> argv = new ArrayList<>(config);
                                argv.add("--seed");
                                argv.add(Long.toString(seed));
                                if (fold >= 0) {
                                    argv.add("--fold");
                                    argv.add(Integer.toString(fold));
                                }
                                Run run = new Run(Run.idOf(argv), argv, label, configId, axes, seed, fold, splitId);
                                String before = seen.putIfAbsent(run.id(), label);
                                if (before != null) {
                                    throw new IllegalArgumentException("two runs have the same settings (" + label
                                            + ", seed " + seed + "); remove the duplicate");
                                }
                                runs.add(run);
                            }
                        }
                    }
                }
            }
        }
        return runs;
    }

    private static List<Axis> concat(List<Axis> a, List<Axis> b) {
        List<Axis> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<List<Axis>> product(List<List<Axis>> grid) {
        List<List<Axis>> out = new ArrayList<>();
        out.add(List.of());
        for (List<Axis> values : grid) {
            List<List<Axis>> next = new ArrayList<>();
            for (List<Axis> prefix : out) {
                for (Axis v : values) {
                    next.add(concat(prefix, List.of(v)));
                }
            }
            out = next;
        }
        return out;
    }

    /** No option twice, and none that the sweep sets itself. */
    private static void checkOptions(List<String> argv) {
        Set<String> names = new HashSet<>();
        for (String word : argv) {
            if (!word.startsWith("--") || word.length() == 2) {
                continue;
            }
            String option = word.substring(2).split("=", 2)[0];
            if (RESERVED.contains(option)) {
                throw new IllegalArgumentException("--" + option + " is set by the sweep itself"
                        + (option.equals("seed") ? "; list seeds under \"seeds\"" : option.equals("fold")
                        ? "; give folds under \"protocols\"" : ""));
            }
            if (!names.add(option)) {
                throw new IllegalArgumentException("--" + option + " is given twice in one run: " + String.join(" ", argv));
            }
        }
    }

    private static List<Axis> axis(Object value, String key, String shorthand) {
        if (value == null) {
            return List.of(new Axis(null, List.of(), List.of(-1)));
        }
        List<?> list = list(value, key);
        List<Axis> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = key + "[" + i + "]";
            Object v = list.get(i);
            if (v instanceof String s && shorthand != null) {
                out.add(new Axis(s, List.of("--" + shorthand, s), List.of(-1)));
            } else if (v instanceof Map<?, ?> m) {
                Object label = m.get("name");
                List<String> a = m.containsKey("args") ? args(m.get("args"), where + ".args", null) : args(m, where, "name");
                if (m.containsKey("args") && m.size() > (label == null ? 1 : 2)) {
                    throw new IllegalArgumentException(where + ": give either \"args\" or options, not both");
                }
                String text = label != null ? string(label, where + ".name")
                        : a.isEmpty() ? "-" : String.join(" ", a);
                out.add(new Axis(text, a, List.of(-1)));
            } else {
                throw new IllegalArgumentException(where + ": expected " + (shorthand != null ? "a string or " : "")
                        + "an object");
            }
        }
        return out;
    }

    private static List<Axis> protocols(Object value) {
        if (value == null) {
            return List.of(new Axis(null, List.of(), List.of(-1)));
        }
        List<?> list = list(value, "protocols");
        List<Axis> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "protocols[" + i + "]";
            Object v = list.get(i);
            if (v instanceof String s) {
                out.add(new Axis(s, List.of("--protocol", s), List.of(-1)));
                continue;
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + ": expected a protocol name or an object");
            }
            Map<String, Object> options = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> options.put((String) k, x));
            Object fold = options.remove("fold");
            List<Integer> folds = new ArrayList<>();
            if (fold instanceof List<?> l) {
                for (Object f : l) {
                    folds.add(integer(f, where + ".fold", 0, 1_000_000));
                }
            } else if (fold != null) {
                folds.add(integer(fold, where + ".fold", 0, 1_000_000));
            } else if (options.get("folds") != null) {
                int k = integer(options.get("folds"), where + ".folds", 1, 1_000_000);
                for (int f = 0; f < k; f++) {
                    folds.add(f);
                }
            } else {
                folds.add(-1);
            }
            if (folds.isEmpty()) {
                throw new IllegalArgumentException(where + ".fold: an empty list");
            }
            List<String> a = args(options, where, "name");
            String label = options.get("name") != null ? string(options.get("name"), where + ".name") : String.join(" ", a);
            out.add(new Axis(label, a, folds));
        }
        return out;
    }

    private static List<List<Axis>> grid(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("grid: expected an object of option: [values]");
        }
        List<List<Axis>> out = new ArrayList<>();
        for (Object key : new TreeMap<>(m).keySet()) {
            String option = (String) key;
            List<?> values = list(m.get(option), "grid." + option);
            List<Axis> axis = new ArrayList<>();
            for (Object v : values) {
                List<String> a = args(Map.of(option, v == null ? Boolean.FALSE : v), "grid." + option, null);
                axis.add(new Axis(option + "=" + word(v == null ? Boolean.FALSE : v, "grid." + option), a, List.of(-1)));
            }
            out.add(axis);
        }
        return out;
    }

    private static List<Long> seeds(Object value) {
        if (value == null) {
            return List.of(1L);
        }
        List<Long> out = new ArrayList<>();
        for (Object v : list(value, "seeds")) {
            if (!(v instanceof Long l)) {
                throw new IllegalArgumentException("seeds: expected whole numbers, got " + v);
            }
            if (out.contains(l)) {
                throw new IllegalArgumentException("seeds: " + l + " is listed twice");
            }
            out.add(l);
        }
        return out;
    }

    /** Command-line words from a list of words or an object of options (skipping {@code skip}). */
    private static List<String> args(Object value, String where, String skip) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object w : l) {
                out.add(word(w, where));
            }
            return out;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": expected a list of words or an object of options");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String option = (String) e.getKey();
            if (option.equals(skip)) {
                continue;
            }
            Object v = e.getValue();
            if (Boolean.TRUE.equals(v)) {
                out.add("--" + option);
            } else if (v != null && !Boolean.FALSE.equals(v)) {
                out.add("--" + option);
                out.add(word(v, where + "." + option));
            }
        }
        return out;
    }

    /** A string or a number as one command-line word. */
    private static String word(Object v, String where) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        throw new IllegalArgumentException(where + ": expected a string or a number, got " + (v == null ? "null" : v));
    }

    private static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(where + ": expected a list");
        }
        if (l.isEmpty()) {
            throw new IllegalArgumentException(where + ": an empty list gives no runs");
        }
        return l;
    }

    private static String string(Object v, String where) {
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(where + ": expected a non-empty string");
        }
        return s;
    }

    private static boolean bool(Object v, String where) {
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(where + ": expected true or false");
        }
        return b;
    }

    private static int integer(Object v, String where, int min, int max) {
        if (!(v instanceof Long l) || l < min || l > max) {
            throw new IllegalArgumentException(where + ": expected a whole number in [" + min + ", " + max + "]");
        }
        return (int) (long) l;
    }
}
