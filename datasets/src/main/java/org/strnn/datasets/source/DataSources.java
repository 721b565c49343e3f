package org.strnn.datasets.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.SettingsException;
import org.strnn.datasets.Split;
import org.strnn.datasets.deap.DeapCorpus;
import org.strnn.datasets.deap.DeapTarget;
import org.strnn.datasets.edf.EventCorpus;
import org.strnn.datasets.faces.CkPlusDataset;
import org.strnn.datasets.faces.CkPlusReader;
import org.strnn.datasets.faces.PatchDescriptor;
import org.strnn.datasets.faces.PatchGrid;
import org.strnn.datasets.features.Slicing;
import org.strnn.datasets.npz.NpzFeatures;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Fold;
import org.strnn.datasets.protocol.Protocol;
import org.strnn.datasets.protocol.Trial;
import org.strnn.datasets.protocol.Windowing;
import org.strnn.datasets.seed.FeatureKind;
import org.strnn.datasets.seed.SeedCorpus;
import org.strnn.datasets.seed.SeedDirectory;
import org.strnn.datasets.seed.SeedIv;
import org.strnn.datasets.synthetic.NeighbourTask;
import org.strnn.datasets.synthetic.SyntheticGenerator;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

/**
 * The one place that parses a {@code --data} / {@code --test} source (the source grammar of the command reference)
 * and splits it by a protocol ({@code --protocol}, {@code --folds}, {@code --fold}), for
 * {@code train}, {@code experiment}, {@code eval}, {@code predict} and {@code montage} alike.
 */
public final class DataSources {

    /** Samples from one source, with a string that identifies them in a model's provenance, and notes for the user. */
    public record Loaded(String identity, Split split, List<String> notes) {
        Loaded(String identity, Split split) {
            this(identity, split, List.of());
        }
    }

    /** How a source is used: its own split, or all of it as training or as test data. */
    public enum Role {
        OWN_SPLIT, ALL_TRAIN, ALL_TEST
    }

    /**
     * An opened source: a corpus that protocols split, or (synthetic, faces) a fixed list of
     * folds. Nothing is read beyond what naming the folds needs.
     */
    private record Source(String kind, String identity, Corpus corpus, int defaultSteps, List<Fold> fixed,
            List<String> notes) {
    }

    private DataSources() {
    }

    /**
     * Reads {@code spec}. With {@link Role#OWN_SPLIT} the source is split by {@code --protocol} and
     * {@code --fold} picks the fold; with {@link Role#ALL_TRAIN} or {@link Role#ALL_TEST} all of a
     * corpus goes to that side (synthetic and faces keep their own split).
     */
    public static Loaded load(String spec, SourceSettings args, Role role) {
        Source source = open(spec, args);
        if (source.fixed() != null) {
            requireProtocol(args, Protocol.PAPER, source.kind() + " has only its own split; use --protocol paper");
            Fold fold = pick(source.fixed(), args, source.kind());
            return new Loaded(source.identity() + (source.fixed().size() > 1 ? ",fold=" + fold.name() : ""),
                    fold.split(), source.notes());
        }
        Windowing w = windowing(args, source);
        String identity = source.identity() + ",T=" + w.steps() + ",stride=" + w.stride()
                + (w.firstOnly() ? ",one-per-event" : "");
        if (role != Role.OWN_SPLIT) {
            if (args.has("protocol")) {
                throw new SettingsException("--protocol splits --data, but --test names the test data; use one or the "
                        + "other");
            }
            Corpus c = source.corpus();
            List<Trial> all = new ArrayList<>();
            for (Corpus.Unit u : c.units()) {
                all.addAll(u.load().get().trials());
            }
            SampleSet samples = w.samples(all, c.layout(), c.features(), c.classNames());
            SampleSet none = samples.subset(new int[0]);
            List<String> notes = new ArrayList<>(source.notes());
            notes.addAll(shortTrials(all, w));
            Split split = role == Role.ALL_TRAIN ? new Split(c.name(), samples, none) : new Split(c.name(), none, samples);
            return new Loaded(identity, split, notes);
        }
        List<Fold> folds = folds(source, args, w);
        Fold fold = pick(folds, args, protocolName(args));
        List<String> notes = new ArrayList<>(source.notes());
        if (source.kind().equals("npz")) {
            notes.addAll(shortTrials(source.corpus(), w));
        }
        return new Loaded(identity + ",protocol=" + protocolName(args) + ",fold=" + fold.name(), fold.split(), notes);
    }

