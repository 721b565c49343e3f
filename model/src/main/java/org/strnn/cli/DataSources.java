package org.strnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.Layout;
import org.strnn.datasets.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.datasets.edf.EventTaskBuilder;
import org.strnn.datasets.faces.CkPlusDataset;
import org.strnn.datasets.faces.CkPlusReader;
import org.strnn.datasets.faces.PatchDescriptor;
import org.strnn.datasets.faces.PatchGrid;
import org.strnn.datasets.features.Slicing;
import org.strnn.datasets.seed.FeatureKind;
import org.strnn.datasets.seed.SeedDirectory;
import org.strnn.datasets.seed.SeedExperiment;
import org.strnn.datasets.seed.SubjectDependentProtocol;
import org.strnn.datasets.synthetic.NeighbourTask;
import org.strnn.datasets.synthetic.SyntheticGenerator;

/**
 * Turns a {@code --data} / {@code --test} source into samples. Each source has its own
 * train/test split; see {@link Help#DATA_SOURCES}.
 */
final class DataSources {

    /** The options that shape how sources are read, shared by every command that reads data. */
    static final List<Option> OPTIONS = List.of(
            Option.value("steps", "T", null, "time slices per sample (default: 9; 4 for edf)"),
            Option.value("subject", "N", "1", "seed: the subject of the experiment"),
            Option.value("session", "N", "1", "seed: the session of the experiment"),
            Option.value("features", "KIND", "de_lds", "seed: de_lds or de_movingave"),
            Option.value("events", "LIST", "T1,T2", "edf: annotations to use as classes, e.g. T1=left,T2=right"),
            Option.value("slice", "SECONDS", "1", "edf: slice length for the DE features"),
            Option.value("overlap", "SECONDS", "0", "edf: overlap of consecutive slices"),
            Option.value("fold", "K", "1", "faces: which of the 10 subject-exclusive folds is the test fold"),
            Option.value("grid", "HxW", "6x6", "faces: the patch lattice"),
            Option.value("patch", "PxP", "4x4", "faces: pixels per patch (d = P*P pixel features)"));

    /** Samples from one source, with a string that identifies them in a model's provenance. */
    record Loaded(String identity, Split split) {
    }

    private DataSources() {
    }

