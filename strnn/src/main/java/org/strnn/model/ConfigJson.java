package org.strnn.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.autograd.types.Activation;
import org.strnn.formats.JsonView;
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
        JsonView cfg = JsonView.of(m, where, JsonView.Wording.mustBe("the model settings need"));
        for (String key : cfg.keys()) {
            if (!KEYS.contains(key)) {
                throw cfg.error("unknown model setting '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
        }
        if (!cfg.has("layout")) {
            throw cfg.error("the model settings need a layout");
        }
        Layout layout = layout(cfg.get("layout").value(), where);
        StrnnConfig.Builder b = new StrnnConfig.Builder(layout, size(cfg.get("d")), size(cfg.get("T")),
                size(cfg.get("C")));
        b.sizes(size(cfg.get("ds").withDefault(30)), size(cfg.get("Ks").withDefault(10)),
                size(cfg.get("dt").withDefault(30)), size(cfg.get("Kt").withDefault(5)));
        b.activation(Activation.valueOf(choice(cfg.get("activation").withDefault("relu"), "relu", "tanh")));
        b.merge(Merge.valueOf(choice(cfg.get("merge").withDefault("sum"), "sum", "concat")));
        if (cfg.has("directions")) {
            JsonView list = cfg.get("directions");
            if (!list.isList() || list.list().isEmpty()) {
                throw cfg.error("directions must be a non-empty list of 0..3");
            }
            JsonView.Wording notDirections = JsonView.Wording.fixed(
                    where + ": directions must be a list of 0..3, got " + list.value());
            List<Direction> dirs = new ArrayList<>();
            for (JsonView r : list.withWording(notDirections).list()) {
                dirs.add(Direction.of(r.integer(0, 3)));
            }
            b.directions(dirs);
        }
        b.recurrence(cfg.get("spatial_rnn").withDefault(true).bool(), cfg.get("temporal_rnn").withDefault(true).bool());
        b.sparsity(SparsityMode.valueOf(choice(cfg.get("sparsity").withDefault("l1"), "l1", "proximal", "none")),
                cfg.get("lambda_s").withDefault(1e-4).number(), cfg.get("lambda_t").withDefault(1e-4).number());
        StrnnConfig c;
        try {
            c = b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (cfg.has("n") && size(cfg.get("n")) != layout.size()) {
            throw cfg.error("n=" + cfg.get("n").value() + " but the layout " + layout.name() + " has "
                    + layout.size() + " vertices");
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

    /** A size setting: a whole number in [1, 1000000]. */
    private static int size(JsonView v) {
        return v.integer(1, 1_000_000, "a positive whole number");
    }

    /** One of the lower-case {@code choices}, in any case, as an enum constant's name. */
    private static String choice(JsonView v, String... choices) {
        return v.oneOfIgnoringCase(choices).toUpperCase(Locale.ROOT);
    }
}
