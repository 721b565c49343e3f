package org.strnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.strnn.layout.Layouts;
import org.strnn.datasets.edf.EdfAnnotation;
import org.strnn.datasets.edf.EdfReader;
import org.strnn.datasets.edf.EdfRecording;
import org.strnn.datasets.edf.LayoutSignals;
import org.strnn.datasets.features.Slicing;

/**
 * What an EDF recording's annotations become under {@code --events}, {@code --steps} and
 * {@code --slice}: which events make samples (in file order, as the reader cuts them), which are
 * too short, and which names match nothing. It serves {@code describe}, the explanation of "no
 * samples", and the onsets in {@code predict}'s rows.
 */
final class EdfEvents {

    /** One annotation's fate. */
    enum Fate { USED, NO_DURATION, TOO_SHORT, UNLABELLED }

    /** One annotation with its class (null when unlabelled) and fate. */
    record Event(EdfAnnotation annotation, String className, Fate fate) {
    }

    /** A scanned recording: its events and the seconds one sample needs. */
    record Scan(Path file, EdfRecording recording, LayoutSignals signals, List<Event> events, double sampleSeconds) {

        List<Event> used() {
            return events.stream().filter(e -> e.fate() == Fate.USED).toList();
        }

        /** Per annotation text: count, shortest and longest duration (seconds). */
        Map<String, double[]> annotationStats() {
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
    }

    private EdfEvents() {
    }

    /** {@code --events}' value as annotation text to class name, in order. */
    static Map<String, String> classesOf(String events) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String ev : events.split(",")) {
            String[] kv = ev.split("=", 2);
            String text = kv[0].trim();
            if (!text.isEmpty()) {
                m.put(text, kv.length == 2 ? kv[1].trim() : text);
            }
        }
        return m;
    }

    /** Reads {@code file} and decides each annotation's fate with the rule the EDF reader cuts by. */
    static Scan scan(Path file, Map<String, String> classOfText, int steps, Slicing slicing) {
        EdfRecording recording = EdfReader.read(file);
        LayoutSignals signals = LayoutSignals.of(recording, Layouts.cap64());
        double fs = signals.sampleRate();
        int n = signals.length();
        long span = (long) (steps - 1) * slicing.stepSamples(fs) + slicing.lengthSamples(fs);
        List<Event> events = new ArrayList<>();
        for (EdfAnnotation a : recording.annotations()) {
            String cls = classOfText.get(a.text().trim());
            Fate fate;
            if (cls == null) {
                fate = Fate.UNLABELLED;
            } else if (!a.hasDuration()) {
                fate = Fate.NO_DURATION;
            } else {
                double from = (a.onsetSeconds() - signals.firstSampleSeconds()) * fs;
                double to = (a.endSeconds() - signals.firstSampleSeconds()) * fs;
                long first = (long) Math.ceil(from - 1e-6);
                long end = Math.min(n, (long) Math.floor(to + 1e-6));
                fate = first < 0 || first + span > end ? Fate.TOO_SHORT : Fate.USED;
            }
            events.add(new Event(a, cls, fate));
        }
        return new Scan(file, recording, signals, events, span / fs);
    }

    /** The files of an {@code edf:} source, or an empty list for any other source. */
    static List<Path> files(String spec) {
        List<Path> out = new ArrayList<>();
        if (spec.trim().toLowerCase(Locale.ROOT).startsWith("edf:")) {
            for (String f : spec.trim().substring(4).split(",")) {
                if (!f.isBlank()) {
                    out.add(Path.of(f.trim()));
                }
            }
        }
        return out;
    }

    /** The slicing of {@code --slice} and {@code --overlap}. */
    static Slicing slicing(Args args) {
        return new Slicing(args.number("slice", 1e-3, 60), args.number("overlap", 0, 60));
    }

    /** {@link #whyNoSamples(List, String, int, Slicing)} for the source {@code spec}; empty unless it is EDF. */
    static String whyNoSamples(String spec, Args args) {
        List<Path> files = files(spec);
        if (files.isEmpty()) {
            return "";
        }
        int steps = args.has("steps") ? args.integer("steps", 1, 1000) : 4;
        return whyNoSamples(files, args.required("events"), steps, slicing(args));
    }

    /**
     * Why {@code files} make no samples under these options, as a clause to append to "hold no
     * samples"; empty when they do make samples.
     */
    static String whyNoSamples(List<Path> files, String events, int steps, Slicing slicing) {
        Map<String, String> classes = classesOf(events);
        List<Scan> scans = new ArrayList<>();
        Map<String, Integer> texts = new TreeMap<>();
        for (Path f : files) {
            Scan s = scan(f, classes, steps, slicing);
            if (!s.used().isEmpty()) {
                return "";
            }
            scans.add(s);
            for (Event e : s.events()) {
                texts.merge(e.annotation().text().trim(), 1, Integer::sum);
            }
        }
        if (texts.isEmpty()) {
            return ": the files hold no annotations (events) at all";
        }
        List<String> missing = new ArrayList<>();
        for (String want : classes.keySet()) {
            if (!texts.containsKey(want)) {
                missing.add(want);
            }
        }
        if (missing.size() == classes.size()) {
            StringBuilder hint = new StringBuilder();
            for (String want : missing) {
                for (String have : texts.keySet()) {
                    if (have.equalsIgnoreCase(want)) {
                        hint.append(hint.length() == 0 ? "" : ",").append(have);
                    }
                }
            }
            return ": no annotation is named " + String.join(" or ", missing) + " (names are case-sensitive; the files"
                    + " have " + counts(texts) + ")" + (hint.length() == 0 ? "" : "; try --events " + hint);
        }
        double longest = 0;
        int labelled = 0;
        for (Scan s : scans) {
            for (Event e : s.events()) {
                if (e.className() != null) {
                    labelled++;
                    longest = Math.max(longest, e.annotation().durationSeconds());
                }
            }
        }
        double need = scans.get(0).sampleSeconds();
        return String.format(Locale.ROOT, ": the %d labelled events last at most %.3g s, but one sample needs T=%d "
                + "slices of %s s (%.3g s); use a smaller --steps or --slice", labelled, longest, steps,
                slicing.lengthSeconds(), need);
    }

    private static String counts(Map<String, Integer> texts) {
        StringBuilder sb = new StringBuilder();
        texts.forEach((t, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(t).append(" x").append(c));
        return sb.toString();
    }
}
