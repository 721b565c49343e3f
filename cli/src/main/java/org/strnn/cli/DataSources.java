package org.strnn.cli;

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
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.datasets.deap.DeapCorpus;
import org.strnn.datasets.deap.DeapTarget;
import org.strnn.datasets.edf.EventCorpus;
import org.strnn.datasets.faces.CkPlusDataset;
import org.strnn.datasets.faces.CkPlusReader;
import org.strnn.datasets.faces.PatchDescriptor;
import org.strnn.datasets.faces.PatchGrid;
import org.strnn.datasets.features.Slicing;
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
import org.strnn.cli.NpzFeatures;

/**
 * The one place that parses a {@code --data} / {@code --test} source (see {@link Help#DATA_SOURCES})
 * and splits it by a protocol ({@code --protocol}, {@code --folds}, {@code --fold}), for
 * {@code train}, {@code experiment}, {@code eval}, {@code predict} and {@code montage} alike.
 */
final class DataSources {

    /** The options that shape how sources are read and split, shared by every command that reads data. */
    static final List<Option> OPTIONS = List.of(
            Option.value("protocol", "NAME", "paper", "how --data is split: paper, kfold, loso or cross-session"),
            Option.value("folds", "K", "5", "kfold: folds per subject"),
            Option.value("fold", "I", "0", "train: which fold of the protocol (0-based) to train and test on"),
            Option.value("subject", "ID", null, "only the folds of this subject (seed: 1, seed-iv: 3, deap: s01, ...)"),
            Option.value("session", "ID", null, "only the folds that test this session (e.g. 2)"),
            Option.value("sessions", "N", null, "seed, seed-iv: use sessions 1..N of each subject (default: 2 for "
                    + "seed's paper protocol, as the paper; all otherwise)"),
            Option.value("steps", "T", null, "time slices per sample (default: 9; 4 for edf/bdf)"),
            Option.value("stride", "N", "1", "slices between the starts of consecutive samples of one trial"),
            Option.flag("one-per-event", "one sample per trial: its first T slices (edf's old behaviour)"),
            Option.value("features", "KIND", "de_lds", "seed, seed-iv: de_lds or de_movingave"),
            Option.value("events", "LIST", "T1,T2", "edf: annotations to use as classes, e.g. T1=left,T2=right"),
            Option.value("slice", "SECONDS", "1", "edf: slice length for the DE features"),
            Option.value("overlap", "SECONDS", "0", "edf: overlap of consecutive slices"),
            Option.value("drop", "LIST", null, "edf, npz: channels to leave out, e.g. EOG1,A1"),
            Option.value("montage", "FILE", null, "edf, npz: place the channels on this grid (one row per line, "
                    + "names separated by spaces, - for an empty cell) instead of by their 10-05 names"),
            Option.value("target", "NAME", "valence", "deap: valence, arousal or quadrant"),
            Option.value("threshold", "X", "5", "deap: ratings above X are high"),
            Option.value("grid", "HxW", "6x6", "faces: the patch lattice"),
            Option.value("patch", "PxP", "4x4", "faces: pixels per patch (d = P*P pixel features)"));

    /** Samples from one source, with a string that identifies them in a model's provenance, and notes for the user. */
    record Loaded(String identity, Split split, List<String> notes) {
        Loaded(String identity, Split split) {
            this(identity, split, List.of());
        }
    }

