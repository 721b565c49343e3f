package org.strnn.datasets.npz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.Montage;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Recording;
import org.strnn.datasets.protocol.Trial;
import org.strnn.formats.FormatException;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;
import org.strnn.layout.Layout;

/**
 * Features computed elsewhere, in the {@code .npz} format of {@code docs/features-npz.md}, as a
 * {@link Corpus}: one recording per (subject, session), its trials in order of first appearance.
 * The archive is read with {@link Npz} (the same reader as model files); this class checks the
 * arrays against the format and refuses a file that breaks it with one line that names the array.
 *
 * <p>Two forms are accepted: windows ({@code x} of shape {@code (W, n, d)} with a {@code trial} per
 * window; samples are cut by the protocol's windowing), and ready-made samples ({@code x} of shape
 * {@code (N, T, n, d)}; {@code trial} optional, each sample its own trial without it).
 */
public final class NpzFeatures {

    private static final Set<String> KNOWN = Set.of("x", "y", "trial", "channels", "classes", "subject", "session",
            "positions");

    /** The corpus, the {@code T} of ready-made samples (0 for windows), and notes for the user. */
    public record Loaded(Corpus corpus, int sampleSteps, List<String> notes) {
    }

    private final Path file;
    private final Map<String, NpyArray> arrays = new LinkedHashMap<>();

    private NpzFeatures(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code file}.
     *
     * @param drop    channel names to leave out (their features are removed from {@code x})
     * @param montage where the channels go, or null: the {@code positions} array, else the names
     * @throws DatasetException when the file is missing or unreadable, or breaks the format, naming the
     *     array and the problem
     */
    public static Loaded read(Path file, Collection<String> drop, Layout montage) {
        NpzFeatures f = new NpzFeatures(file);
        Npz.Contents contents;
        try {
            contents = Npz.read(file);
        } catch (FormatException e) {
            // Missing, truncated or not an archive: bad data like any other reader's, same message.
            throw new DatasetException(e.getMessage(), e);
        }
        for (NpyArray a : contents.arrays()) {
            f.arrays.put(a.name(), a);
        }
        return f.load(drop, montage);
    }

    private DatasetException fail(String array, String problem) {
        return new DatasetException(file, "array " + array + ": " + problem);
    }

    private NpyArray required(String name) {
        NpyArray a = arrays.get(name);
        if (a == null) {
            throw new DatasetException(file, "has no array '" + name + "' (arrays: " + String.join(", ", arrays.keySet())
                    + "); see docs/features-npz.md");
        }
        return a;
    }