    /**
     * Reads {@code spec}. With {@code whole} set, a source without a natural split (edf) puts all
     * its samples on the side given by {@code wholeAsTest}; split sources ignore it.
     */
    static Loaded load(String spec, Args args, Role role) {
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "synthetic" -> synthetic(rest, args);
            case "seed" -> seed(required(kind, rest), args);
            case "edf" -> edf(required(kind, rest), args, role);
            case "faces" -> faces(required(kind, rest), args);
            case "neighbours" -> neighbours(rest, args);
            default -> throw CliException.usage("unknown data source '" + spec
                    + "'; use synthetic, neighbours, seed:DIR, edf:FILE[,FILE...] or faces:DIR");
        };
    }

    /** How a source is used: its own split, or all of it as training or as test data. */
    enum Role {
        OWN_SPLIT, ALL_TRAIN, ALL_TEST
    }

    private static String required(String kind, String rest) {
        if (rest.isBlank()) {
            throw CliException.usage("data source '" + kind + ":' needs a path after the colon");
        }
        return rest;
    }

    private static Map<String, String> keyValues(String rest, String source, List<String> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rest.isBlank()) {
            return out;
        }
        for (String part : rest.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage(source + ": expected key=value, got '" + part + "'");
            }
            String key = part.substring(0, eq).trim();
            if (!keys.contains(key)) {
                throw CliException.usage(source + ": unknown setting '" + key + "' (known: " + String.join(", ", keys)
                        + ")");
            }
            out.put(key, part.substring(eq + 1).trim());
        }
        return out;
    }

    private static int positiveInt(String source, String key, String value, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v < 1 || v > max) {
                throw CliException.usage(source + ": " + key + " must be between 1 and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw CliException.usage(source + ": " + key + " must be a whole number, got '" + value + "'");
        }
    }

    static Loaded synthetic(String rest, Args args) {
        Map<String, String> kv = keyValues(rest, "synthetic", List.of("train", "test", "noise", "seed", "layout"));
        int train = positiveInt("synthetic", "train", kv.getOrDefault("train", "1200"), 1_000_000);
        int test = positiveInt("synthetic", "test", kv.getOrDefault("test", "600"), 1_000_000);
        double noise;
        long seed;
        try {
            noise = Double.parseDouble(kv.getOrDefault("noise", "1.0"));
            seed = Long.parseLong(kv.getOrDefault("seed", "7"));
        } catch (NumberFormatException e) {
            throw CliException.usage("synthetic: noise must be a number and seed a whole number");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw CliException.usage("synthetic: noise must be >= 0, got " + noise);
        }
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 9;
        String layoutName = kv.getOrDefault("layout", "seed62");
        Layout layout;
        try {
            layout = org.strnn.model.io.ConfigJson.builtinLayout(layoutName, "synthetic");
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        SyntheticGenerator gen = new SyntheticGenerator(layout, steps, 5, 3, noise);
        Split split = gen.split(train, test, seed);
        return new Loaded("synthetic:train=" + train + ",test=" + test + ",noise=" + noise + ",seed=" + seed
                + ",layout=" + layout.name() + ",T=" + steps, split);
    }

    /** {@code neighbours[:train=N,test=N,seed=S]}: the spatial neighbour task of {@link NeighbourTask}. */
    static Loaded neighbours(String rest, Args args) {
        Map<String, String> kv = keyValues(rest, "neighbours", List.of("train", "test", "seed"));
        int train = positiveInt("neighbours", "train", kv.getOrDefault("train", "800"), 1_000_000);
        int test = positiveInt("neighbours", "test", kv.getOrDefault("test", "400"), 1_000_000);
        long seed;
        try {
            seed = Long.parseLong(kv.getOrDefault("seed", "1"));
        } catch (NumberFormatException e) {
            throw CliException.usage("neighbours: seed must be a whole number");
        }
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 2;
        return new Loaded("neighbours:train=" + train + ",test=" + test + ",seed=" + seed + ",T=" + steps,
                NeighbourTask.split(train, test, steps, seed));
    }

    static Loaded seed(String dir, Args args) {
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 9;
        FeatureKind kind = args.choice("features", "de_lds", "de_movingave").equals("de_lds")
                ? FeatureKind.DE_LDS : FeatureKind.DE_MOVING_AVE;
        int subject = args.integer("subject", 1, 1000);
        int session = args.integer("session", 1, 3);
        SeedDirectory sd = SeedDirectory.open(Path.of(dir));
        List<SeedExperiment> sessions = sd.sessions(subject);
        if (sessions.isEmpty()) {
            throw CliException.failure(sd.path() + ": has no files of subject " + subject + " (subjects: "
                    + sd.subjects() + ")");
        }
        if (session > sessions.size()) {
            throw CliException.failure(sd.path() + ": subject " + subject + " has " + sessions.size()
                    + " session(s), not " + session);
        }
        SeedExperiment ex = sessions.get(session - 1);
        SubjectDependentProtocol protocol = new SubjectDependentProtocol(steps, kind,
                org.strnn.datasets.seed.SeedSessions.ALL_THREE);
        Split split = protocol.load(sd, ex);
        return new Loaded("seed:" + ex.file().getFileName() + "," + kind.prefix() + ",T=" + steps + ","
                + ex.name(), split);
    }

    static Loaded edf(String files, Args args, Role role) {
        List<Path> paths = new ArrayList<>();
        for (String f : files.split(",")) {
            if (!f.isBlank()) {
                Path p = Path.of(f.trim());
                if (!Files.isRegularFile(p)) {
                    throw new DatasetException(p, "no such file");
                }
                paths.add(p);
            }
        }
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 4;
        double slice = args.number("slice", 1e-3, 60);
        double overlap = args.number("overlap", 0, 60);
        Slicing slicing;
        try {
            slicing = new Slicing(slice, overlap);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        EventTaskBuilder builder = new EventTaskBuilder(Layouts.cap64(), steps).slicing(slicing);
        for (String ev : args.required("events").split(",")) {
            String[] kv = ev.split("=", 2);
            String text = kv[0].trim();
            String cls = kv.length == 2 ? kv[1].trim() : text;
            if (text.isEmpty() || cls.isEmpty()) {
                throw CliException.usage("--events: expected ANNOTATION or ANNOTATION=CLASS, got '" + ev + "'");
            }
            builder.label(text, cls);
        }
        if (builder.classNames().size() < 2) {
            throw CliException.usage("--events must name at least two classes, got " + builder.classNames());
        }
        String identity = "edf:" + String.join(",", paths.stream().map(p -> p.getFileName().toString()).toList())
                + ",events=" + args.required("events") + ",T=" + steps + ",slice=" + slice + ",overlap=" + overlap;
        Split split;
        if (role == Role.OWN_SPLIT) {
            if (paths.size() < 2) {
                throw CliException.usage("edf: one file cannot be split into train and test; give two or more files "
                        + "(the last is the test file) or name a test source with --test");
            }
            split = builder.split("edf", paths.subList(0, paths.size() - 1), paths.subList(paths.size() - 1,
                    paths.size()));
        } else {
            SampleSet all = builder.build(paths).samples();
            SampleSet none = all.subset(new int[0]);
            split = role == Role.ALL_TRAIN ? new Split("edf", all, none) : new Split("edf", none, all);
        }
        return new Loaded(identity, split);
    }

    static Loaded faces(String dir, Args args) {
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 9;
        int[] grid = dims(args.required("grid"), "--grid");
        int[] patch = dims(args.required("patch"), "--patch");
        int fold = args.integer("fold", 1, 10);
        CkPlusReader reader = new CkPlusReader(steps, new PatchGrid(grid[0], grid[1], patch[0], patch[1],
                PatchDescriptor.PIXELS));
        CkPlusDataset data = reader.read(Path.of(dir));
        List<Split> folds = data.tenFold();
        return new Loaded("faces:" + Path.of(dir).getFileName() + ",T=" + steps + ",grid=" + args.required("grid")
                + ",patch=" + args.required("patch") + ",fold=" + fold, folds.get(fold - 1));
    }

    /** {@code "6x6"} as {6, 6}; a usage error naming {@code option} otherwise. */
    static int[] dims(String s, String option) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int a = Integer.parseInt(p[0].trim());
                int b = Integer.parseInt(p[1].trim());
                if (a >= 1 && b >= 1 && a <= 1000 && b <= 1000) {
                    return new int[] {a, b};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.usage(option + " must look like 6x6, got '" + s + "'");
    }
}
