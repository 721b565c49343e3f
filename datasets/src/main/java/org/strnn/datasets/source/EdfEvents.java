package org.strnn.datasets.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.edf.EdfAnnotation;
import org.strnn.datasets.edf.EventCorpus;
import org.strnn.datasets.protocol.Windowing;
import org.strnn.layout.Layout;

/**
 * What an EDF or BDF recording's annotations become under the data options ({@code --events},
 * {@code --slice}, {@code --overlap}, {@code --drop}, {@code --montage}, {@code --steps},
 * {@code --stride}, {@code --one-per-event}): the reader's own events ({@link EventCorpus#events}),
 * each with the samples the windowing makes of it. It serves {@code describe}, the explanation of
 * "no samples", and the file and onset of {@code predict}'s rows.
 */
public final class EdfEvents {

    /** One annotation's fate. */
    public enum Fate { USED, NO_DURATION, TOO_SHORT, UNLABELLED }

    /**
     * One annotation as the reader cuts it.
     *
     * @param trial   its trial id within the file (labelled events count 0, 1, ... in file order), or -1
     * @param samples the samples it gives
     */
    public record Event(EventCorpus.Event event, int trial, int samples, Fate fate) {

        public EdfAnnotation annotation() {
            return event.annotation();
        }

        public String className() {
            return event.className();
        }
    }

    /** A scanned recording: its placed layout, its events, and the seconds one sample needs. */
    public record Scan(Path file, EventCorpus.Events read, Layout layout, Windowing windowing, List<Event> events,
            double sampleSeconds) {

        public List<Event> used() {
            return events.stream().filter(e -> e.fate() == Fate.USED).toList();
        }

        /** The labelled events (the file's trials) in trial-id order. */
        public List<Event> trials() {
            return events.stream().filter(e -> e.trial() >= 0).toList();
        }

        /** Per annotation text: count, shortest and longest duration (seconds). */
        public Map<String, double[]> annotationStats() {
            Map<String, double[]> m = new TreeMap<>();
            for (Event e : events) {
                double d = e.annotation().durationSeconds();
                double[] s = m.computeIfAbsent(e.annotation().text().trim(),
                        k -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
                s[0]++;
                if (e.annotation().hasDuration()) {
                    s[1] = Math.min(s[1], d);
                    s[2] = Math.max(s[2], d);
                }
            }
            return m;
        }

        /**
         * Where each of {@code samples} (read from this file alone, trial ids as the reader sets them)
         * starts, in seconds on the recording's clock: its event's onset plus the start of its first
         * window within the event; NaN where a sample's trial is not one of this file's events.
         */
        public double[] onsets(SampleSet samples) {
            List<Event> trials = trials();
            double[] out = new double[samples.size()];
            int firstOfTrial = 0;
            for (int i = 0; i < samples.size(); i++) {
                int t = samples.trial(i);
                if (i == 0 || t != samples.trial(i - 1)) {
                    firstOfTrial = i;
                }
                int window = (windowing.firstOnly() ? 0 : i - firstOfTrial) * windowing.stride();
                int[] starts = t >= 0 && t < trials.size() ? trials.get(t).event().sliceStarts() : new int[0];
                out[i] = window < starts.length
                        ? read.recording().firstSampleSeconds() + starts[window] / read.sampleRate() : Double.NaN;
            }
            return out;
        }
    }

    private EdfEvents() {
    }

    /** Reads {@code file} as the source {@code edf:file} under {@code args} and decides each annotation's fate. */
    public static Scan scan(Path file, SourceSettings args) {
        String spec = "edf:" + file;
        Layout layout = DataSources.layout(spec, args);
        Windowing w = DataSources.windowing(spec, args);
        EventCorpus.Events read = DataSources.eventCorpus(args).events(file, layout);
        List<Event> events = new ArrayList<>();
        int trial = 0;
        for (EventCorpus.Event e : read.events()) {
            int samples = e.labelled() ? w.count(e.sliceStarts().length) : 0;
            Fate fate = !e.labelled() ? Fate.UNLABELLED : !e.annotation().hasDuration() ? Fate.NO_DURATION
                    : samples == 0 ? Fate.TOO_SHORT : Fate.USED;
            events.add(new Event(e, e.labelled() ? trial++ : -1, samples, fate));
        }
        double fs = read.sampleRate();
        var slicing = EdfEvents.slicing(args);
        long span = (long) (w.steps() - 1) * slicing.stepSamples(fs) + slicing.lengthSamples(fs);
        return new Scan(file, read, layout, w, events, span / fs);
    }

    /** The files of an {@code edf:} or {@code bdf:} source, or an empty list for any other source. */
    public static List<Path> files(String spec) {
        List<Path> out = new ArrayList<>();
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("edf:") || s.startsWith("bdf:")) {
            for (String f : spec.trim().substring(4).split(",")) {
                if (!f.isBlank()) {
                    out.add(Path.of(f.trim()));
                }
            }
        }
        return out;
    }

    /** The slicing of {@code --slice} and {@code --overlap}. */
    public static org.strnn.datasets.features.Slicing slicing(SourceSettings args) {
        return new org.strnn.datasets.features.Slicing(args.number("slice", 1e-3, 60), args.number("overlap", 0, 60));
    }

    /**
     * Why the source {@code spec} makes no samples under {@code args}, as a clause to append to
     * "hold no samples"; empty unless it is an EDF/BDF source whose events make no sample.
     */
    public static String whyNoSamples(String spec, SourceSettings args) {
        List<Path> files = files(spec);
        if (files.isEmpty()) {
            return "";
        }
        List<Scan> scans = new ArrayList<>();
        for (Path f : files) {
            Scan s = scan(f, args);
            if (!s.used().isEmpty()) {
                return "";
            }
            scans.add(s);
        }
        int labelled = 0;
        int timed = 0;
        double longest = 0;
        for (Scan s : scans) {
            for (Event e : s.trials()) {
                labelled++;
                if (e.annotation().hasDuration()) {
                    timed++;
                    longest = Math.max(longest, e.annotation().durationSeconds());
                }
            }
        }
        if (labelled == 0) {
            return ": no annotation matches --events " + args.required("events");
        }
        if (timed == 0) {
            return ": none of the " + labelled + " labelled events states a duration, and slices are cut only inside "
                    + "an event's duration";
        }
        Scan first = scans.get(0);
        return String.format(Locale.ROOT, ": the %d labelled events last at most %.3g s, but one sample needs T=%d "
                + "slices of %s s (%.3g s); use a smaller --steps or --slice", labelled, longest,
                first.windowing().steps(), slicing(args).lengthSeconds(), first.sampleSeconds());
    }
}
