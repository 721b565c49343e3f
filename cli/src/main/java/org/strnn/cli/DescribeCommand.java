package org.strnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.Montage;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.datasets.edf.EdfRecording;
import org.strnn.datasets.faces.CkPlusDataset;
import org.strnn.datasets.faces.CkPlusReader;
import org.strnn.datasets.faces.PatchDescriptor;
import org.strnn.datasets.faces.PatchGrid;
import org.strnn.datasets.protocol.Fold;
import org.strnn.datasets.seed.SeedDirectory;
import org.strnn.datasets.seed.SeedExperiment;
import org.strnn.datasets.source.DataSources;
import org.strnn.datasets.source.EdfEvents;
import org.strnn.formats.Json;
import org.strnn.layout.Layout;

/**
 * {@code strnn describe}: what a data source holds, without training. Every source gets the
 * samples its own split makes (classes, counts, trials, layout with grid positions); EDF, SEED and
 * faces also get what is particular to them (channels, annotations and their fate under the event
 * options; subjects and sessions; sequences and folds). A new source kind is described by the
 * generic part as soon as {@link DataSources} reads it, and can add its particulars to
 * {@link #PARTICULARS}.
 */
final class DescribeCommand implements Command {

    /** What a source kind adds to the generic description. */
    interface Particulars {
        void describe(String path, Args args, Map<String, Object> out);
    }

    static final Map<String, Particulars> PARTICULARS = Map.of(
            "edf", DescribeCommand::edf,
            "bdf", DescribeCommand::edf,
            "seed", DescribeCommand::seed,
            "faces", DescribeCommand::faces);

    @Override
    public String name() {
        return "describe";
    }

    @Override
    public String summary() {
        return "show what a data source holds: channels, annotations, trials, classes, samples";
    }

    @Override
    public String usage() {
        return "SOURCE [options]";
    }

