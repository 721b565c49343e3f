package org.strnn.datasets.edf;

import org.strnn.layout.Layout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.strnn.datasets.DatasetException;

/**
 * Parses and checks an EDF header record. Every inconsistency becomes a {@link DatasetException}
 * that names the file, the field and the offending value.
 *
 * <p>Layout (ASCII, fields left-justified and space-padded): version 8, patient 80, recording 80,
 * start date 8 ({@code dd.mm.yy}), start time 8 ({@code hh.mm.ss}), header bytes 8, reserved 44,
 * number of data records 8, record duration 8, number of signals {@code ns} 4; then, field by field
 * for all signals, label 16, transducer 80, physical dimension 8, physical minimum 8, physical
 * maximum 8, digital minimum 8, digital maximum 8, prefiltering 80, samples per record 8,
 * reserved 32.
 */
final class EdfHeaderParser {

    static final int FIXED_BYTES = 256;
    static final int BYTES_PER_SIGNAL = 256;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE_OR_TIME = Pattern.compile("\\d\\d\\.\\d\\d\\.\\d\\d");

    /** The version field of a BDF file: byte 0xFF, then "BIOSEMI". */
    private static final String BDF_VERSION = "BIOSEMI";

    private final Path file;
    private final byte[] bytes;

    private EdfHeaderParser(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /** Whether the version field is BDF's (0xFF "BIOSEMI"): 24-bit samples. */
    private boolean bdf() {
        return bytes.length > 0 && (bytes[0] & 0xFF) == 0xFF;
    }

    /**
     * The number of signals the fixed part announces, after checking the fixed part's framing.
     *
     * @param fixed at least the first 256 bytes of the file, or all of it when it is shorter
     */
    static int signalCount(Path file, byte[] fixed) {
        EdfHeaderParser p = new EdfHeaderParser(file, fixed);
        p.checkFixedPart();
        return p.parseSignalCount();
    }

    /**
     * Parses the whole header.
     *
     * @param header the file's first bytes: at least {@code 256 * (ns + 1)}, or the whole file when
     *     it is shorter than that
     * @param fileSize the file's size in bytes, to check the data records against
     */
    static EdfHeader parse(Path file, byte[] header, long fileSize) {
        return new EdfHeaderParser(file, header).parse(fileSize);
    }

    private EdfHeader parse(long fileSize) {
        checkFixedPart();
        String version = bdf() ? text(1, 7) : text(0, 8);
        int bytesPerSample = bdf() ? 3 : 2;
        String patient = text(8, 80);
        String recording = text(88, 80);
        LocalDateTime start = parseStart(fixedField(168, 8, "start date"), fixedField(176, 8, "start time"));
        int headerBytes = integer(fixedField(184, 8, "number of bytes in header"), "number of bytes in header");
        String reserved = text(192, 44);
        int records = integer(fixedField(236, 8, "number of data records"), "number of data records");
        double duration = decimal(fixedField(244, 8, "duration of a data record"), "duration of a data record");
        int ns = parseSignalCount();

        long needed = (long) FIXED_BYTES + (long) BYTES_PER_SIGNAL * ns;
        if (headerBytes != needed) {
            fail("the header-size field says " + headerBytes + " bytes, but " + ns + " signals need 256 * (" + ns
                    + " + 1) = " + needed);
        }
        if (bytes.length < needed) {
            fail("truncated header: " + ns + " signals need a " + needed + "-byte header, but the file has only "
                    + bytes.length + " bytes");
        }
        String plus = bdf() ? "BDF+" : "EDF+";
        if (reserved.startsWith(plus) && !reserved.startsWith(plus + "C") && !reserved.startsWith(plus + "D")) {
            fail("reserved field \"" + show(reserved) + "\" starts with " + plus + " but is neither " + plus + "C nor "
                    + plus + "D");
        }
        if (!Double.isFinite(duration) || duration < 0) {
            fail("duration of a data record is " + duration + " s; it must be finite and >= 0");
        }
        if (records < -1) {
            fail("number of data records is " + records + "; only -1 (unknown) may be negative");
        }

        List<EdfSignalHeader> signals = parseSignals(ns, bytesPerSample);
        boolean onlyAnnotations = signals.stream().allMatch(EdfSignalHeader::isAnnotation);
        if (duration == 0 && !onlyAnnotations) {
            fail("duration of a data record is 0 s, which only a file of annotation signals alone may have");
        }
        boolean edfPlus = reserved.startsWith(plus);
        if (edfPlus && signals.stream().noneMatch(EdfSignalHeader::isAnnotation)) {
            fail("the reserved field says " + reserved.substring(0, 5) + ", but no signal is labelled '"
                    + EdfSignalHeader.ANNOTATION_LABEL + "'");
        }

        long recordBytes = 0;
        for (EdfSignalHeader s : signals) {
            recordBytes += (long) bytesPerSample * s.samplesPerRecord();
        }
        long dataBytes = fileSize - needed;
        boolean inferred = records == -1;
        if (inferred) {
            if (dataBytes % recordBytes != 0) {
                fail("the number of data records is -1 (unknown), and the " + dataBytes
                        + " bytes after the header are not a whole number of " + recordBytes + "-byte records");
            }
            if (dataBytes / recordBytes > Integer.MAX_VALUE) {
                fail("too many data records (" + dataBytes / recordBytes + ")");
            }
            records = (int) (dataBytes / recordBytes);
        } else {
            long expected = records * recordBytes;
            if (dataBytes < expected) {
                fail("truncated: the header promises " + records + " data records of " + recordBytes + " bytes ("
                        + expected + " bytes), but only " + dataBytes + " bytes follow the header ("
                        + dataBytes / recordBytes + " whole records)");
            }
            if (dataBytes > expected) {
                fail((dataBytes - expected) + " bytes follow the last of the " + records
                        + " data records the header promises; the file is longer than its header says");
            }
        }
        return new EdfHeader(version, patient, recording, start, headerBytes, reserved, records, inferred, duration,
                signals, bytesPerSample);
    }

    private void checkFixedPart() {
        if (bytes.length < FIXED_BYTES) {
            fail("the file is " + bytes.length + " bytes long, shorter than the 256-byte EDF header");
        }
        if (bdf()) {
            String id = new String(bytes, 1, 7, StandardCharsets.ISO_8859_1);
            if (!id.equals(BDF_VERSION)) {
                fail("the version field starts with byte 0xFF (BDF) but goes on \"" + show(id) + "\", not \""
                        + BDF_VERSION + "\"");
            }
            return;
        }
        String version = fixedField(0, 8, "version");
        if (!version.equals("0")) {
            fail("the version field is \"" + show(version) + "\", not \"0\": not an EDF file");
        }
    }

    private int parseSignalCount() {
        int ns = integer(fixedField(252, 4, "number of signals"), "number of signals");
        if (ns < 1) {
            fail("number of signals is " + ns + "; an EDF file has at least one");
        }
        return ns;
    }

    private List<EdfSignalHeader> parseSignals(int ns, int bytesPerSample) {
        int low = bytesPerSample == 3 ? -(1 << 23) : Short.MIN_VALUE;
        int high = bytesPerSample == 3 ? (1 << 23) - 1 : Short.MAX_VALUE;
        int at = FIXED_BYTES;
        int label = at;
        int transducer = label + 16 * ns;
        int dimension = transducer + 80 * ns;
        int physMin = dimension + 8 * ns;
        int physMax = physMin + 8 * ns;
        int digMin = physMax + 8 * ns;
        int digMax = digMin + 8 * ns;
        int prefilter = digMax + 8 * ns;
        int samples = prefilter + 80 * ns;
        int reserved = samples + 8 * ns;
        List<EdfSignalHeader> out = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) {
            String name = text(label + 16 * i, 16);
            String who = "signal " + (i + 1) + " (\"" + show(name) + "\")";
            double pMin = decimal(text(physMin + 8 * i, 8), who + " physical minimum");
            double pMax = decimal(text(physMax + 8 * i, 8), who + " physical maximum");
            int dMin = integer(text(digMin + 8 * i, 8), who + " digital minimum");
            int dMax = integer(text(digMax + 8 * i, 8), who + " digital maximum");
            int perRecord = integer(text(samples + 8 * i, 8), who + " samples per data record");
            if (dMin < low || dMax > high) {
                fail(who + ": digital range [" + dMin + ", " + dMax + "] leaves the " + (8 * bytesPerSample)
                        + "-bit range [" + low + ", " + high + "]");
            }
            if (dMin >= dMax) {
                fail(who + ": digital minimum " + dMin + " is not below digital maximum " + dMax);
            }
            if (pMin == pMax) {
                fail(who + ": physical minimum and maximum are both " + pMin);
            }
            if (perRecord < 1) {
                fail(who + ": samples per data record is " + perRecord + "; it must be at least 1");
            }
            out.add(new EdfSignalHeader(name, text(transducer + 80 * i, 80), text(dimension + 8 * i, 8), pMin, pMax,
                    dMin, dMax, text(prefilter + 80 * i, 80), perRecord, text(reserved + 32 * i, 32)));
        }
        return out;
    }