    /** A note when some trials are shorter than {@code T} (and so give no sample). */
    private static List<String> shortTrials(List<Trial> trials, Windowing w) {
        int n = w.tooShort(trials);
        return n == 0 ? List.of() : List.of(n + " of " + trials.size() + " trials are shorter than T = " + w.steps()
                + " slices and give no sample");
    }

    /** The note of {@link #shortTrials(List, Windowing)} over every trial of a corpus. */
    private static List<String> shortTrials(Corpus c, Windowing w) {
        List<Trial> all = new ArrayList<>();
        for (Corpus.Unit u : c.units()) {
            all.addAll(u.load().get().trials());
        }
        return shortTrials(all, w);
    }

    /** The notes of the loaded sources, each once, for the user. */
    public static List<String> notes(Loaded... loaded) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (Loaded l : loaded) {
            seen.addAll(l.notes());
        }
        return List.copyOf(seen);
    }

    /** Every fold of {@code --protocol} over {@code spec} (only {@code --subject}'s and {@code --session}'s when given). */
    public static List<Fold> folds(String spec, SourceSettings args) {
        Source source = open(spec, args);
        if (source.fixed() != null) {
            requireProtocol(args, Protocol.PAPER, source.kind() + " has only its own split; use --protocol paper");
            return source.fixed();
        }
        return folds(source, args, windowing(args, source));
    }

    /** A one-line identity of the data settings of {@code spec}, for an experiment's settings file. */
    public static String describe(String spec, SourceSettings args) {
        Source source = open(spec, args);
        if (source.fixed() != null) {
            return source.identity();
        }
        Windowing w = windowing(args, source);
        return source.identity() + ",T=" + w.steps() + ",stride=" + w.stride() + (w.firstOnly() ? ",one-per-event" : "")
                + ",protocol=" + protocolName(args) + (protocol(args) == Protocol.KFOLD ? ",folds=" + args.string("folds")
                : "");
    }

    /** The layout the samples of {@code spec} are placed on (reading as little as possible). */
    public static Layout layout(String spec, SourceSettings args) {
        Source source = open(spec, args);
        if (source.fixed() != null) {
            return source.fixed().get(0).split().train().layout();
        }
        return source.corpus().layout();
    }

    private static List<Fold> folds(Source source, SourceSettings args, Windowing w) {
        Protocol protocol = protocol(args);
        List<Fold> all;
        if (protocol == Protocol.PAPER && source.kind().equals("edf")) {
            all = edfPaper(source.corpus(), w);
        } else {
            all = protocol.folds(source.corpus(), w, args.integer("folds", 2, 1000));
        }
        List<Fold> out = new ArrayList<>();
        for (Fold f : all) {
            if (matches(args.string("subject"), f.subject()) && matches(args.string("session"), f.session())) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new DatasetException(source.identity() + ": no fold of protocol " + protocol + " matches"
                    + (args.has("subject") ? " --subject " + args.string("subject") : "")
                    + (args.has("session") ? " --session " + args.string("session") : "") + " (subjects: "
                    + String.join(", ", source.corpus().subjects()) + ")");
        }
        return out;
    }

    /** EDF's own split: every file but the last trains, the last tests. */
    private static List<Fold> edfPaper(Corpus c, Windowing w) {
        List<Corpus.Unit> units = c.units();
        if (units.size() < 2) {
            throw new SettingsException("edf: one file cannot be split into train and test; give two or more files "
                    + "(the last is the test file), name a test source with --test, or use --protocol kfold");
        }
        Corpus.Unit last = units.get(units.size() - 1);
        return List.of(new Fold("edf", null, null, () -> {
            List<Trial> train = new ArrayList<>();
            for (Corpus.Unit u : units.subList(0, units.size() - 1)) {
                train.addAll(u.load().get().trials());
            }
            List<Trial> test = last.load().get().trials();
            return new Split("edf", w.samples(train, c.layout(), c.features(), c.classNames()),
                    w.samples(test, c.layout(), c.features(), c.classNames()));
        }));
    }

    /** Whether a fold's subject or session id matches the user's filter ({@code 1} matches {@code 01} and {@code session1}). */
    public static boolean matches(String wanted, String id) {
        if (wanted == null) {
            return true;
        }
        if (id == null) {
            return false;
        }
        String w = wanted.trim();
        if (w.equalsIgnoreCase(id) || ("session" + w).equalsIgnoreCase(id)) {
            return true;
        }
        try {
            return Integer.parseInt(w.replaceAll("^\\D+", "")) == Integer.parseInt(id.replaceAll("^\\D+", ""));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Fold pick(List<Fold> folds, SourceSettings args, String what) {
        int fold = args.integer("fold", 0, 1_000_000);
        if (fold >= folds.size()) {
            throw new SettingsException("--fold " + fold + " does not exist: " + what + " has " + folds.size()
                    + " fold(s) here, numbered 0.." + (folds.size() - 1));
        }
        return folds.get(fold);
    }

    private static Protocol protocol(SourceSettings args) {
        try {
            return Protocol.of(args.string("protocol"));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("--protocol: " + e.getMessage());
        }
    }

    private static String protocolName(SourceSettings args) {
        return protocol(args).option();
    }

    private static void requireProtocol(SourceSettings args, Protocol wanted, String message) {
        if (protocol(args) != wanted) {
            throw new SettingsException(message);
        }
    }

    private static Windowing windowing(SourceSettings args, Source source) {
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : source.defaultSteps();
        return new Windowing(steps, args.integer("stride", 1, 100_000), args.flag("one-per-event"));
    }

    private static Source open(String spec, SourceSettings args) {
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "synthetic" -> synthetic(rest, args);
            case "neighbours" -> neighbours(rest, args);
            case "seed" -> seed(required(kind, rest), args);
            case "seed-iv", "seed4", "seediv" -> seedIv(required(kind, rest), args);
            case "deap" -> deap(required(kind, rest), args);
            case "edf", "bdf" -> edf(required(kind, rest), args);
            case "npz" -> npz(required(kind, rest), args);
            case "faces" -> faces(required(kind, rest), args);
            default -> throw new SettingsException("unknown data source '" + spec + "'; use synthetic, neighbours, seed:DIR, "
                    + "seed-iv:DIR, deap:DIR, edf:FILE[,FILE...] (EDF/EDF+/BDF/BDF+), npz:FILE or faces:DIR");
        };
    }

    private static String required(String kind, String rest) {
        if (rest.isBlank()) {
            throw new SettingsException("data source '" + kind + ":' needs a path after the colon");
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
                throw new SettingsException(source + ": expected key=value, got '" + part + "'");
            }
            String key = part.substring(0, eq).trim();
            if (!keys.contains(key)) {
                throw new SettingsException(source + ": unknown setting '" + key + "' (known: " + String.join(", ", keys)
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
                throw new SettingsException(source + ": " + key + " must be between 1 and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SettingsException(source + ": " + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static Source synthetic(String rest, SourceSettings args) {
        Map<String, String> kv = keyValues(rest, "synthetic", List.of("train", "test", "noise", "seed", "layout"));
        int train = positiveInt("synthetic", "train", kv.getOrDefault("train", "1200"), 1_000_000);
        int test = positiveInt("synthetic", "test", kv.getOrDefault("test", "600"), 1_000_000);
        double noise;
        long seed;
        try {
            noise = Double.parseDouble(kv.getOrDefault("noise", "1.0"));
            seed = Long.parseLong(kv.getOrDefault("seed", "7"));
        } catch (NumberFormatException e) {
            throw new SettingsException("synthetic: noise must be a number and seed a whole number");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new SettingsException("synthetic: noise must be >= 0, got " + noise);
        }
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 9;
        String layoutName = kv.getOrDefault("layout", "seed62");
        Layout layout;
        try {
            layout = Layouts.builtin(layoutName, "synthetic");
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
        SyntheticGenerator gen = new SyntheticGenerator(layout, steps, 5, 3, noise);
        Split split = gen.split(train, test, seed);
        String identity = "synthetic:train=" + train + ",test=" + test + ",noise=" + noise + ",seed=" + seed
                + ",layout=" + layout.name() + ",T=" + steps;
        return new Source("synthetic", identity, null, steps, List.of(new Fold("synthetic", null, null, () -> split)),
                List.of());
    }

    /** {@code neighbours[:train=N,test=N,seed=S]}: the spatial neighbour task of {@link NeighbourTask}. */
    private static Source neighbours(String rest, SourceSettings args) {
        Map<String, String> kv = keyValues(rest, "neighbours", List.of("train", "test", "seed"));
        int train = positiveInt("neighbours", "train", kv.getOrDefault("train", "800"), 1_000_000);
        int test = positiveInt("neighbours", "test", kv.getOrDefault("test", "400"), 1_000_000);
        long seed;
        try {
            seed = Long.parseLong(kv.getOrDefault("seed", "1"));
        } catch (NumberFormatException e) {
            throw new SettingsException("neighbours: seed must be a whole number");
        }
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 2;
        Split split = NeighbourTask.split(train, test, steps, seed);
        String identity = "neighbours:train=" + train + ",test=" + test + ",seed=" + seed + ",T=" + steps;
        return new Source("neighbours", identity, null, steps,
                List.of(new Fold("neighbours", null, null, () -> split)), List.of());
    }

    private static FeatureKind featureKind(SourceSettings args) {
        return args.choice("features", "de_lds", "de_movingave").equals("de_lds") ? FeatureKind.DE_LDS
                : FeatureKind.DE_MOVING_AVE;
    }

    /** Sessions 1..N to use: --sessions, else 2 for the paper protocol (as the paper), else all three. */
    private static int sessions(SourceSettings args, boolean paperDefaultTwo) {
        if (args.has("sessions")) {
            return args.integer("sessions", 1, 3);
        }
        return paperDefaultTwo && protocol(args) == Protocol.PAPER && !args.has("session") ? 2 : 3;
    }

    private static Source seed(String dir, SourceSettings args) {
        FeatureKind kind = featureKind(args);
        int sessions = sessions(args, true);
        Corpus c = SeedCorpus.of(SeedDirectory.open(Path.of(dir)), kind, sessions);
        return new Source("seed", "seed:" + Path.of(dir).getFileName() + "," + kind.prefix() + ",sessions=1-" + sessions,
                c, 9, null, List.of());
    }

    private static Source seedIv(String dir, SourceSettings args) {
        FeatureKind kind = featureKind(args);
        int sessions = sessions(args, false);
        Corpus c = SeedIv.open(Path.of(dir), kind, sessions);
        return new Source("seed-iv", "seed-iv:" + Path.of(dir).getFileName() + "," + kind.prefix() + ",sessions=1-"
                + sessions, c, 9, null, List.of());
    }

    private static Source deap(String path, SourceSettings args) {
        DeapTarget target = DeapTarget.valueOf(args.choice("target", "valence", "arousal", "quadrant")
                .toUpperCase(Locale.ROOT));
        double threshold = args.number("threshold", 1, 9);
        Corpus c = DeapCorpus.open(Path.of(path), target, threshold);
        return new Source("deap", "deap:" + Path.of(path).getFileName() + ",target=" + target.name().toLowerCase(Locale.ROOT)
                + ",threshold=" + threshold, c, 9, null, List.of());
    }

    private static List<String> dropList(SourceSettings args) {
        List<String> out = new ArrayList<>();
        if (args.has("drop")) {
            for (String d : args.string("drop").split(",")) {
                if (!d.isBlank()) {
                    out.add(d.trim());
                }
            }
        }
        return out;
    }

    /** The grid of {@code --montage FILE}, or null. */
    private static Layout montage(SourceSettings args) {
        if (!args.has("montage")) {
            return null;
        }
        Path file = args.path("montage");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()
                    && !l.strip().startsWith("#")).toList();
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read the montage: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        if (lines.isEmpty()) {
            throw new DatasetException(file, "the montage holds no grid rows");
        }
        try {
            return Layouts.fromGrid(file.getFileName().toString(), lines.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new DatasetException(file, "bad montage: " + e.getMessage());
        }
    }

    private static Source edf(String files, SourceSettings args) {
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
        if (paths.isEmpty()) {
            throw new SettingsException("edf: name one or more files");
        }
        EventCorpus events = eventCorpus(args);
        double slice = args.number("slice", 1e-3, 60);
        double overlap = args.number("overlap", 0, 60);
        Corpus c = events.corpus("edf", paths, montage(args));
        String identity = "edf:" + String.join(",", paths.stream().map(p -> p.getFileName().toString()).toList())
                + ",events=" + args.required("events") + ",slice=" + slice + ",overlap=" + overlap
                + (args.has("drop") ? ",drop=" + args.string("drop") : "");
        return new Source("edf", identity, c, 4, null,
                List.of("montage: " + c.layout().size() + " channels on a " + c.layout().rows() + "x" + c.layout().cols()
                        + " grid (bin/strnn montage shows it)"));
    }

    /** The reader of edf/bdf files under {@code --events}, {@code --slice}, {@code --overlap} and {@code --drop}. */
    public static EventCorpus eventCorpus(SourceSettings args) {
        double slice = args.number("slice", 1e-3, 60);
        double overlap = args.number("overlap", 0, 60);
        Slicing slicing;
        try {
            slicing = new Slicing(slice, overlap);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
        Map<String, String> classOfText = new LinkedHashMap<>();
        for (String ev : args.required("events").split(",")) {
            String[] kv = ev.split("=", 2);
            String text = kv[0].trim();
            String cls = kv.length == 2 ? kv[1].trim() : text;
            if (text.isEmpty() || cls.isEmpty()) {
                throw new SettingsException("--events: expected ANNOTATION or ANNOTATION=CLASS, got '" + ev + "'");
            }
            if (classOfText.put(text, cls) != null) {
                throw new SettingsException("--events names annotation " + text + " twice");
            }
        }
        if (classOfText.values().stream().distinct().count() < 2) {
            throw new SettingsException("--events must name at least two classes, got " + classOfText.values());
        }
        return new EventCorpus(classOfText, slicing, dropList(args));
    }

    /** How {@code spec}'s trials are cut into samples under {@code --steps}, {@code --stride} and {@code --one-per-event}. */
    public static Windowing windowing(String spec, SourceSettings args) {
        Source source = open(spec, args);
        if (source.fixed() != null) {
            throw new IllegalArgumentException(source.kind() + " has no trials to window");
        }
        return windowing(args, source);
    }

    private static Source npz(String file, SourceSettings args) {
        NpzFeatures.Loaded loaded = NpzFeatures.read(Path.of(file), dropList(args), montage(args));
        Corpus c = loaded.corpus();
        List<String> notes = new ArrayList<>(loaded.notes());
        notes.add("npz: " + c.units().size() + " recording(s) of " + c.subjects().size() + " subject(s), "
                + c.classNames().size() + " classes, " + c.layout().size() + " channels on a " + c.layout().rows()
                + "x" + c.layout().cols() + " grid");
        return new Source("npz", "npz:" + Path.of(file).getFileName() + (args.has("drop") ? ",drop="
                + args.string("drop") : ""), c, loaded.sampleSteps() > 0 ? loaded.sampleSteps() : 9, null, notes);
    }

    private static Source faces(String dir, SourceSettings args) {
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 9;
        int[] grid = dims(args.required("grid"), "--grid");
        int[] patch = dims(args.required("patch"), "--patch");
        CkPlusReader reader = new CkPlusReader(steps, new PatchGrid(grid[0], grid[1], patch[0], patch[1],
                PatchDescriptor.PIXELS));
        CkPlusDataset data = reader.read(Path.of(dir));
        List<Fold> folds = new ArrayList<>();
        for (Split s : data.tenFold()) {
            folds.add(new Fold(s.name(), null, null, () -> s));
        }
        return new Source("faces", "faces:" + Path.of(dir).getFileName() + ",T=" + steps + ",grid="
                + args.required("grid") + ",patch=" + args.required("patch"), null, steps, folds, List.of());
    }

    /** {@code "6x6"} as {6, 6}; a usage error naming {@code option} otherwise. */
    public static int[] dims(String s, String option) {
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
        throw new SettingsException(option + " must look like 6x6, got '" + s + "'");
    }
}
