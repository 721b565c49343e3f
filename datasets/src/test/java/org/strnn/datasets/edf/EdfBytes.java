package org.strnn.datasets.edf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * Builds small EDF files for tests. Every header field is a string, so a test can put anything
 * in it; fields left null are filled in consistently. Not a test itself.
 */
final class EdfBytes {

    static final char TAL_DURATION = '\u0015';
    static final char TAL_SEPARATOR = '\u0014';

    /** One signal: either samples from a function of (record, index), or TAL text per record. */
    static final class Signal {
        String label;
        String transducer = "AgAgCl electrode";
        String dimension = "uV";
        String physicalMin = "-3200";
        String physicalMax = "3200";
        String digitalMin = "-32768";
        String digitalMax = "32767";
        String prefiltering = "HP:0.1Hz";
        String samplesPerRecord;
        int samples;
        IntBinaryOperator digital;
        List<String> tals;

        Signal physical(String min, String max) {
            physicalMin = min;
            physicalMax = max;
            return this;
        }

        Signal digital(String min, String max) {
            digitalMin = min;
            digitalMax = max;
            return this;
        }
    }

    String version = "0";
    String patient = "X X X X";
    String recording = "Startdate 12-AUG-2009 X X test";
    String startDate = "12.08.09";
    String startTime = "16.15.00";
    String headerBytes;
    String reserved = "EDF+C";
    String records;
    String duration = "1";
    String signalCount;
    int recordsWritten = 2;
    final List<Signal> signals = new ArrayList<>();

    /** An EEG signal whose digital value at (record r, sample i) is {@code digital(r, i)}. */
    Signal eeg(String label, int samplesPerRecord, IntBinaryOperator digital) {
        Signal s = new Signal();
        s.label = label;
        s.samples = samplesPerRecord;
        s.digital = digital;
        signals.add(s);
        return s;
    }

    /**
     * An {@code EDF Annotations} signal; {@code tals.get(r)} is written into record {@code r}
     * (0x00-padded), so it must include its own TAL terminators. Use {@link #tal} to build them.
     */
    Signal annotations(int samplesPerRecord, List<String> tals) {
        Signal s = new Signal();
        s.label = "EDF Annotations";
        s.transducer = "";
        s.dimension = "";
        s.prefiltering = "";
        s.samples = samplesPerRecord;
        s.tals = tals;
        signals.add(s);
        return s;
    }

    /** A TAL: {@code onset[0x15 duration]0x14 text 0x14 ... 0x00}; a null duration is left out. */
    static String tal(String onset, String duration, String... texts) {
        StringBuilder sb = new StringBuilder(onset);
        if (duration != null) {
            sb.append(TAL_DURATION).append(duration);
        }
        sb.append(TAL_SEPARATOR);
        for (String t : texts) {
            sb.append(t).append(TAL_SEPARATOR);
        }
        return sb.append('\0').toString();
    }

    /** The time-keeping TAL of a record starting at {@code onset}. */
    static String timeKeeping(String onset) {
        return onset + TAL_SEPARATOR + TAL_SEPARATOR + '\0';
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ns = signals.size();
        write(out, version, 8);
        write(out, patient, 80);
        write(out, recording, 80);
        write(out, startDate, 8);
        write(out, startTime, 8);
        write(out, headerBytes != null ? headerBytes : Integer.toString(256 * (ns + 1)), 8);
        write(out, reserved, 44);
        write(out, records != null ? records : Integer.toString(recordsWritten), 8);
        write(out, duration, 8);
        write(out, signalCount != null ? signalCount : Integer.toString(ns), 4);
        for (Signal s : signals) {
            write(out, s.label, 16);
        }
        for (Signal s : signals) {
            write(out, s.transducer, 80);
        }
        for (Signal s : signals) {
            write(out, s.dimension, 8);
        }
        for (Signal s : signals) {
            write(out, s.physicalMin, 8);
        }
        for (Signal s : signals) {
            write(out, s.physicalMax, 8);
        }
        for (Signal s : signals) {
            write(out, s.digitalMin, 8);
        }
        for (Signal s : signals) {
            write(out, s.digitalMax, 8);
        }
        for (Signal s : signals) {
            write(out, s.prefiltering, 80);
        }
        for (Signal s : signals) {
            write(out, s.samplesPerRecord != null ? s.samplesPerRecord : Integer.toString(s.samples), 8);
        }
        for (int i = 0; i < ns; i++) {
            write(out, "", 32);
        }
        for (int r = 0; r < recordsWritten; r++) {
            for (Signal s : signals) {
                if (s.tals != null) {
                    byte[] text = s.tals.get(r).getBytes(StandardCharsets.UTF_8);
                    if (text.length > 2 * s.samples) {
                        throw new IllegalArgumentException("TALs of record " + r + " do not fit in " + 2 * s.samples + " bytes");
                    }
                    out.writeBytes(Arrays.copyOf(text, 2 * s.samples));
                } else {
                    for (int i = 0; i < s.samples; i++) {
                        int v = s.digital.applyAsInt(r, i);
                        out.write(v & 0xFF);
                        out.write((v >> 8) & 0xFF);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), build());
    }

    private static void write(ByteArrayOutputStream out, String field, int width) {
        byte[] b = field.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length > width) {
            throw new IllegalArgumentException("\"" + field + "\" does not fit in " + width + " bytes");
        }
        out.writeBytes(b);
        for (int i = b.length; i < width; i++) {
            out.write(' ');
        }
    }

    /** A valid two-second EDF+C file: channels C3 and Cz at 4 Hz, and annotations. */
    static EdfBytes small() {
        EdfBytes edf = new EdfBytes();
        edf.eeg("C3..", 4, (r, i) -> 100 * r + i - 3);
        edf.eeg("Cz..", 4, (r, i) -> -(100 * r + i));
        edf.annotations(16, List.of(
                timeKeeping("+0") + tal("+0", "1.5", "T0"),
                timeKeeping("+1") + tal("+1.5", "0.5", "T1", "second text")));
        return edf;
    }
}
