package org.strnn.datasets.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.datasets.SettingsException;

/**
 * The settings that shape how a data source is read and split ({@link #OPTIONS}: the protocol,
 * the fold, the windowing, each reader's own), by name, with their defaults. The command line
 * fills one from its options; from Java, start at {@link #defaults()} and set what differs:
 * {@code SourceSettings.defaults().with("protocol", "loso")}. A malformed value is a
 * {@link SettingsException} that names the setting as the command line spells it ({@code --steps}).
 */
public final class SourceSettings {

    /**
     * One setting: its name, the kind of value it takes (null for a flag), its default (null for
     * none), and one line of help.
     */
    public record Setting(String name, String argument, String defaultValue, String help) {

        public boolean isFlag() {
            return argument == null;
        }

        static Setting value(String name, String argument, String defaultValue, String help) {
            return new Setting(name, argument, defaultValue, help);
        }

        static Setting flag(String name, String help) {
            return new Setting(name, null, null, help);
        }
    }

    /** Every setting a source reads, in the order the command reference lists them. */
    public static final List<Setting> OPTIONS = List.of(
            Setting.value("protocol", "NAME", "paper", "how --data is split: paper, kfold, loso or cross-session"),
            Setting.value("folds", "K", "5", "kfold: folds per subject"),
            Setting.value("fold", "I", "0", "train: which fold of the protocol (0-based) to train and test on"),
            Setting.value("subject", "ID", null, "only the folds of this subject (seed: 1, seed-iv: 3, deap: s01, ...)"),
            Setting.value("session", "ID", null, "only the folds that test this session (e.g. 2)"),
            Setting.value("sessions", "N", null, "seed, seed-iv: use sessions 1..N of each subject (default: 2 for "
                    + "seed's paper protocol, as the paper; all otherwise)"),
            Setting.value("steps", "T", null, "time slices per sample (default: 9; 4 for edf/bdf)"),
            Setting.value("stride", "N", "1", "slices between the starts of consecutive samples of one trial"),
            Setting.flag("one-per-event", "one sample per trial: its first T slices (edf's old behaviour)"),
            Setting.value("features", "KIND", "de_lds", "seed, seed-iv: de_lds or de_movingave"),
            Setting.value("events", "LIST", "T1,T2", "edf: annotations to use as classes, e.g. T1=left,T2=right"),
            Setting.value("slice", "SECONDS", "1", "edf: slice length for the DE features"),
            Setting.value("overlap", "SECONDS", "0", "edf: overlap of consecutive slices"),
            Setting.value("drop", "LIST", null, "edf, npz: channels to leave out, e.g. EOG1,A1"),
            Setting.value("montage", "FILE", null, "edf, npz: place the channels on this grid (one row per line, "
                    + "names separated by spaces, - for an empty cell) instead of by their 10-05 names"),
            Setting.value("target", "NAME", "valence", "deap: valence, arousal or quadrant"),
            Setting.value("threshold", "X", "5", "deap: ratings above X are high"),
            Setting.value("grid", "HxW", "6x6", "faces: the patch lattice"),
            Setting.value("patch", "PxP", "4x4", "faces: pixels per patch (d = P*P pixel features)"));

    private final String command;
    private final Map<String, Setting> spec = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private SourceSettings(String command, List<Setting> settings) {
        this.command = command;
        for (Setting s : settings) {
            spec.put(s.name(), s);
        }
    }

    /** Every setting at its default. */
    public static SourceSettings defaults() {
        return new SourceSettings("data", OPTIONS);
    }

    /**
     * Settings for {@code command} (named in messages) that declares {@code settings}: the
     * {@link #OPTIONS} and any of its own that the readers look at (for example {@code trials}).
     */
    public static SourceSettings of(String command, List<Setting> settings) {
        return new SourceSettings(command, settings);
    }

    /**
     * Settings for {@code command} that declares {@code settings}, with {@code values} given.
     *
     * @throws SettingsException if a value names no declared setting
     */
    public static SourceSettings of(String command, List<Setting> settings, Map<String, String> values) {
        SourceSettings s = new SourceSettings(command, settings);
        for (Map.Entry<String, String> e : values.entrySet()) {
            s.set(e.getKey(), e.getValue());
        }
        return s;
    }

    /**
     * A copy with {@code name} set to {@code value} (for a flag, any non-null value sets it; null
     * clears it).
     *
     * @throws SettingsException if no setting has that name
     */
    public SourceSettings with(String name, String value) {
        SourceSettings s = new SourceSettings(command, List.copyOf(spec.values()));
        s.values.putAll(values);
        s.set(name, value);
        return s;
    }

    private void set(String name, String value) {
        if (!spec.containsKey(name)) {
            throw new SettingsException("unknown setting '" + name + "' (known: " + String.join(", ", spec.keySet())
                    + ")");
        }
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    /** Whether {@code name} was set (a default does not count). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean flag(String name) {
        known(name);
        return values.containsKey(name);
    }

    /** The value, or the default, or null. */
    public String string(String name) {
        Setting o = known(name);
        String v = values.get(name);
        return v != null ? v : o.defaultValue();
    }

    /** The value; a {@link SettingsException} when it is absent and has no default. */
    public String required(String name) {
        String v = string(name);
        if (v == null || v.isEmpty()) {
            throw new SettingsException("'" + command + "' needs --" + name + " " + spec.get(name).argument());
        }
        return v;
    }

    public int integer(String name, int min, int max) {
        String v = required(name);
        try {
            int x = Integer.parseInt(v.trim());
            if (x < min || x > max) {
                throw new SettingsException("--" + name + " must be between " + min + " and " + max + ", got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new SettingsException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    /** A finite number in [min, max]. */
    public double number(String name, double min, double max) {
        String v = required(name);
        double x;
        try {
            x = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new SettingsException("--" + name + " must be a number, got '" + v + "'");
        }
        if (!Double.isFinite(x) || x < min || x > max) {
            throw new SettingsException("--" + name + " must be a finite number between " + min + " and " + max
                    + ", got " + v);
        }
        return x;
    }

    /** One of {@code choices} (case-insensitive), returned in lower case. */
    public String choice(String name, String... choices) {
        String v = required(name).trim().toLowerCase(Locale.ROOT);
        for (String c : choices) {
            if (c.equals(v)) {
                return c;
            }
        }
        throw new SettingsException("--" + name + " must be one of " + String.join(", ", choices) + ", got '" + v
                + "'");
    }

    public Path path(String name) {
        String v = string(name);
        return v == null ? null : Path.of(v);
    }

    private Setting known(String name) {
        Setting o = spec.get(name);
        if (o == null) {
            throw new IllegalStateException("setting --" + name + " is not declared for " + command);
        }
        return o;
    }
}
