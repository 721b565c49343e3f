package org.strnn.datasets.edf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layout;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.datasets.features.Band;
import org.strnn.datasets.features.DifferentialEntropy;
import org.strnn.datasets.features.Slicing;

/**
 * Turns annotated EDF recordings into a labelled classification task of DE features.
 *
 * <p>Each annotation whose text is mapped to a class (e.g. {@code T1 -> left}, {@code T2 -> right})
 * is one event, and gives one sample: the {@code T} slices that start at the event's onset, every
 * {@code slicing.step} seconds, each {@code slicing.length} long. All {@code T} slices must lie
 * inside the event ({@code onset + duration}) and inside the recording; an event that is shorter
 * is skipped and counted ({@link EventTask.FileReport#tooShort()}). A slice starts at the first
 * sample at or after its time. The features of a slice are the DE of each layout channel in each
 * band (see {@link DifferentialEntropy}), the channels filtered over the whole recording first.
 *
 * <p>A sample is {@code T x n x d}: {@code T} slices, {@code n = layout.size()} vertices in layout
 * order, {@code d = bands.size()} (5 by default). Class indices follow the order in which the
 * classes were first named by {@link #label(String, String)}, so that every file, train or test,
 * shares one class list. Only continuous recordings (EDF, EDF+C) are accepted: the filter would
 * run across the gaps of EDF+D.
 */
public final class EventTaskBuilder {

    private final Layout layout;
    private final int steps;
    private final Map<String, String> classOfText = new LinkedHashMap<>();
    private Slicing slicing = Slicing.SEED;
    private List<Band> bands = Band.SEED;
    private final Set<String> drop = new LinkedHashSet<>();

    /**
     * @param layout where the channels go; every vertex must be in every file
     * @param steps {@code T}, slices per sample
     */
    public EventTaskBuilder(Layout layout, int steps) {
        this.layout = Objects.requireNonNull(layout, "layout");
        if (steps < 1) {
            throw new IllegalArgumentException("a sample needs T >= 1 slices, got " + steps);
        }
        this.steps = steps;
    }

    /** Maps events whose annotation text is {@code annotationText} (trimmed) to class {@code className}. */
    public EventTaskBuilder label(String annotationText, String className) {
        Objects.requireNonNull(className, "className");
        String previous = classOfText.putIfAbsent(annotationText.trim(), className);
        if (previous != null) {
            throw new IllegalArgumentException("annotation " + annotationText + " is already labelled " + previous);
        }
        return this;
    }

    /** Slice length and overlap (default {@link Slicing#SEED}: 1 s, no overlap). */
    public EventTaskBuilder slicing(Slicing slicing) {
        this.slicing = Objects.requireNonNull(slicing, "slicing");
        return this;
    }

