package org.strnn.datasets.edf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layout;
import org.strnn.datasets.Montage;
import org.strnn.datasets.features.Band;
import org.strnn.datasets.features.DifferentialEntropy;
import org.strnn.datasets.features.Slicing;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Recording;
import org.strnn.datasets.protocol.Trial;

/**
 * Annotated EDF, EDF+, BDF and BDF+ recordings as a {@link Corpus}: every labelled event is a
 * trial, and its windows are the DE features of consecutive slices inside it.
 *
 * <p>An event whose annotation text is mapped to a class, and which states a duration, is cut into
 * slices of {@code slicing.length} seconds starting at its onset, every {@code slicing.step}
 * seconds, as long as a slice ends inside the event and the recording; each slice gives one window
 * of {@code n x 5} DE values (the SEED bands; channels filtered over the whole recording first). A
 * 20-s event with 1-s slices gives 20 windows, and so {@code 20 - T + 1} samples at stride 1.
 *
 * <p>Channels are placed by name ({@link Montage}; vertices in scalp order, front to back and left
 * to right, so that every file with the same channels gives the same layout), or on a given layout.
 * Channels whose EDF+ type prefix is not EEG ({@code EOG}, {@code ECG}, {@code EMG}, ...), whose
 * name says they are not scalp EEG ({@code EKG1}, {@code HEOG}, a headset's {@code COUNTER}), and
 * BioSemi's {@code Status} channel are left out; so are the channels named in {@code drop}. Every
 * file must then have exactly the layout's channels, at one sample rate.
 *
 * <p>Each file is one recording: its subject is the first word of EDF+'s patient field (or the
 * file name when that is {@code X} or blank), its session the file name.
 */
public final class EventCorpus {

    /** First words of labels that are not EEG: EDF+'s signal types and BioSemi's trigger channel. */
    private static final Set<String> NOT_EEG = Set.of("EOG", "ECG", "EKG", "EMG", "RESP", "SAO2", "SPO2", "TEMP",
            "STATUS", "EVENT", "TRIGGER", "MISC", "PULSE", "GSR", "ERG", "PLETH", "LIGHT", "SOUND", "MEG", "MCG",
            "EP", "HR", "BP", "DC");

    /**
     * Names of channels that are not scalp EEG whatever their type prefix says: eye, heart and
     * muscle leads (EOG1, HEOG, EKG1, ECG-L, EMG), photic stimulation, and the contact-quality,
     * counter, motion and marker channels of consumer headsets (CQ_AF3, COUNTER, GYROX, MARKER).
     */
    private static final java.util.regex.Pattern NOT_EEG_PREFIX = java.util.regex.Pattern.compile(
            "(EOG|HEOG|VEOG|ECG|EKG|EMG|PHOTIC|IBI|BURSTS|SUPPR|CQ_|COUNTER|INTERPOLATED|RAW_CQ|GYRO|ACC|MARKER"
            + "|TIMESTAMP|BATTERY|STATUS|TRIGGER)");

    private final Map<String, String> classOfText;
    private final Slicing slicing;
    private final Set<String> drop;

    /**
     * @param classOfText annotation text (trimmed) to class name; class indices follow the order in
     *                    which class names first appear
     * @param drop        channel labels or names to leave out
     */
    public EventCorpus(Map<String, String> classOfText, Slicing slicing, Collection<String> drop) {
        if (classOfText.isEmpty()) {
            throw new IllegalArgumentException("no annotation is mapped to a class");
        }
        this.classOfText = new LinkedHashMap<>(classOfText);
        this.slicing = Objects.requireNonNull(slicing, "slicing");
        this.drop = new LinkedHashSet<>();
        for (String d : drop) {
            this.drop.add(Montage.key(d));
        }
    }

    /** The class names in index order. */
    public List<String> classNames() {
        return List.copyOf(new LinkedHashSet<>(classOfText.values()));
    }

