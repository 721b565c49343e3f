package org.strnn.datasets.edf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.strnn.datasets.DatasetException;
import org.strnn.formats.AtomicFile;
import org.strnn.formats.FormatException;

/**
 * Writes EDF+C or BDF+C files: EEG channels at one integer sample rate in 1-s data records, and an
 * annotation signal ({@code EDF Annotations}, or {@code BDF Annotations} in BDF+) holding each
 * record's time-keeping TAL and the events that start in it. Each channel's physical range is the
 * range of its samples (widened to at least 1 µV), mapped onto the full 16-bit or 24-bit digital
 * range. The write is atomic (a sibling temporary file, then a rename), and an existing file is
 * replaced only when asked.
 */
public final class EdfWriter {

    /** An event: {@code onset} and {@code duration} in seconds from the file's start. */
    public record Event(double onsetSeconds, double durationSeconds, String text) {
    }

    private EdfWriter() {
    }

    /**
     * @param bdf       BDF+ (24-bit) instead of EDF+ (16-bit)
     * @param patientId EDF+'s local patient identification, e.g. {@code "S07 F 02-MAY-1951 Jane"}
     *                  ({@code "X X X X"} when unknown)
     * @param labels    channel labels, e.g. {@code "EEG AF3"}
     * @param rate      samples per second, an integer
     * @param signals   {@code [channel][sample]} in µV; every channel the same whole number of seconds long
     */
    public static void write(Path file, boolean bdf, String patientId, List<String> labels, int rate,
            double[][] signals, List<Event> events, boolean overwrite) {
        if (labels.size() != signals.length || signals.length == 0) {
            throw new IllegalArgumentException(labels.size() + " labels for " + signals.length + " signals");
        }
        int n = signals[0].length;
        if (n == 0 || n % rate != 0) {
            throw new IllegalArgumentException("signals of " + n + " samples are not a whole number of 1-s records at "
                    + rate + " Hz");
        }
        int records = n / rate;
        int width = bdf ? 3 : 2;
        List<StringBuilder> tals = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            tals.add(new StringBuilder("+" + r + "\u0014\u0014\u0000"));
        }
        for (Event e : events) {
            int r = (int) Math.max(0, Math.min(records - 1, Math.floor(e.onsetSeconds())));
            tals.get(r).append(String.format(Locale.ROOT, "+%s\u0015%s\u0014%s\u0014\u0000", number(e.onsetSeconds()),
                    number(e.durationSeconds()), e.text()));
        }
        int talBytes = 0;
        for (StringBuilder t : tals) {
            talBytes = Math.max(talBytes, t.toString().getBytes(StandardCharsets.UTF_8).length);
        }
        int talSamples = (talBytes + width - 1) / width;
        int ns = labels.size() + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bdf) {
            out.write(0xFF);
            field(out, "BIOSEMI", 7);
        } else {
            field(out, "0", 8);
        }
        field(out, patientId, 80);
        field(out, "Startdate X X X STRNN", 80);
        field(out, "01.01.20", 8);
        field(out, "00.00.00", 8);
        field(out, Integer.toString(256 * (ns + 1)), 8);
        field(out, bdf ? "BDF+C" : "EDF+C", 44);
        field(out, Integer.toString(records), 8);
        field(out, "1", 8);
        field(out, Integer.toString(ns), 4);
        String annotationLabel = bdf ? EdfSignalHeader.BDF_ANNOTATION_LABEL : EdfSignalHeader.ANNOTATION_LABEL;
        int digitalMax = bdf ? (1 << 23) - 1 : Short.MAX_VALUE;
        int digitalMin = bdf ? -(1 << 23) : Short.MIN_VALUE;
        double[] lo = new double[labels.size()];
        double[] hi = new double[labels.size()];
        for (int c = 0; c < labels.size(); c++) {
            lo[c] = Double.POSITIVE_INFINITY;
            hi[c] = Double.NEGATIVE_INFINITY;
            for (double v : signals[c]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("channel " + labels.get(c) + " holds " + v);
                }
                lo[c] = Math.min(lo[c], v);
                hi[c] = Math.max(hi[c], v);
            }
            double mid = (lo[c] + hi[c]) / 2;
            double half = Math.max(0.5, (hi[c] - lo[c]) / 2) * 1.001;
            lo[c] = Math.floor(mid - half);
            hi[c] = Math.ceil(mid + half);
        }
        for (String l : labels) {
            field(out, l, 16);
        }
        field(out, annotationLabel, 16);
        for (int s = 0; s < ns; s++) {
            field(out, s < labels.size() ? "AgAgCl electrode" : "", 80);
        }
        for (int s = 0; s < ns; s++) {
            field(out, s < labels.size() ? "uV" : "", 8);
        }
        for (int s = 0; s < ns; s++) {
            field(out, s < labels.size() ? fit(lo[s]) : "-1", 8);
        }
        for (int s = 0; s < ns; s++) {
            field(out, s < labels.size() ? fit(hi[s]) : "1", 8);
        }
        for (int s = 0; s < ns; s++) {
            field(out, Integer.toString(digitalMin), 8);
        }
        for (int s = 0; s < ns; s++) {
            field(out, Integer.toString(digitalMax), 8);
        }
        for (int s = 0; s < ns; s++) {
            field(out, "", 80);
        }
        for (int s = 0; s < ns; s++) {
            field(out, Integer.toString(s < labels.size() ? rate : talSamples), 8);
        }
        for (int s = 0; s < ns; s++) {
            field(out, "", 32);
        }
        for (int r = 0; r < records; r++) {
            for (int c = 0; c < labels.size(); c++) {
                double gain = (hi[c] - lo[c]) / ((double) digitalMax - digitalMin);
                for (int i = 0; i < rate; i++) {
                    long d = Math.round((signals[c][r * rate + i] - lo[c]) / gain + digitalMin);
                    int v = (int) Math.max(digitalMin, Math.min(digitalMax, d));
                    for (int b = 0; b < width; b++) {
                        out.write((v >> (8 * b)) & 0xFF);
                    }
                }
            }
            byte[] tal = tals.get(r).toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(tal);
            out.writeBytes(new byte[talSamples * width - tal.length]);
        }
        atomicWrite(file, out.toByteArray(), overwrite);
    }

    private static String number(double seconds) {
        String s = String.format(Locale.ROOT, "%.6f", seconds);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String fit(double v) {
        String s = Long.toString((long) v);
        if (s.length() > 8) {
            throw new IllegalArgumentException("physical value " + v + " does not fit an 8-character EDF field");
        }
        return s;
    }

    private static void field(ByteArrayOutputStream out, String text, int width) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length > width) {
            throw new IllegalArgumentException("\"" + text + "\" does not fit in " + width + " bytes");
        }
        out.writeBytes(b);
        for (int i = b.length; i < width; i++) {
            out.write(' ');
        }
    }

    private static void atomicWrite(Path file, byte[] bytes, boolean overwrite) {
        if (!overwrite && Files.exists(file)) {
            throw new DatasetException(file, "exists; not overwritten");
        }
        try {
            AtomicFile.write(file, overwrite, out -> out.write(bytes));
        } catch (FormatException e) {
            throw new DatasetException(e.getMessage(), e);
        }
    }
}
