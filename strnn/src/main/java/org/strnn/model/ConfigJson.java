package org.strnn.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.autograd.types.Activation;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

/**
 * The {@code "model"} object of a model file's {@code config.json}, also the format of
 * {@code strnn init --config}. Keys (spec names where the spec has one):
 *
 * <pre>
 *   n, d, T, ds, Ks, dt, Kt, C      integers (n is checked against the layout)
 *   activation                      "relu" | "tanh"
 *   merge                           "sum" | "concat"
 *   directions                      list of direction indices r in 0..3
 *   spatial_rnn, temporal_rnn       booleans
 *   sparsity                        "l1" | "proximal" | "none"
 *   lambda_s, lambda_t              numbers
 *   layout                          "seed62" | "cap64" | "lattice:HxW", or
 *                                   {"name": ..., "electrodes": [[name, row, col], ...]}
 * </pre>
 *
 * <p>When reading, every key but {@code layout}, {@code d}, {@code T} and {@code C} may be left
 * out and takes the spec's default; an unknown key is an error, so a typo cannot pass silently.
 */
public final class ConfigJson {

    private static final List<String> KEYS = List.of("n", "d", "T", "ds", "Ks", "dt", "Kt", "C", "activation",
            "merge", "directions", "spatial_rnn", "temporal_rnn", "sparsity", "lambda_s", "lambda_t", "layout");

    private ConfigJson() {
    }

    /** The JSON object of a configuration; the layout is written out in full. */
    public static Map<String, Object> toJson(StrnnConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", c.vertices());
        m.put("d", c.features());
        m.put("T", c.steps());
        m.put("ds", c.spatialHidden());
        m.put("Ks", c.spatialRegions());
        m.put("dt", c.temporalHidden());
        m.put("Kt", c.temporalRegions());
        m.put("C", c.classes());
        m.put("activation", lower(c.activation().name()));
        m.put("merge", lower(c.merge().name()));
        List<Object> dirs = new ArrayList<>();
        for (Direction d : c.directions()) {
            dirs.add(d.ordinal());
        }
        m.put("directions", dirs);
        m.put("spatial_rnn", c.spatialRecurrence());
        m.put("temporal_rnn", c.temporalRecurrence());
        m.put("sparsity", lower(c.sparsity().name()));
        m.put("lambda_s", c.lambdaSpatial());
        m.put("lambda_t", c.lambdaTemporal());
        m.put("layout", layoutToJson(c.layout()));
        return m;
    }

    public static Map<String, Object> layoutToJson(Layout layout) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("name", layout.name());
        List<Object> cells = new ArrayList<>();
        for (Layout.Electrode e : layout.electrodes()) {
            cells.add(List.of(e.name(), e.row(), e.col()));
        }
        l.put("electrodes", cells);
        return l;
    }

    /** Reads a configuration; {@code where} names the source in error messages. */
    public static StrnnConfig fromJson(Map<String, Object> m, String where) {
        for (String key : m.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown model setting '" + key + "' (known: "
                        + String.join(", ", KEYS) + ")");
            }
        }
        if (!m.containsKey("layout")) {
            throw new IllegalArgumentException(where + ": the model settings need a layout");
        }
        Layout layout = layout(m.get("layout"), where);
        StrnnConfig.Builder b = new StrnnConfig.Builder(layout, integer(m, "d", null, where),
                integer(m, "T", null, where), integer(m, "C", null, where));
        b.sizes(integer(m, "ds", 30, where), integer(m, "Ks", 10, where), integer(m, "dt", 30, where),
                integer(m, "Kt", 5, where));
        b.activation(Activation.valueOf(choice(m, "activation", "relu", where, "relu", "tanh")));
        b.merge(Merge.valueOf(choice(m, "merge", "sum", where, "sum", "concat")));
        if (m.containsKey("directions")) {
            if (!(m.get("directions") instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException(where + ": directions must be a non-empty list of 0..3");
            }
            List<Direction> dirs = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Long r) || r < 0 || r > 3) {
                    throw new IllegalArgumentException(where + ": directions must be a list of 0..3, got " + list);
                }
                dirs.add(Direction.of(r.intValue()));
            }
            b.directions(dirs);
        }
        b.recurrence(bool(m, "spatial_rnn", where), bool(m, "temporal_rnn", where));
        b.sparsity(SparsityMode.valueOf(choice(m, "sparsity", "l1", where, "l1", "proximal", "none")),
                number(m, "lambda_s", 1e-4, where), number(m, "lambda_t", 1e-4, where));
        StrnnConfig c;
        try {
            c = b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (m.containsKey("n") && integer(m, "n", null, where) != layout.size()) {
            throw new IllegalArgumentException(where + ": n=" + m.get("n") + " but the layout " + layout.name()
                    + " has " + layout.size() + " vertices");
        }
        return c;
    }

    /** A layout from its JSON form: a built-in name or a full description. */
    public static Layout layout(Object spec, String where) {
        if (spec instanceof String s) {
            return builtinLayout(s, where);
        }
        if (spec instanceof Map<?, ?> map && map.get("electrodes") instanceof List<?> cells) {
            String name = map.get("name") instanceof String s ? s : "custom";
            List<Layout.Electrode> es = new ArrayList<>();
            for (Object cell : cells) {
                if (!(cell instanceof List<?> t) || t.size() != 3 || !(t.get(0) instanceof String en)
                        || !(t.get(1) instanceof Long row) || !(t.get(2) instanceof Long col)) {
                    throw new IllegalArgumentException(where + ": a layout electrode must be [name, row, col], got "
                            + cell);
                }
                es.add(new Layout.Electrode(en, row.intValue(), col.intValue()));
            }
            try {
                return new Layout(name, es);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(where + ": layout must be \"seed62\", \"cap64\", \"lattice:HxW\" or "
                + "{\"name\": ..., \"electrodes\": [[name, row, col], ...]}");
    }

    /** {@code seed62}, {@code cap64} or {@code lattice:HxW} (see {@link Layouts#builtin}). */
    public static Layout builtinLayout(String name, String where) {
        return Layouts.builtin(name, where);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static int integer(Map<String, Object> m, String key, Integer dflt, String where) {
        Object v = m.get(key);
        if (v == null) {
            if (dflt == null) {
                throw new IllegalArgumentException(where + ": the model settings need " + key);
            }
            return dflt;
        }
        if (!(v instanceof Long l) || l < 1 || l > 1_000_000) {
            throw new IllegalArgumentException(where + ": " + key + " must be a positive whole number, got " + v);
        }
        return l.intValue();
    }

    private static double number(Map<String, Object> m, String key, double dflt, String where) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number num)) {
            throw new IllegalArgumentException(where + ": " + key + " must be a number, got " + v);
        }
        return num.doubleValue();
    }

    private static boolean bool(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null) {
            return true;
        }
        if (!(v instanceof Boolean bo)) {
            throw new IllegalArgumentException(where + ": " + key + " must be true or false, got " + v);
        }
        return bo;
    }

    private static String choice(Map<String, Object> m, String key, String dflt, String where, String... choices) {
        Object v = m.get(key);
        String s = v == null ? dflt : v instanceof String str ? str.toLowerCase(Locale.ROOT) : null;
        for (String c : choices) {
            if (c.equals(s)) {
                return c.toUpperCase(Locale.ROOT);
            }
        }
        throw new IllegalArgumentException(where + ": " + key + " must be one of " + String.join(", ", choices)
                + ", got " + v);
    }
}