    /**
     * The corpus of {@code files}.
     *
     * @param layout where the channels go, or null to place them by name from the first file's labels
     * @throws DatasetException if a file cannot be read or its channels cannot be placed
     */
    public Corpus corpus(String name, List<Path> files, Layout layout) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files");
        }
        Layout fixed = layout != null ? layout : montage(files.get(0));
        List<Corpus.Unit> units = new ArrayList<>();
        for (Path f : files) {
            EdfHeader h = EdfReader.readHeader(f);
            String session = stem(f);
            String patient = h.patientId().trim().split("\\s+")[0];
            String subject = patient.isEmpty() || patient.equalsIgnoreCase("X") ? session : patient;
            units.add(new Corpus.Unit(subject, session, memo(() -> read(f, fixed, subject, session))));
        }
        return new Corpus(name, fixed, Band.SEED.size(), classNames(), units,
                c -> Corpus.genericPaperTrain(c), Corpus.GENERIC_PAPER);
    }

    /**
     * The layout {@link #corpus} places the channels of {@code file} on when given none: its EEG
     * channels (not those left out) by name, in scalp order.
     *
     * @throws DatasetException if the file cannot be read or a channel has no known position
     */
    public Layout montage(Path file) {
        EdfHeader first = EdfReader.readHeader(file);
        List<String> labels = new ArrayList<>();
        for (EdfSignalHeader s : first.signals()) {
            if (!s.isAnnotation() && !skipped(s.label())) {
                labels.add(s.label());
            }
        }
        // in scalp order, so that files holding the same channels in another order share one layout
        labels.sort(java.util.Comparator.comparing((String l) -> position(l).anteriorPercent())
                .thenComparing(l -> position(l).lateralStep()));
        try {
            return Montage.layout("montage-" + labels.size(), labels);
        } catch (DatasetException e) {
            throw new DatasetException(file, e.getMessage(), e);
        }
    }

    /** A label's position, or one behind every other for a name without one (refused afterwards). */
    private static Montage.Position position(String label) {
        Montage.Position p = Montage.position(label);
        return p != null ? p : new Montage.Position(Double.MAX_VALUE, 0);
    }

    private boolean skipped(String label) {
        String[] words = label.trim().split("\\s+");
        String type = words[0].toUpperCase(Locale.ROOT);
        String key = Montage.key(label);
        return drop.contains(key) || (words.length > 1 && NOT_EEG.contains(type))
                || (words.length == 1 && NOT_EEG.contains(Layout.normalise(type)))
                || (Montage.position(label) == null && NOT_EEG_PREFIX.matcher(key).lookingAt());
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        Object[] cache = new Object[1];
        return () -> {
            if (cache[0] == null) {
                cache[0] = s.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) cache[0];
            return t;
        };
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * One annotation of a file as {@link #corpus} cuts it: its class (null when its text is not
     * mapped), and the first sample (counted from the recording's first sample) of each slice cut
     * from it, none when it states no duration or is shorter than one slice. Every labelled event is
     * one trial, in file order, and its slices are the trial's windows.
     */
    public record Event(EdfAnnotation annotation, String className, int[] sliceStarts) {

        /** Whether the event is a trial (its text is mapped to a class). */
        public boolean labelled() {
            return className != null;
        }
    }

    /** A file's events with the sample rate of its placed channels and their length in samples. */
    public record Events(EdfRecording recording, double sampleRate, int length, List<Event> events) {

        /** The labelled events: the file's trials, in order. */
        public List<Event> trials() {
            return events.stream().filter(Event::labelled).toList();
        }
    }

    /**
     * Reads {@code file}, places its channels on {@code layout} as {@link #corpus} does (refusing
     * the same files), and lists every annotation with the slices it gives.
     *
     * @throws DatasetException if the file cannot be read or its channels do not fit the layout
     */
    public Events events(Path file, Layout layout) {
        EdfRecording rec = continuous(EdfReader.read(file));
        return events(rec, layout, placeChannels(rec, layout));
    }

    private static EdfRecording continuous(EdfRecording rec) {
        if (!rec.header().isContinuous()) {
            throw new DatasetException(rec.file(), "is EDF+D/BDF+D (discontinuous); events are cut from continuous "
                    + "recordings only");
        }
        return rec;
    }

    private Events events(EdfRecording rec, Layout layout, double[][] signals) {
        int n = signals[0].length;
        double fs = rec.sampleRate(channelIndex(rec, layout, 0));
        int length = slicing.lengthSamples(fs);
        int step = slicing.stepSamples(fs);
        List<Event> events = new ArrayList<>();
        for (EdfAnnotation a : rec.annotations()) {
            String cls = classOfText.get(a.text().trim());
            List<Integer> starts = new ArrayList<>();
            if (cls != null && a.hasDuration()) {
                // 1e-6 samples of slack absorbs decimal onsets like 4.2 s * 160 Hz = 671.9999999.
                long first = (long) Math.ceil((a.onsetSeconds() - rec.firstSampleSeconds()) * fs - 1e-6);
                long end = Math.min(n, (long) Math.floor((a.endSeconds() - rec.firstSampleSeconds()) * fs + 1e-6));
                for (long s = Math.max(first, 0); first >= 0 && s + length <= end; s += step) {
                    starts.add((int) s);
                }
            }
            events.add(new Event(a, cls, starts.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new Events(rec, fs, n, events);
    }

    /** Reads one file into trials of DE windows. */
    Recording read(Path file, Layout layout, String subject, String session) {
        EdfRecording rec = continuous(EdfReader.read(file));
        double[][] signals = placeChannels(rec, layout);
        Events listed = events(rec, layout, signals);
        double fs = listed.sampleRate();
        int length = slicing.lengthSamples(fs);
        List<String> classes = classNames();
        List<int[]> eventStarts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Event e : listed.trials()) {
            labels.add(classes.indexOf(e.className()));
            eventStarts.add(e.sliceStarts());
        }
        if (labels.isEmpty()) {
            throw new DatasetException(file, noEvent(rec, listed));
        }
        int total = eventStarts.stream().mapToInt(s -> s.length).sum();
        int[] all = new int[total];
        int p = 0;
        for (int[] s : eventStarts) {
            System.arraycopy(s, 0, all, p, s.length);
            p += s.length;
        }
        double[][][] de = DifferentialEntropy.compute(signals, fs, Band.SEED, all, length);
        List<Trial> trials = new ArrayList<>();
        int d = Band.SEED.size();
        p = 0;
        for (int e = 0; e < eventStarts.size(); e++) {
            int w = eventStarts.get(e).length;
            double[] values = new double[w * layout.size() * d];
            int i = 0;
            for (int s = 0; s < w; s++, p++) {
                for (int v = 0; v < layout.size(); v++) {
                    for (int b = 0; b < d; b++) {
                        double x = de[p][v][b];
                        if (!Double.isFinite(x)) {
                            throw new DatasetException(file, "channel " + layout.names().get(v) + " has no "
                                    + Band.SEED.get(b).name() + " power in the slice at " + (all[p] / fs) + " s, so its "
                                    + "DE is " + x + "; the channel is flat there: leave it out with --drop");
                        }
                        values[i++] = x;
                    }
                }
            }
            trials.add(new Trial(labels.get(e), w, values));
        }
        return new Recording(subject, session, trials);
    }

    /**
     * Why a file has no labelled event, as one clause: the names asked for, the file's annotation
     * texts with counts, the spelling to use when only the case differs, and why a plain EDF or BDF
     * has none.
     */
    private String noEvent(EdfRecording rec, Events listed) {
        Map<String, Integer> texts = new LinkedHashMap<>();
        for (Event e : listed.events()) {
            texts.merge(e.annotation().text().trim(), 1, Integer::sum);
        }
        List<String> counted = new ArrayList<>();
        texts.forEach((t, c) -> counted.add(t + " x" + c));
        List<String> hint = new ArrayList<>();
        for (Map.Entry<String, String> want : classOfText.entrySet()) {
            for (String have : texts.keySet()) {
                if (have.equalsIgnoreCase(want.getKey())) {
                    hint.add(want.getKey().equals(want.getValue()) ? have : have + "=" + want.getValue());
                }
            }
        }
        String why = rec.header().isEdfPlus() ? "" : rec.header().isBdf()
                ? "; a plain BDF keeps its events in the Status channel, which is not read: save the events as "
                + "BDF+ annotations" : "; a plain EDF has no annotations: events need EDF+ annotations";
        return "has no event named " + String.join(" or ", classOfText.keySet()) + " (its annotations: "
                + (counted.isEmpty() ? "none" : String.join(", ", counted.subList(0, Math.min(12, counted.size())))
                + (counted.size() > 12 ? ", ..." : "")) + ")" + why + (hint.isEmpty() ? ""
                : "; annotation names are case-sensitive: try --events " + String.join(",", hint));
    }

    private int channelIndex(EdfRecording rec, Layout layout, int vertex) {
        String want = Layout.normalise(layout.electrode(vertex).name());
        for (int c = 0; c < rec.channelCount(); c++) {
            String label = rec.channel(c).label();
            if (!skipped(label) && Montage.key(label).equals(Montage.key(want))) {
                return c;
            }
        }
        return -1;
    }

    /** The samples of each layout vertex, {@code [vertex][sample]}. */
    private double[][] placeChannels(EdfRecording rec, Layout layout) {
        Path file = rec.file();
        Map<String, Integer> vertexOf = new HashMap<>();
        for (int v = 0; v < layout.size(); v++) {
            vertexOf.put(Montage.key(layout.electrode(v).name()), v);
        }
        int[] channelOf = new int[layout.size()];
        java.util.Arrays.fill(channelOf, -1);
        List<String> offLayout = new ArrayList<>();
        for (int c = 0; c < rec.channelCount(); c++) {
            String label = rec.channel(c).label();
            if (skipped(label)) {
                continue;
            }
            Integer v = vertexOf.get(Montage.key(label));
            if (v == null) {
                offLayout.add(label);
            } else if (channelOf[v] >= 0) {
                throw new DatasetException(file, "channels \"" + rec.channel(channelOf[v]).label() + "\" and \"" + label
                        + "\" are both electrode " + Montage.key(label));
            } else {
                channelOf[v] = c;
            }
        }
        if (!offLayout.isEmpty()) {
            throw new DatasetException(file, "channels " + String.join(", ", offLayout) + " are not on the montage ("
                    + layout.size() + " channels from the first file); leave them out with --drop "
                    + String.join(",", offLayout));
        }
        List<String> missing = new ArrayList<>();
        for (int v = 0; v < layout.size(); v++) {
            if (channelOf[v] < 0) {
                missing.add(layout.electrode(v).name());
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(file, "lacks channels " + String.join(", ", missing) + " of the montage (taken "
                    + "from the first file); every file needs the same channels, or --drop them");
        }
        double[][] out = new double[layout.size()][];
        for (int v = 0; v < layout.size(); v++) {
            int c = channelOf[v];
            if (rec.sampleRate(c) != rec.sampleRate(channelOf[0]) || rec.sampleCount(c) != rec.sampleCount(channelOf[0])) {
                throw new DatasetException(file, "channel \"" + rec.channel(c).label() + "\" has " + rec.sampleCount(c)
                        + " samples at " + rec.sampleRate(c) + " Hz, but \"" + rec.channel(channelOf[0]).label()
                        + "\" has " + rec.sampleCount(channelOf[0]) + " at " + rec.sampleRate(channelOf[0])
                        + " Hz; the channels used must share one rate");
            }
            out[v] = rec.samples(c);
        }
        return out;
    }
}
