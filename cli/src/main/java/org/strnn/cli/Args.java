package org.strnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strnn.datasets.source.SourceSettings;

/**
 * The parsed command line of one command: {@code --name value}, {@code --name=value}, flags, and
 * positional arguments. Typed getters check values and fail with a usage message naming the
 * option.
 */
public final class Args {

    private final String command;
    private final Map<String, Option> spec = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    /** The values as source settings, made once the arguments are complete (see {@link #source}). */
    private SourceSettings settings;

    private Args(String command, List<Option> options) {
        this.command = command;
        for (Option o : options) {
            spec.put(o.name(), o);
        }
    }

    /** Parses {@code argv} against {@code options}; an unknown option is a usage error. */
    public static Args parse(String command, List<Option> options, String[] argv) {
        Args a = new Args(command, options);
        boolean onlyPositional = false;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (onlyPositional || !arg.startsWith("--") || arg.equals("--")) {
                if (arg.equals("--") && !onlyPositional) {
                    onlyPositional = true;
                } else {
                    a.positional.add(arg);
                }
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Option o = a.spec.get(name);
            if (o == null) {
                throw CliException.usage("unknown option --" + name + " for '" + command + "'; see bin/strnn " + command
                        + " --help");
            }
            if (o.isFlag()) {
                if (value != null) {
                    throw CliException.usage("--" + name + " is a flag and takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= argv.length) {
                    throw CliException.usage("--" + name + " needs a value (" + o.argument() + ")");
                }
                value = argv[++i];
            }
            if (a.values.containsKey(name)) {
                throw CliException.usage("--" + name + " is given twice");
            }
            a.values.put(name, value);
        }
        return a;
    }

    /**
     * These arguments with {@code fallback}'s values for the declared options that were not given
     * (a value given on the command line always wins).
     */
    public Args withFallback(Map<String, String> fallback) {
        Args a = new Args(command, List.copyOf(spec.values()));
        a.values.putAll(values);
        a.positional.addAll(positional);
        for (Map.Entry<String, String> e : fallback.entrySet()) {
            if (spec.containsKey(e.getKey()) && !values.containsKey(e.getKey())) {
                a.values.put(e.getKey(), e.getValue());
            }
        }
        return a;
    }

    /**
     * These arguments as the settings of a data source: every declared option, the given values
     * set. The typed getters read through it, so their messages are the data sources' own.
     */
    public SourceSettings source() {
        if (settings == null) {
            List<SourceSettings.Setting> declared = new ArrayList<>();
            for (Option o : spec.values()) {
                declared.add(new SourceSettings.Setting(o.name(), o.argument(), o.defaultValue(), o.help()));
            }
            settings = SourceSettings.of(command, declared, values);
        }
        return settings;
    }

    public String command() {
        return command;
    }

    public boolean has(String name) {
        return source().has(name);
    }

    public boolean flag(String name) {
        return source().flag(name);
    }

    /** The value, or the option's default, or null. */
    public String string(String name) {
        return source().string(name);
    }

    /** The value; a usage error when it is absent and has no default. */
    public String required(String name) {
        return source().required(name);
    }

    /** A whole number in [min, max]. */
    public int integer(String name, int min, int max) {
        return source().integer(name, min, max);
    }

    public long longValue(String name) {
        String v = required(name);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw CliException.usage("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    /** A finite number in [min, max]. */
    public double number(String name, double min, double max) {
        return source().number(name, min, max);
    }

    /** One of {@code choices} (case-insensitive), returned in lower case. */
    public String choice(String name, String... choices) {
        return source().choice(name, choices);
    }

    public Path path(String name) {
        return source().path(name);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Fails unless there are between min and max positional arguments. */
    public void positionalCount(int min, int max, String what) {
        if (positional.size() < min) {
            throw CliException.usage("'" + command + "' needs " + what);
        }
        if (positional.size() > max) {
            throw CliException.usage("'" + command + "' got an unexpected argument '" + positional.get(max) + "'");
        }
    }
}
