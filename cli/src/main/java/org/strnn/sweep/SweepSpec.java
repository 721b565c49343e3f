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
import java.util.TreeSet;
import org.strnn.datasets.SettingsException;
import org.strnn.formats.Json;
import org.strnn.formats.JsonException;
import org.strnn.formats.JsonView;

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
        JsonView root = JsonView.of(Json.parseObject(text), "");
        Set<String> known = Set.of("name", "base", "sources", "protocols", "variants", "grid", "seeds", "plots");
        for (String key : root.keys()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        String name = root.has("name") ? root.get("name").nonBlankString() : defaultName;
        List<String> base = root.has("base") ? args(root.get("base"), Set.of()) : List.of();
        List<Axis> sources = axis(root.get("sources"), "data");
        List<Axis> protocols = protocols(root.get("protocols"));
        List<Axis> variants = axis(root.get("variants"), null);
        List<List<Axis>> grid = grid(root.get("grid"));
        List<Long> seeds = seeds(root.get("seeds"));
        boolean plots = root.has("plots") && root.get("plots").bool();
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

    private static List<Axis> axis(JsonView value, String shorthand) {
        if (value.isAbsent()) {
            return List.of(new Axis(null, List.of(), List.of(-1)));
        }
        List<Axis> out = new ArrayList<>();
        for (JsonView v : axisValues(value)) {
            if (v.isString() && shorthand != null) {
                out.add(new Axis(v.string(), List.of("--" + shorthand, v.string()), List.of(-1)));
            } else if (v.isObject()) {
                JsonView label = v.get("name");
                List<String> a = v.has("args") ? args(v.get("args"), Set.of()) : args(v, Set.of("name"));
                if (v.has("args") && v.keys().size() > (label.isAbsent() ? 1 : 2)) {
                    throw v.error("give either \"args\" or options, not both");
                }
                String text = !label.isAbsent() ? label.nonBlankString()
                        : a.isEmpty() ? "-" : String.join(" ", a);
                out.add(new Axis(text, a, List.of(-1)));
            } else {
                throw v.error("expected " + (shorthand != null ? "a string or " : "") + "an object");
            }
        }
        return out;
    }

    private static List<Axis> protocols(JsonView value) {
        if (value.isAbsent()) {
            return List.of(new Axis(null, List.of(), List.of(-1)));
        }
        List<Axis> out = new ArrayList<>();
        for (JsonView v : axisValues(value)) {
            if (v.isString()) {
                out.add(new Axis(v.string(), List.of("--protocol", v.string()), List.of(-1)));
                continue;
            }
            if (!v.isObject()) {
                throw v.error("expected a protocol name or an object");
            }
            JsonView fold = v.get("fold");
            List<Integer> folds = new ArrayList<>();
            if (fold.isList()) {
                for (JsonView f : fold.list()) {
                    folds.add(f.at(fold.where()).integer(0, 1_000_000));
                }
            } else if (!fold.isAbsent()) {
                folds.add(fold.integer(0, 1_000_000));
            } else if (!v.get("folds").isAbsent()) {
                int k = v.get("folds").integer(1, 1_000_000);
                for (int f = 0; f < k; f++) {
                    folds.add(f);
                }
            } else {
                folds.add(-1);
            }
            if (folds.isEmpty()) {
                throw fold.error("an empty list");
            }
            List<String> a = args(v, Set.of("name", "fold"));
            JsonView label = v.get("name");
            out.add(new Axis(label.isAbsent() ? String.join(" ", a) : label.nonBlankString(), a, folds));
        }
        return out;
    }

    private static List<List<Axis>> grid(JsonView value) {
        if (value.isAbsent()) {
            return List.of();
        }
        if (!value.isObject()) {
            throw value.error("expected an object of option: [values]");
        }
        List<List<Axis>> out = new ArrayList<>();
        for (String option : new TreeSet<>(value.keys())) {
            JsonView values = value.get(option);
            List<Axis> axis = new ArrayList<>();
            for (JsonView v : axisValues(values)) {
                // null leaves the option out, as false does; both the words and the label read it as false
                JsonView x = v.withDefault(false).at(values.where());
                List<String> a = args(JsonView.of(Map.of(option, x.value()), values.where()), Set.of());
                axis.add(new Axis(option + "=" + word(x), a, List.of(-1)));
            }
            out.add(axis);
        }
        return out;
    }

    private static List<Long> seeds(JsonView value) {
        if (value.isAbsent()) {
            return List.of(1L);
        }
        List<Long> out = new ArrayList<>();
        for (JsonView v : axisValues(value)) {
            if (!v.isWholeNumber()) {
                throw value.error("expected whole numbers, got " + v.value());
            }
            long l = v.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
            if (out.contains(l)) {
                throw value.error(l + " is listed twice");
            }
            out.add(l);
        }
        return out;
    }

    /** Command-line words from a list of words or an object of options (leaving out the members {@code skip}). */
    private static List<String> args(JsonView value, Set<String> skip) {
        List<String> out = new ArrayList<>();
        if (value.isList()) {
            for (JsonView w : value.list()) {
                out.add(word(w.at(value.where())));
            }
            return out;
        }
        if (!value.isObject()) {
            throw value.error("expected a list of words or an object of options");
        }
        for (Map.Entry<String, JsonView> e : value.object().entrySet()) {
            String option = e.getKey();
            JsonView v = e.getValue();
            if (skip.contains(option)) {
                continue;
            }
            if (Boolean.TRUE.equals(v.value())) {
                out.add("--" + option);
            } else if (!v.isAbsent() && !Boolean.FALSE.equals(v.value())) {
                out.add("--" + option);
                out.add(word(v));
            }
        }
        return out;
    }

    /** A string or a number as one command-line word. */
    private static String word(JsonView v) {
        Object x = v.value();
        if (x instanceof String s) {
            return s;
        }
        if (x instanceof Long || x instanceof Boolean) {
            return x.toString();
        }
        if (x instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        throw v.error("expected a string or a number, got " + (x == null ? "null" : x));
    }

    /** The values of an axis: a list, and not an empty one. */
    private static List<JsonView> axisValues(JsonView value) {
        List<JsonView> list = value.list();
        if (list.isEmpty()) {
            throw value.error("an empty list gives no runs");
        }
        return list;
    }
}
