package org.strnn.datasets.edf;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The header record of an EDF or EDF+ file: the 256-byte fixed part and one
 * {@link EdfSignalHeader} per signal.
 *
 * @param version the version field, {@code "0"} for EDF and EDF+
 * @param patientId the local patient identification (trimmed)
 * @param recordingId the local recording identification (trimmed)
 * @param start the start date and time; two-digit years 85–99 are 1985–1999, 00–84 are 2000–2084
 * @param headerBytes bytes in the header record: {@code 256 * (signals + 1)}
 * @param reserved the reserved field (trimmed): {@code "EDF+C"}, {@code "EDF+D"} or, for EDF, blank
 * @param records number of data records; when the file says -1 (unknown), the reader counts them
 *     from the file size and sets {@code recordsInferred}
 * @param recordsInferred whether {@code records} was counted from the file size
 * @param recordDurationSeconds duration of one data record in seconds
 * @param signals the signal headers, in file order (annotation signals included)
 * @param bytesPerSample 2 for EDF (16-bit samples), 3 for BDF (BioSemi's 24-bit samples)
 */
public record EdfHeader(String version, String patientId, String recordingId, LocalDateTime start, int headerBytes,
        String reserved, int records, boolean recordsInferred, double recordDurationSeconds,
        List<EdfSignalHeader> signals, int bytesPerSample) {

    /** An EDF (16-bit) header. */
    public EdfHeader(String version, String patientId, String recordingId, LocalDateTime start, int headerBytes,
            String reserved, int records, boolean recordsInferred, double recordDurationSeconds,
            List<EdfSignalHeader> signals) {
        this(version, patientId, recordingId, start, headerBytes, reserved, records, recordsInferred,
                recordDurationSeconds, signals, 2);
    }

    public EdfHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(reserved, "reserved");
        signals = List.copyOf(signals);
        if (bytesPerSample != 2 && bytesPerSample != 3) {
            throw new IllegalArgumentException("samples are 2 (EDF) or 3 (BDF) bytes, not " + bytesPerSample);
        }
    }

    /** Whether this is a BDF file (24-bit samples, version field 0xFF "BIOSEMI"). */
    public boolean isBdf() {
        return bytesPerSample == 3;
    }

    /**
     * Whether the reserved field marks the file as EDF+ ({@code EDF+C} or {@code EDF+D}) or BDF+
     * ({@code BDF+C} or {@code BDF+D}), whose records carry time-keeping annotations.
     */
    public boolean isEdfPlus() {
        return reserved.startsWith("EDF+") || reserved.startsWith("BDF+");
    }

    /**
     * Whether the data records are contiguous in time: true for EDF and EDF+C, false for EDF+D
     * (discontinuous), whose records start where their time-keeping annotation says.
     */
    public boolean isContinuous() {
        return !reserved.startsWith("EDF+D") && !reserved.startsWith("BDF+D");
    }

    public int signalCount() {
        return signals.size();
    }

    public EdfSignalHeader signal(int i) {
        return signals.get(i);
    }

    /** Bytes in one data record: {@link #bytesPerSample()} per sample of every signal. */
    public long recordBytes() {
        long total = 0;
        for (EdfSignalHeader s : signals) {
            total += (long) bytesPerSample * s.samplesPerRecord();
        }
        return total;
    }

    /** Total duration of the data records, in seconds. */
    public double durationSeconds() {
        return records * recordDurationSeconds;
    }

    /** Indices (into {@link #signals()}) of the ordinary signals, i.e. all but the annotation signals. */
    public List<Integer> dataSignalIndices() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            if (!signals.get(i).isAnnotation()) {
                out.add(i);
            }
        }
        return out;
    }

    /** Indices (into {@link #signals()}) of the {@code EDF Annotations} signals. */
    public List<Integer> annotationSignalIndices() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).isAnnotation()) {
                out.add(i);
            }
        }
        return out;
    }
}