    @Override
    public String description() {
        return """
                Reads SOURCE (as --data would) and prints, without training: the layout and each
                vertex's grid position, the classes with sample counts, the trials, and the samples of
                the source's own train/test split. EDF and BDF files add their channels (and where each
                sits on the grid of the montage used), sample rate, duration, each annotation text with
                its count and durations, what --events, --slice, --steps, --stride and --one-per-event
                make of them (samples per event), and the samples of each protocol's folds. SEED
                directories add subjects and sessions; faces add sequences and the 10 folds.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>(DataOptions.OPTIONS);
        o.add(Option.flag("json", "print one JSON object instead of text"));
        return o;
    }

    @Override
    public int run(Args args, Console console) {
        args.positionalCount(1, 1, "a data source, e.g. edf:FILE or seed:DIR");
        String spec = args.positional().get(0);
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", spec);
        Particulars extra = PARTICULARS.get(kind);
        if (extra != null) {
            extra.describe(spec.substring(colon + 1), args, out);
        }
        splitPart(spec, args, out);
        if (!EdfEvents.files(spec).isEmpty()) {
            protocols(spec, args, out);
        }
        if (args.flag("json")) {
            console.out().println(Json.write(out));
        } else {
            console.out().print(text(out, ""));
        }
        return 0;
    }

    /** The generic part: what the source's own split makes. */
    private static void splitPart(String spec, Args args, Map<String, Object> out) {
        boolean edf = !EdfEvents.files(spec).isEmpty();
        Split split;
        if (edf && EdfEvents.files(spec).size() < 2) {
            split = DataSources.load(spec, args.source(), DataSources.Role.ALL_TRAIN).split();
        } else {
            split = DataSources.load(spec, args.source(), DataSources.Role.OWN_SPLIT).split();
        }
        SampleSet train = split.train();
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("shape", "T=" + train.steps() + " x n=" + train.vertices() + " x d=" + train.features());
        samples.put("classes", train.classNames());
        samples.put("train", counts(train));
        samples.put("test", counts(split.test()));
        if (edf) {
            samples.put("split", EdfEvents.files(spec).size() < 2 ? "one file: all of it is training data; name a "
                    + "test source with --test" : "the last file is the test file");
        }
        out.put("samples (train --data " + spec + ")", samples);
        out.put("layout", layout(train.layout()));
    }

    private static Map<String, Object> counts(SampleSet s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", s.size());
        m.put("trials", java.util.Arrays.stream(s.trials()).distinct().count());
        Map<String, Object> perClass = new LinkedHashMap<>();
        int[] counts = s.classCounts();
        for (int c = 0; c < counts.length; c++) {
            perClass.put(s.classNames().get(c), counts[c]);
        }
        m.put("per class", perClass);
        return m;
    }

    private static Map<String, Object> layout(Layout layout) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", layout.name());
        m.put("grid", layout.rows() + " x " + layout.cols());
        List<Object> cells = new ArrayList<>();
        for (Layout.Electrode e : layout.electrodes()) {
            cells.add(e.name() + "@" + e.row() + "," + e.col());
        }
        m.put("vertices (name@row,col)", cells);
        return m;
    }

    private static void edf(String files, Args args, Map<String, Object> out) {
        List<Object> list = new ArrayList<>();
        for (Path f : EdfEvents.files("edf:" + files)) {
            EdfEvents.Scan scan = EdfEvents.scan(f, args.source());
            EdfRecording r = scan.read().recording();
            Layout layout = scan.layout();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.toString());
            m.put("sample rate (Hz)", scan.read().sampleRate());
            m.put("duration (s)", r.header().durationSeconds());
            Map<String, Integer> vertexOf = new HashMap<>();
            for (int v = 0; v < layout.size(); v++) {
                vertexOf.put(Montage.key(layout.electrode(v).name()), v);
            }
            List<Object> channels = new ArrayList<>();
            for (String label : r.channelLabels()) {
                Integer v = vertexOf.get(Montage.key(label));
                channels.add(v == null ? label + " (not used)"
                        : label + "@" + layout.electrode(v).row() + "," + layout.electrode(v).col());
            }
            m.put("channels (" + channels.size() + ", label@row,col on " + layout.name() + ", " + layout.rows() + "x"
                    + layout.cols() + ")", channels);
            Map<String, Object> annotations = new LinkedHashMap<>();
            scan.annotationStats().forEach((text, s) -> annotations.put(text, String.format(Locale.ROOT,
                    "%d x, %s", (int) s[0], s[1] > s[2] ? "no duration" : s[1] == s[2]
                            ? String.format(Locale.ROOT, "%.3g s each", s[1])
                            : String.format(Locale.ROOT, "%.3g to %.3g s", s[1], s[2]))));
            m.put("annotations", annotations.isEmpty() ? "none" : annotations);
            Map<String, Object> fate = new LinkedHashMap<>();
            for (EdfEvents.Fate x : EdfEvents.Fate.values()) {
                fate.put(x.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        scan.events().stream().filter(e -> e.fate() == x).count());
            }
            fate.put("samples", scan.events().stream().mapToInt(EdfEvents.Event::samples).sum());
            m.put(String.format(Locale.ROOT, "events under --events %s, T=%d, stride %d%s, %.3g s per sample",
                    args.required("events"), scan.windowing().steps(), scan.windowing().stride(),
                    scan.windowing().firstOnly() ? ", one per event" : "", scan.sampleSeconds()), fate);
            List<Object> events = new ArrayList<>();
            for (EdfEvents.Event e : scan.events()) {
                if (e.trial() >= 0) {
                    events.add(String.format(Locale.ROOT, "%s@%s s: %d", e.className(),
                            e.annotation().onsetSeconds(), e.samples()));
                }
            }
            m.put("samples per labelled event (class@onset: samples)", events);
            list.add(m);
        }
        out.put("files", list);
    }

    /**
     * The samples each protocol makes of {@code spec} (only {@code --protocol}'s when given): per
     * protocol its folds with train and test counts, or the one line saying why it does not apply.
     */
    private static void protocols(String spec, Args args, Map<String, Object> out) {
        List<String> names = args.has("protocol") ? List.of(args.string("protocol"))
                : List.of("paper", "kfold", "loso", "cross-session");
        Map<String, Object> m = new LinkedHashMap<>();
        for (String p : names) {
            Args with = args.withFallback(Map.of("protocol", p));
            try {
                List<Object> folds = new ArrayList<>();
                for (Fold f : DataSources.folds(spec, with.source())) {
                    Split s = f.split();
                    folds.add(f.name() + ": " + s.train().size() + " train, " + s.test().size() + " test");
                }
                m.put(p, folds);
            } catch (CliException | DatasetException | IllegalArgumentException e) {
                m.put(p, "not applicable: " + e.getMessage());
            }
        }
        out.put("samples per protocol (--protocol, --fold)", m);
    }

    private static void seed(String dir, Args args, Map<String, Object> out) {
        SeedDirectory sd = SeedDirectory.open(Path.of(dir));
        Map<String, Object> subjects = new LinkedHashMap<>();
        for (int s : sd.subjects()) {
            List<Object> sessions = new ArrayList<>();
            for (SeedExperiment e : sd.sessions(s)) {
                sessions.add(e.name());
            }
            subjects.put(String.valueOf(s), sessions);
        }
        out.put("subjects and sessions", subjects);
        List<Object> trials = new ArrayList<>();
        for (int c : sd.trialClasses()) {
            trials.add(c);
        }
        out.put("trial labels (-1 negative, 0 neutral, 1 positive)", trials);
        out.put("protocol", "subject-dependent (spec section 9): per session, the first 9 trials train and the last 6 "
                + "test; --subject and --session pick the session shown below");
    }

    private static void faces(String dir, Args args, Map<String, Object> out) {
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 9;
        int[] grid = DataSources.dims(args.required("grid"), "--grid");
        int[] patch = DataSources.dims(args.required("patch"), "--patch");
        CkPlusDataset data = new CkPlusReader(steps, new PatchGrid(grid[0], grid[1], patch[0], patch[1],
                PatchDescriptor.PIXELS)).read(Path.of(dir));
        out.put("labelled sequences", data.samples().size());
        out.put("unlabelled sequences (skipped)", data.unlabelledCount());
        out.put("subjects", data.subjectCount());
        List<Object> folds = new ArrayList<>();
        for (Split s : data.tenFold()) {
            folds.add(s.name() + ": " + s.train().size() + " train, " + s.test().size() + " test");
        }
        out.put("10 subject-exclusive folds (--fold picks the test fold)", folds);
    }

    /** Indented text for a nested description. */
    static String text(Map<String, Object> m, String indent) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> sub) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) sub;
                sb.append(indent).append(e.getKey()).append(":\n").append(text(typed, indent + "  "));
            } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                sb.append(indent).append(e.getKey()).append(":\n");
                for (Object item : list) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) item;
                    sb.append(text(typed, indent + "  ")).append('\n');
                }
            } else if (v instanceof List<?> list) {
                sb.append(indent).append(e.getKey()).append(": ").append(wrap(list, indent + "    ")).append('\n');
            } else {
                sb.append(indent).append(e.getKey()).append(": ").append(v).append('\n');
            }
        }
        return sb.toString();
    }

    private static String wrap(List<?> items, String indent) {
        StringBuilder sb = new StringBuilder();
        int line = 0;
        for (int i = 0; i < items.size(); i++) {
            String s = String.valueOf(items.get(i)) + (i + 1 < items.size() ? ", " : "");
            if (line > 0 && line + s.length() > 96) {
                sb.append('\n').append(indent);
                line = 0;
            }
            sb.append(s);
            line += s.length();
        }
        return sb.toString();
    }
}
