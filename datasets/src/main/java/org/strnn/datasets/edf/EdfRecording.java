package org.strnn.datasets.edf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The contents of one EDF/EDF+ file: its header, the samples of its channels in physical units,
 * and its annotations.
 *
 * <p>A <em>channel</em> here is an ordinary signal, i.e. any signal but {@code EDF Annotations};
 * channel {@code c} is the {@code c}-th such signal in file order. Channel {@code c} has
 * {@code records * samplesPerRecord(c)} samples, in {@link EdfSignalHeader#physicalDimension()} units
 * (µV for EEG). Immutable: accessors return copies.
 */
public final class EdfRecording {

    private final Path file;
    private final EdfHeader header;
    private final List<Integer> channelSignals;
    private final double[][] samples;
    private final List<EdfAnnotation> annotations;
    private final double[] recordOnsets;

    EdfRecording(Path file, EdfHeader header, double[][] samples, List<EdfAnnotation> annotations,
            double[] recordOnsets) {
        this.file = Objects.requireNonNull(file, "file");
        this.header = Objects.requireNonNull(header, "header");
        this.channelSignals = header.dataSignalIndices();
        this.samples = samples;
        this.annotations = List.copyOf(annotations);
        this.recordOnsets = recordOnsets;
    }

    /** The file this recording was read from. */
    public Path file() {
        return file;
    }

    public EdfHeader header() {
        return header;
    }

    /** Number of channels (signals other than {@code EDF Annotations}). */
    public int channelCount() {
        return channelSignals.size();
    }

    /** The header of channel {@code c}. */
    public EdfSignalHeader channel(int c) {
        return header.signal(channelSignals.get(c));
    }

    /** The channel labels as the file spells them (e.g. {@code "Fc5."}), in file order. */
    public List<String> channelLabels() {
        List<String> out = new ArrayList<>(channelSignals.size());
        for (int c = 0; c < channelSignals.size(); c++) {
            out.add(channel(c).label());
        }
        return out;
    }

    /** Samples per second of channel {@code c}. */
    public double sampleRate(int c) {
        return channel(c).sampleRate(header.recordDurationSeconds());
    }

    /** Number of samples of channel {@code c}. */
    public int sampleCount(int c) {
        return samples[c].length;
    }

    /** A copy of channel {@code c}'s samples in physical units. */
    public double[] samples(int c) {
        return samples[c].clone();
    }

    /** The annotations of all annotation signals, in file order; time-keeping TALs excluded. */
    public List<EdfAnnotation> annotations() {
        return annotations;
    }

    /**
     * The start of each data record in seconds from the file's start: from the time-keeping TALs
     * in EDF+, {@code r * recordDuration} in EDF.
     */
    public double[] recordOnsets() {
        return recordOnsets.clone();
    }

    /**
     * Seconds from the file's start to the first sample: the first record's onset, or 0 when there
     * are no records.
     */
    public double firstSampleSeconds() {
        return recordOnsets.length == 0 ? 0 : recordOnsets[0];
    }

    @Override
    public String toString() {
        return file.getFileName() + " (" + (header.isEdfPlus() ? header.reserved().substring(0, 5) : "EDF") + ", "
                + channelCount() + " channels, " + header.records() + " records of " + header.recordDurationSeconds()
                + " s, " + annotations.size() + " annotations)";
    }
}
