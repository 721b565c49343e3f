package org.strnn.datasets.edf;

import java.util.Objects;

/**
 * One signal's header fields, as an EDF file states them (text fields with their space padding
 * trimmed; the label keeps BCI2000's dot padding, e.g. {@code "Fc5."}).
 *
 * <p>A stored 16-bit (EDF) or 24-bit (BDF) value {@code d} stands for the physical value
 * {@code p = physicalMin + (d - digitalMin) * (physicalMax - physicalMin) / (digitalMax - digitalMin)},
 * in {@code physicalDimension} units (µV for EEG).
 *
 * @param samplesPerRecord samples of this signal in each data record
 */
public record EdfSignalHeader(String label, String transducer, String physicalDimension, double physicalMin,
        double physicalMax, int digitalMin, int digitalMax, String prefiltering, int samplesPerRecord,
        String reserved) {

    /** The label EDF+ reserves for signals that carry annotations (TALs) rather than samples. */
    public static final String ANNOTATION_LABEL = "EDF Annotations";

    public EdfSignalHeader {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(transducer, "transducer");
        Objects.requireNonNull(physicalDimension, "physicalDimension");
        Objects.requireNonNull(prefiltering, "prefiltering");
        Objects.requireNonNull(reserved, "reserved");
    }

    /** The label BDF+ uses for the same annotation signal. */
    public static final String BDF_ANNOTATION_LABEL = "BDF Annotations";

    /** Whether this signal holds EDF+ (or BDF+) annotations instead of samples. */
    public boolean isAnnotation() {
        String l = label.trim();
        return l.equalsIgnoreCase(ANNOTATION_LABEL) || l.equalsIgnoreCase(BDF_ANNOTATION_LABEL);
    }

    /** Physical units per digital step: {@code (physicalMax - physicalMin) / (digitalMax - digitalMin)}. */
    public double gain() {
        return (physicalMax - physicalMin) / ((double) digitalMax - digitalMin);
    }

    /** The physical value of a stored digital value. */
    public double toPhysical(int digital) {
        return physicalMin + (digital - (double) digitalMin) * gain();
    }

    /** Samples per second, given the file's record duration in seconds. */
    public double sampleRate(double recordDurationSeconds) {
        return samplesPerRecord / recordDurationSeconds;
    }
}