    private Loaded load(Collection<String> drop, Layout montage) {
        List<String> notes = new ArrayList<>();
        for (String name : arrays.keySet()) {
            if (!KNOWN.contains(name)) {
                notes.add(file.getFileName() + ": ignoring array '" + name + "' (not part of docs/features-npz.md)");
            }
        }
        NpyArray x = required("x");
        if (!x.dtype().isFloat()) {
            throw fail("x", "dtype " + x.descr() + "; expected float32 or float64");
        }
        int[] xs = x.shape();
        if (xs.length != 3 && xs.length != 4) {
            throw fail("x", "shape " + NpyArray.shapeString(xs) + "; expected (W, n, d) windows or (N, T, n, d) samples");
        }
        boolean ready = xs.length == 4;
        int rows = xs[0];
        int steps = ready ? xs[1] : 1;
        int n = xs[xs.length - 2];
        int d = xs[xs.length - 1];
        if (rows == 0 || n == 0 || d == 0 || steps == 0) {
            throw fail("x", "shape " + NpyArray.shapeString(xs) + " holds no data");
        }
        String[] channels = text(required("channels"), "channels", n);
        int[] y = integers(required("y"), "y", rows);
        List<String> classes = classes(y);
        String[] subject = optionalIds("subject", rows);
        String[] session = optionalIds("session", rows);
        int[] trial;
        if (arrays.containsKey("trial")) {
            trial = integers(arrays.get("trial"), "trial", rows);
        } else if (ready) {
            trial = new int[rows];
            java.util.Arrays.setAll(trial, i -> i);
        } else {
            throw new DatasetException(file, "has no array 'trial': windows (x of shape (W, n, d)) need the trial of "
                    + "each window; see docs/features-npz.md");
        }
        int[] keep = keptChannels(channels, drop);
        Layout layout = layout(channels, keep, montage);
        double[] values = x.toDoubles();
        int slice = n * d;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                int row = i / (steps * slice);
                throw fail("x", "holds " + values[i] + " at " + (ready ? "sample " : "window ") + row + ", channel "
                        + channels[(i / d) % n] + ", feature " + (i % d) + " (0-based); x must be finite");
            }
        }
        Corpus corpus = group(values, y, trial, subject, session, keep, n, d, steps, ready, layout, classes);
        if (keep.length < n) {
            notes.add(file.getFileName() + ": left out " + (n - keep.length) + " channel(s) on request");
        }
        return new Loaded(corpus, ready ? steps : 0, notes);
    }

    private List<String> classes(int[] y) {
        int max = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw fail("y", "window " + i + " has class " + y[i] + "; classes are 0 .. C-1");
            }
            max = Math.max(max, y[i]);
        }
        List<String> out = new ArrayList<>();
        if (arrays.containsKey("classes")) {
            NpyArray c = arrays.get("classes");
            if (c.rank() != 1) {
                throw fail("classes", "shape " + NpyArray.shapeString(c.shape()) + "; expected (C,)");
            }
            if (!c.dtype().isText()) {
                throw fail("classes", "dtype " + c.descr() + "; expected unicode text");
            }
            String[] names = c.toStrings();
            if (max >= names.length) {
                throw fail("y", "holds class " + max + ", but classes names only " + names.length);
            }
            if (new HashSet<>(List.of(names)).size() != names.length) {
                throw fail("classes", "names a class twice");
            }
            out.addAll(List.of(names));
        } else {
            for (int k = 0; k <= max; k++) {
                out.add(Integer.toString(k));
            }
        }
        if (out.size() < 2) {
            throw fail("y", "holds one class only; a classifier needs two or more");
        }
        return out;
    }

    private String[] text(NpyArray a, String name, int length) {
        if (a.rank() != 1 || a.shape()[0] != length) {
            throw fail(name, "shape " + NpyArray.shapeString(a.shape()) + "; expected (" + length + ",) to match x");
        }
        if (!a.dtype().isText()) {
            throw fail(name, "dtype " + a.descr() + "; expected unicode text");
        }
        return a.toStrings();
    }

    private int[] integers(NpyArray a, String name, int length) {
        if (a.rank() != 1 || a.shape()[0] != length) {
            throw fail(name, "shape " + NpyArray.shapeString(a.shape()) + "; expected (" + length + ",), one per "
                    + "row of x");
        }
        if (a.dtype().isText() || a.dtype().isFloat()) {
            throw fail(name, "dtype " + a.descr() + "; expected integers");
        }
        try {
            return a.toInts();
        } catch (IllegalArgumentException e) {
            throw fail(name, e.getMessage());
        }
    }

    private String[] optionalIds(String name, int length) {
        NpyArray a = arrays.get(name);
        if (a == null) {
            return null;
        }
        if (a.rank() != 1 || a.shape()[0] != length) {
            throw fail(name, "shape " + NpyArray.shapeString(a.shape()) + "; expected (" + length + ",), one per row of x");
        }
        if (a.dtype().isFloat()) {
            throw fail(name, "dtype " + a.descr() + "; expected integers or text");
        }
        return a.toStrings();
    }

    private int[] keptChannels(String[] channels, Collection<String> drop) {
        Set<String> wanted = new HashSet<>();
        for (String d : drop) {
            wanted.add(Montage.key(d));
        }
        List<Integer> keep = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (int v = 0; v < channels.length; v++) {
            String k = Montage.key(channels[v]);
            if (wanted.contains(k)) {
                found.add(k);
            } else {
                keep.add(v);
            }
        }
        wanted.removeAll(found);
        if (!wanted.isEmpty()) {
            throw fail("channels", "has no channel " + String.join(", ", wanted) + " to drop");
        }
        if (keep.isEmpty()) {
            throw fail("channels", "every channel was dropped");
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private Layout layout(String[] channels, int[] keep, Layout montage) {
        List<String> names = new ArrayList<>();
        for (int v : keep) {
            names.add(channels[v]);
        }
        if (montage != null) {
            Map<String, Layout.Electrode> byKey = new HashMap<>();
            for (Layout.Electrode e : montage.electrodes()) {
                byKey.put(Montage.key(e.name()), e);
            }
            List<Layout.Electrode> cells = new ArrayList<>();
            for (String c : names) {
                Layout.Electrode e = byKey.get(Montage.key(c));
                if (e == null) {
                    throw new DatasetException(file, "channel " + c + " is not on the --montage grid " + montage.name());
                }
                cells.add(new Layout.Electrode(Montage.key(c), e.row(), e.col()));
            }
            return new Layout(montage.name(), cells);
        }
        NpyArray p = arrays.get("positions");
        if (p != null) {
            if (p.rank() != 2 || p.shape()[0] != channels.length || p.shape()[1] != 2) {
                throw fail("positions", "shape " + NpyArray.shapeString(p.shape()) + "; expected (" + channels.length
                        + ", 2), a (row, col) per channel");
            }
            if (p.dtype().isFloat() || p.dtype().isText()) {
                throw fail("positions", "dtype " + p.descr() + "; expected integers");
            }
            int[] rc = integers(NpyArray.ofLongs("positions", new int[] {p.size()}, p.toLongs()), "positions",
                    2 * channels.length);
            List<Layout.Electrode> cells = new ArrayList<>();
            for (int v : keep) {
                if (rc[2 * v] < 0 || rc[2 * v + 1] < 0) {
                    throw fail("positions", "channel " + channels[v] + " has a negative cell");
                }
                cells.add(new Layout.Electrode(channels[v], rc[2 * v], rc[2 * v + 1]));
            }
            try {
                return new Layout("npz-positions", cells);
            } catch (IllegalArgumentException e) {
                throw fail("positions", e.getMessage());
            }
        }
        try {
            return Montage.layout("montage-" + names.size(), names);
        } catch (DatasetException e) {
            throw new DatasetException(file, e.getMessage() + ", or add a 'positions' array");
        }
    }

    private record Key(String subject, String session, int trial) {
    }

    private Corpus group(double[] values, int[] y, int[] trial, String[] subject, String[] session, int[] keep, int n,
            int d, int steps, boolean ready, Layout layout, List<String> classes) {
        Map<List<String>, List<Key>> unitTrials = new LinkedHashMap<>();
        Map<Key, List<Integer>> rowsOf = new LinkedHashMap<>();
        Key previous = null;
        for (int i = 0; i < y.length; i++) {
            Key k = new Key(subject == null ? "1" : subject[i], session == null ? "1" : session[i], trial[i]);
            List<Integer> rows = rowsOf.get(k);
            if (rows == null) {
                rows = new ArrayList<>();
                rowsOf.put(k, rows);
                unitTrials.computeIfAbsent(List.of(k.subject(), k.session()), u -> new ArrayList<>()).add(k);
            } else if (!ready && !k.equals(previous)) {
                throw fail("trial", "the windows of trial " + describe(k, subject, session) + " are not consecutive "
                        + "(rows " + rows.get(rows.size() - 1) + " and " + i + "); store each trial's windows together, "
                        + "in time order" + (subject == null ? " (or add a 'subject' array if trial ids repeat across "
                        + "subjects)" : ""));
            }
            if (y[i] != y[rows.isEmpty() ? i : rows.get(0)]) {
                throw fail("y", "trial " + describe(k, subject, session) + " has rows of classes " + y[rows.get(0)]
                        + " and " + y[i] + "; all windows of one trial carry its label");
            }
            rows.add(i);
            previous = k;
        }
        int slice = keep.length * d;
        List<Corpus.Unit> units = new ArrayList<>();
        for (Map.Entry<List<String>, List<Key>> u : unitTrials.entrySet()) {
            List<Trial> trials = new ArrayList<>();
            for (Key k : u.getValue()) {
                List<Integer> rows = rowsOf.get(k);
                double[] v = new double[rows.size() * steps * slice];
                int p = 0;
                for (int row : rows) {
                    for (int t = 0; t < steps; t++) {
                        int base = (row * steps + t) * n * d;
                        for (int c : keep) {
                            System.arraycopy(values, base + c * d, v, p, d);
                            p += d;
                        }
                    }
                }
                trials.add(new Trial(y[rows.get(0)], rows.size() * steps, v, ready ? steps : 0));
            }
            Recording r = new Recording(u.getKey().get(0), u.getKey().get(1), trials);
            units.add(new Corpus.Unit(r.subject(), r.session(), () -> r));
        }
        return new Corpus("npz:" + file.getFileName(), layout, d, classes, units, Corpus::genericPaperTrain,
                Corpus.GENERIC_PAPER);
    }

    private static String describe(Key k, String[] subject, String[] session) {
        return k.trial() + (subject == null ? "" : " of subject " + k.subject())
                + (session == null ? "" : ", session " + k.session());
    }

    @Override
    public String toString() {
        return "npz features " + Objects.toString(file);
    }
}
