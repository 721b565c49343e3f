package org.strnn.datasets.edf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layout;

/**
 * The EEG channels of one recording, put in the order of a {@link Layout}.
 *
 * <p>Channel labels are matched after {@link Layout#normalise(String)} ({@code "Fc5."} is
 * {@code FC5}). Nothing is dropped silently: a channel of the file that the layout does not place
 * is an error unless the caller names it in {@code drop}, and the channels actually dropped are
 * reported back by {@link #dropped()}. A layout vertex the file lacks is an error, and so is a
 * drop name the file does not have (likely a typo). {@code EDF Annotations} signals are not
 * channels and take no part.
 */
public final class LayoutSignals {

    private final Path file;
    private final Layout layout;
    private final double sampleRate;
    private final double firstSampleSeconds;
    private final double[][] samples;
    private final List<String> dropped;

    private LayoutSignals(Path file, Layout layout, double sampleRate, double firstSampleSeconds, double[][] samples,
            List<String> dropped) {
        this.file = file;
        this.layout = layout;
        this.sampleRate = sampleRate;
        this.firstSampleSeconds = firstSampleSeconds;
        this.samples = samples;
        this.dropped = List.copyOf(dropped);
    }

    /**
     * Places the channels of {@code recording} on {@code layout}.
     *
     * @param drop channel names (any spelling {@link Layout#normalise(String)} accepts) to leave out
     * @throws DatasetException when a channel is neither on the layout nor in {@code drop}, a layout
     *     vertex is missing from the file, a name in {@code drop} is not in the file, two channels
     *     share a normalised name, or the placed channels differ in sample rate or length
     */
    public static LayoutSignals of(EdfRecording recording, Layout layout, Collection<String> drop) {
        Objects.requireNonNull(layout, "layout");
        Path file = recording.file();
        Map<String, Integer> channelByName = new LinkedHashMap<>();
        for (int c = 0; c < recording.channelCount(); c++) {
            String name = Layout.normalise(recording.channel(c).label());
            Integer other = channelByName.putIfAbsent(name, c);
            if (other != null) {
                throw new DatasetException(file, "channels " + (other + 1) + " (\"" + recording.channel(other).label()
                        + "\") and " + (c + 1) + " (\"" + recording.channel(c).label() + "\") are both " + name);
            }
        }
        Set<String> toDrop = new LinkedHashSet<>();
        for (String d : drop) {
            toDrop.add(Layout.normalise(d));
        }
        List<String> unknownDrops = new ArrayList<>();
        for (String d : toDrop) {
            if (!channelByName.containsKey(d)) {
                unknownDrops.add(d);
            }
        }
        if (!unknownDrops.isEmpty()) {
            throw new DatasetException(file, "asked to drop " + String.join(", ", unknownDrops)
                    + ", which the file does not have; its channels are " + String.join(" ", channelByName.keySet()));
        }
        List<String> offLayout = new ArrayList<>();
        for (String name : channelByName.keySet()) {
            if (layout.indexOf(name) < 0 && !toDrop.contains(name)) {
                offLayout.add(name);
            }
        }
        if (!offLayout.isEmpty()) {
            throw new DatasetException(file, "channels " + String.join(", ", offLayout) + " are not on layout "
                    + layout.name() + "; drop them explicitly or use a layout that places them");
        }
        List<String> missing = new ArrayList<>();
        for (String name : layout.names()) {
            if (!channelByName.containsKey(name) || toDrop.contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(file, "layout " + layout.name() + " needs " + String.join(", ", missing)
                    + ", which the file does not have" + (toDrop.isEmpty() ? "" : " (or which were dropped)"));
        }

        double[][] samples = new double[layout.size()][];
        double rate = Double.NaN;
        for (int v = 0; v < layout.size(); v++) {
            String name = layout.names().get(v);
            int c = channelByName.get(name);
            double r = recording.sampleRate(c);
            if (v == 0) {
                rate = r;
            } else if (r != rate || recording.sampleCount(c) != samples[0].length) {
                throw new DatasetException(file, "channel " + name + " has " + recording.sampleCount(c) + " samples at "
                        + r + " Hz, but " + layout.names().get(0) + " has " + samples[0].length + " at " + rate
                        + " Hz; the placed channels must share one rate");
            }
            samples[v] = recording.samples(c);
        }
        List<String> dropped = new ArrayList<>();
        for (String name : channelByName.keySet()) {
            if (toDrop.contains(name)) {
                dropped.add(name);
            }
        }
        return new LayoutSignals(file, layout, rate, recording.firstSampleSeconds(), samples, dropped);
    }

    /** Places the channels on {@code layout}, dropping none. */
    public static LayoutSignals of(EdfRecording recording, Layout layout) {
        return of(recording, layout, List.of());
    }

    public Path file() {
        return file;
    }

    public Layout layout() {
        return layout;
    }

    /** Samples per second, shared by all placed channels. */
    public double sampleRate() {
        return sampleRate;
    }

    /** Samples per channel. */
    public int length() {
        return samples[0].length;
    }

    /** Seconds from the file's start (the time base of its annotations) to sample 0. */
    public double firstSampleSeconds() {
        return firstSampleSeconds;
    }

    /** The file channels left out, normalised, in file order. */
    public List<String> dropped() {
        return dropped;
    }

    /**
     * A copy of the samples, {@code [layout.size()][length()]}: row {@code v} is vertex {@code v},
     * in the file's physical units (µV for EEG).
     */
    public double[][] samples() {
        double[][] out = new double[samples.length][];
        for (int v = 0; v < samples.length; v++) {
            out[v] = samples[v].clone();
        }
        return out;
    }
}