    private LocalDateTime parseStart(String date, String time) {
        if (!DATE_OR_TIME.matcher(date).matches()) {
            fail("start date \"" + show(date) + "\" is not dd.mm.yy");
        }
        if (!DATE_OR_TIME.matcher(time).matches()) {
            fail("start time \"" + show(time) + "\" is not hh.mm.ss");
        }
        int yy = Integer.parseInt(date.substring(6, 8));
        int year = yy >= 85 ? 1900 + yy : 2000 + yy;
        try {
            return LocalDateTime.of(year, Integer.parseInt(date.substring(3, 5)), Integer.parseInt(date.substring(0, 2)),
                    Integer.parseInt(time.substring(0, 2)), Integer.parseInt(time.substring(3, 5)),
                    Integer.parseInt(time.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new DatasetException(file, "start " + date + " " + time + " is not a valid date and time: "
                    + e.getMessage(), e);
        }
    }

    /** A fixed-part field, trimmed; it must be printable ASCII. */
    private String fixedField(int offset, int length, String name) {
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 32 || b > 126) {
                fail("header field '" + name + "' holds byte 0x" + String.format("%02X", b) + " at offset " + i
                        + ", which is not printable ASCII");
            }
        }
        return new String(bytes, offset, length, StandardCharsets.US_ASCII).trim();
    }

    /** A text field, trimmed; bytes outside ASCII are read as Latin-1 rather than refused. */
    private String text(int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1).trim();
    }

    private int integer(String value, String name) {
        if (!INTEGER.matcher(value).matches()) {
            fail(name + " is \"" + show(value) + "\", not an integer");
        }
        try {
            return Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            throw new DatasetException(file, name + " is \"" + value + "\", too large", e);
        }
    }

    private double decimal(String value, String name) {
        if (!DECIMAL.matcher(value).matches()) {
            fail(name + " is \"" + show(value) + "\", not a number");
        }
        return Double.parseDouble(value);
    }

    private void fail(String problem) {
        throw new DatasetException(file, problem);
    }

    /** The text with control and non-ASCII characters escaped, fit for a one-line message. */
    static String show(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 32 || c > 126) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