    /** How a source is used: its own split, or all of it as training or as test data. */
    enum Role {
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
    static Loaded load(String spec, Args args, Role role) {
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
                throw CliException.usage("--protocol splits --data, but --test names the test data; use one or the "
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

    /** Prints the notes of the loaded sources (each once) as info lines. */
    static void tell(Console console, Loaded... loaded) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (Loaded l : loaded) {
            seen.addAll(l.notes());
        }
        for (String note : seen) {
            console.info(note);
        }
    }

    /** Every fold of {@code --protocol} over {@code spec} (only {@code --subject}'s and {@code --session}'s when given). */
    static List<Fold> folds(String spec, Args args) {
        Source source = open(spec, args);
        if (source.fixed() != null) {
            requireProtocol(args, Protocol.PAPER, source.kind() + " has only its own split; use --protocol paper");
            return source.fixed();
        }
        return folds(source, args, windowing(args, source));
    }

    /** A one-line identity of the data settings of {@code spec}, for an experiment's settings file. */
    static String describe(String spec, Args args) {
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
    static Layout layout(String spec, Args args) {
        Source source = open(spec, args);
        if (source.fixed() != null) {
            return source.fixed().get(0).split().train().layout();
        }
        return source.corpus().layout();
    }

    private static List<Fold> folds(Source source, Args args, Windowing w) {
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
            throw CliException.failure(source.identity() + ": no fold of protocol " + protocol + " matches"
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
            throw CliException.usage("edf: one file cannot be split into train and test; give two or more files "
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
    static boolean matches(String wanted, String id) {
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

    private static Fold pick(List<Fold> folds, Args args, String what) {
        int fold = args.integer("fold", 0, 1_000_000);
        if (fold >= folds.size()) {
            throw CliException.usage("--fold " + fold + " does not exist: " + what + " has " + folds.size()
                    + " fold(s) here, numbered 0.." + (folds.size() - 1));
        }
        return folds.get(fold);
    }

    private static Protocol protocol(Args args) {
        try {
            return Protocol.of(args.string("protocol"));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--protocol: " + e.getMessage());
        }
    }

    private static String protocolName(Args args) {
        return protocol(args).option();
    }

    private static void requireProtocol(Args args, Protocol wanted, String message) {
        if (protocol(args) != wanted) {
            throw CliException.usage(message);
        }
    }

    private static Windowing windowing(Args args, Source source) {
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : source.defaultSteps();
        return new Windowing(steps, args.integer("stride", 1, 100_000), args.flag("one-per-event"));
    }

    private static Source open(String spec, Args args) {
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
            default -> throw CliException.usage("unknown data source '" + spec + "'; use synthetic, neighbours, seed:DIR, "
                    + "seed-iv:DIR, deap:DIR, edf:FILE[,FILE...] (EDF/EDF+/BDF/BDF+), npz:FILE or faces:DIR");
        };
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

    private static Source synthetic(String rest, Args args) {
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
        String identity = "synthetic:train=" + train + ",test=" + test + ",noise=" + noise + ",seed=" + seed
                + ",layout=" + layout.name() + ",T=" + steps;
        return new Source("synthetic", identity, null, steps, List.of(new Fold("synthetic", null, null, () -> split)),
                List.of());
    }

    /** {@code neighbours[:train=N,test=N,seed=S]}: the spatial neighbour task of {@link NeighbourTask}. */
    private static Source neighbours(String rest, Args args) {
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
        Split split = NeighbourTask.split(train, test, steps, seed);
        String identity = "neighbours:train=" + train + ",test=" + test + ",seed=" + seed + ",T=" + steps;
        return new Source("neighbours", identity, null, steps,
                List.of(new Fold("neighbours", null, null, () -> split)), List.of());
    }

    private static FeatureKind featureKind(Args args) {
        return args.choice("features", "de_lds", "de_movingave").equals("de_lds") ? FeatureKind.DE_LDS
                : FeatureKind.DE_MOVING_AVE;
    }

    /** Sessions 1..N to use: --sessions, else 2 for the paper protocol (as the paper), else all three. */
    private static int sessions(Args args, boolean paperDefaultTwo) {
        if (args.has("sessions")) {
            return args.integer("sessions", 1, 3);
        }
        return paperDefaultTwo && protocol(args) == Protocol.PAPER && !args.has("session") ? 2 : 3;
    }

    private static Source seed(String dir, Args args) {
        FeatureKind kind = featureKind(args);
        int sessions = sessions(args, true);
        Corpus c = SeedCorpus.of(SeedDirectory.open(Path.of(dir)), kind, sessions);
        return new Source("seed", "seed:" + Path.of(dir).getFileName() + "," + kind.prefix() + ",sessions=1-" + sessions,
                c, 9, null, List.of());
    }

    private static Source seedIv(String dir, Args args) {
        FeatureKind kind = featureKind(args);
        int sessions = sessions(args, false);
        Corpus c = SeedIv.open(Path.of(dir), kind, sessions);
        return new Source("seed-iv", "seed-iv:" + Path.of(dir).getFileName() + "," + kind.prefix() + ",sessions=1-"
                + sessions, c, 9, null, List.of());
    }

    private static Source deap(String path, Args args) {
        DeapTarget target = DeapTarget.valueOf(args.choice("target", "valence", "arousal", "quadrant")
                .toUpperCase(Locale.ROOT));
        double threshold = args.number("threshold", 1, 9);
        Corpus c = DeapCorpus.open(Path.of(path), target, threshold);
        return new Source("deap", "deap:" + Path.of(path).getFileName() + ",target=" + target.name().toLowerCase(Locale.ROOT)
                + ",threshold=" + threshold, c, 9, null, List.of());
    }

    private static List<String> dropList(Args args) {
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
    private static Layout montage(Args args) {
        if (!args.has("montage")) {
            return null;
        }
        Path file = args.path("montage");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()
                    && !l.strip().startsWith("#")).toList();
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read the montage: " + Main.describe(e));
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

    private static Source edf(String files, Args args) {
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
            throw CliException.usage("edf: name one or more files");
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
    static EventCorpus eventCorpus(Args args) {
        double slice = args.number("slice", 1e-3, 60);
        double overlap = args.number("overlap", 0, 60);
        Slicing slicing;
        try {
            slicing = new Slicing(slice, overlap);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        Map<String, String> classOfText = new LinkedHashMap<>();
        for (String ev : args.required("events").split(",")) {
            String[] kv = ev.split("=", 2);
            String text = kv[0].trim();
            String cls = kv.length == 2 ? kv[1].trim() : text;
            if (text.isEmpty() || cls.isEmpty()) {
                throw CliException.usage("--events: expected ANNOTATION or ANNOTATION=CLASS, got '" + ev + "'");
            }
            if (classOfText.put(text, cls) != null) {
                throw CliException.usage("--events names annotation " + text + " twice");
            }
        }
        if (classOfText.values().stream().distinct().count() < 2) {
            throw CliException.usage("--events must name at least two classes, got " + classOfText.values());
        }
        return new EventCorpus(classOfText, slicing, dropList(args));
    }

    /** How {@code spec}'s trials are cut into samples under {@code --steps}, {@code --stride} and {@code --one-per-event}. */
    static Windowing windowing(String spec, Args args) {
        Source source = open(spec, args);
        if (source.fixed() != null) {
            throw new IllegalArgumentException(source.kind() + " has no trials to window");
        }
        return windowing(args, source);
    }

    private static Source npz(String file, Args args) {
        NpzFeatures.Loaded loaded = NpzFeatures.read(Path.of(file), dropList(args), montage(args));
        Corpus c = loaded.corpus();
        List<String> notes = new ArrayList<>(loaded.notes());
        notes.add("npz: " + c.units().size() + " recording(s) of " + c.subjects().size() + " subject(s), "
                + c.classNames().size() + " classes, " + c.layout().size() + " channels on a " + c.layout().rows()
                + "x" + c.layout().cols() + " grid");
        return new Source("npz", "npz:" + Path.of(file).getFileName() + (args.has("drop") ? ",drop="
                + args.string("drop") : ""), c, loaded.sampleSteps() > 0 ? loaded.sampleSteps() : 9, null, notes);
    }

    private static Source faces(String dir, Args args) {
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