    /** The bands, one feature each (default {@link Band#SEED}). */
    public EventTaskBuilder bands(List<Band> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("no bands");
        }
        this.bands = List.copyOf(bands);
        return this;
    }

    /** Channels to leave out of every file (reported back per file); see {@link LayoutSignals}. */
    public EventTaskBuilder drop(Collection<String> channels) {
        for (String c : channels) {
            drop.add(Layout.normalise(c));
        }
        return this;
    }

    /** The class names, in class-index order. */
    public List<String> classNames() {
        return List.copyOf(new LinkedHashSet<>(classOfText.values()));
    }

    /** Reads each file and cuts its events. */
    public EventTask build(List<Path> files) {
        List<EdfRecording> recordings = new ArrayList<>(files.size());
        for (Path f : files) {
            recordings.add(EdfReader.read(f));
        }
        return fromRecordings(recordings);
    }

    /** Cuts the events of recordings already read. */
    public EventTask fromRecordings(List<EdfRecording> recordings) {
        if (classOfText.isEmpty()) {
            throw new IllegalStateException("no annotation is labelled; call label(text, class) first");
        }
        List<String> classes = classNames();
        Map<String, Integer> classIndex = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            classIndex.put(classes.get(k), k);
        }
        int perSample = steps * layout.size() * bands.size();
        double[] data = new double[0];
        int[] labels = new int[0];
        List<EventTask.FileReport> reports = new ArrayList<>();
        for (EdfRecording recording : recordings) {
            Cut cut = cut(recording, classIndex);
            int before = labels.length;
            labels = Arrays.copyOf(labels, before + cut.labels.length);
            System.arraycopy(cut.labels, 0, labels, before, cut.labels.length);
            data = Arrays.copyOf(data, labels.length * perSample);
            System.arraycopy(cut.data, 0, data, before * perSample, cut.data.length);
            reports.add(cut.report);
        }
        return new EventTask(new SampleSet(data, labels, steps, layout, bands.size(), classes), reports);
    }

    /**
     * A train/test split by file.
     *
     * @throws DatasetException when a file is in both lists
     */
    public Split split(String name, List<Path> trainFiles, List<Path> testFiles) {
        Set<Path> train = new LinkedHashSet<>();
        for (Path p : trainFiles) {
            train.add(p.toAbsolutePath().normalize());
        }
        for (Path p : testFiles) {
            if (train.contains(p.toAbsolutePath().normalize())) {
                throw new DatasetException(p, "is in both the train and the test files of split " + name);
            }
        }
        return new Split(name, build(trainFiles).samples(), build(testFiles).samples());
    }

    private record Cut(double[] data, int[] labels, EventTask.FileReport report) {
    }

    private Cut cut(EdfRecording recording, Map<String, Integer> classIndex) {
        Path file = recording.file();
        if (!recording.header().isContinuous()) {
            throw new DatasetException(file, "is EDF+D (discontinuous); events are cut from continuous recordings only");
        }
        LayoutSignals signals = LayoutSignals.of(recording, layout, drop);
        double fs = signals.sampleRate();
        int n = signals.length();
        int sliceLength = slicing.lengthSamples(fs);
        int step = slicing.stepSamples(fs);
        long span = (long) (steps - 1) * step + sliceLength;

        List<EdfAnnotation> used = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Integer> firstSamples = new ArrayList<>();
        int unlabelled = 0;
        int tooShort = 0;
        for (EdfAnnotation a : recording.annotations()) {
            String cls = classOfText.get(a.text().trim());
            if (cls == null) {
                unlabelled++;
                continue;
            }
            if (!a.hasDuration()) {
                tooShort++;
                continue;
            }
            // 1e-6 samples of slack absorbs decimal onsets like 4.2 s * 160 Hz = 671.9999999.
            double from = (a.onsetSeconds() - signals.firstSampleSeconds()) * fs;
            double to = (a.endSeconds() - signals.firstSampleSeconds()) * fs;
            long first = (long) Math.ceil(from - 1e-6);
            long end = Math.min(n, (long) Math.floor(to + 1e-6));
            if (first < 0 || first + span > end) {
                tooShort++;
                continue;
            }
            used.add(a);
            labels.add(classIndex.get(cls));
            firstSamples.add((int) first);
        }

        int[] starts = new int[used.size() * steps];
        for (int e = 0; e < used.size(); e++) {
            for (int t = 0; t < steps; t++) {
                starts[e * steps + t] = firstSamples.get(e) + t * step;
            }
        }
        double[][][] de = DifferentialEntropy.compute(signals.samples(), fs, bands, starts, sliceLength);
        double[] data = new double[starts.length * layout.size() * bands.size()];
        int p = 0;
        for (int s = 0; s < starts.length; s++) {
            for (int v = 0; v < layout.size(); v++) {
                for (int b = 0; b < bands.size(); b++) {
                    double value = de[s][v][b];
                    if (!Double.isFinite(value)) {
                        EdfAnnotation a = used.get(s / steps);
                        throw new DatasetException(file, "channel " + layout.names().get(v) + " has no "
                                + bands.get(b).name() + " power in the slice at "
                                + (signals.firstSampleSeconds() + starts[s] / fs) + " s (event "
                                + a.text() + " at " + a.onsetSeconds() + " s), so its DE is " + value
                                + "; the channel is flat there: drop it");
                    }
                    data[p++] = value;
                }
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        EventTask.FileReport report = new EventTask.FileReport(file, recording.annotations().size(), unlabelled,
                used.size(), tooShort, signals.dropped());
        return new Cut(data, y, report);
    }
}
