package org.strnn.datasets.edf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.strnn.datasets.DatasetException;

/**
 * Reads the time-stamped annotation lists (TALs) in one data record of an {@code EDF Annotations}
 * signal.
 *
 * <p>A TAL is {@code +onset[0x15 duration] 0x14 text 0x14 [text 0x14 ...] 0x00}: the onset carries
 * a sign and is in seconds from the file's start, the optional duration has no sign, and each
 * annotation text (UTF-8) is closed by 0x14. TALs follow one another; unused bytes at the end of
 * the record are 0x00. In EDF+, the first TAL of each record in the first annotation signal keeps
 * time: its first annotation is empty and its onset is the record's start time.
 */
final class TalParser {

    private static final byte END = 0x00;
    private static final byte SEPARATOR = 0x14;
    private static final byte DURATION = 0x15;
    private static final Pattern ONSET = Pattern.compile("[+-]\\d+(\\.\\d*)?");
    private static final Pattern LENGTH = Pattern.compile("\\d+(\\.\\d*)?");

    private TalParser() {
    }

    /**
     * Parses one record's worth of TAL bytes and appends the annotations to {@code out} (the
     * time-keeping TAL's empty annotation is not one).
     *
     * @param where where these bytes sit, for messages, e.g. {@code "record 3, signal 65"}
     * @param timeKeeping whether the first TAL must be the record's time-keeping TAL
     * @return the record's start time from the time-keeping TAL, or NaN when {@code timeKeeping} is false
     */
    static double parse(Path file, String where, byte[] buf, int offset, int length, boolean timeKeeping,
            List<EdfAnnotation> out) {
        int end = offset + length;
        int pos = offset;
        double recordStart = Double.NaN;
        boolean first = true;
        while (pos < end && buf[pos] != END) {
            int talEnd = indexOf(buf, END, pos, end);
            if (talEnd < 0) {
                fail(file, where, pos - offset, "a TAL is not closed by a 0x00 byte before the record ends");
            }
            int stampEnd = indexOf(buf, SEPARATOR, pos, talEnd);
            if (stampEnd < 0) {
                fail(file, where, pos - offset, "a TAL has no 0x14 after its time stamp");
            }
            if (buf[talEnd - 1] != SEPARATOR) {
                fail(file, where, pos - offset, "a TAL's last annotation is not closed by 0x14");
            }
            int durationMark = indexOf(buf, DURATION, pos, stampEnd);
            String onsetText = ascii(buf, pos, durationMark < 0 ? stampEnd : durationMark);
            if (!ONSET.matcher(onsetText).matches()) {
                fail(file, where, pos - offset, "onset \"" + EdfHeaderParser.show(onsetText)
                        + "\" is not a signed number of seconds like +12.5");
            }
            double onset = Double.parseDouble(onsetText);
            double duration = Double.NaN;
            if (durationMark >= 0) {
                String durationText = ascii(buf, durationMark + 1, stampEnd);
                if (!LENGTH.matcher(durationText).matches()) {
                    fail(file, where, pos - offset, "duration \"" + EdfHeaderParser.show(durationText)
                            + "\" is not an unsigned number of seconds like 4.2");
                }
                duration = Double.parseDouble(durationText);
            }
            int textStart = stampEnd + 1;
            boolean firstText = true;
            while (textStart < talEnd) {
                int textEnd = indexOf(buf, SEPARATOR, textStart, talEnd);
                String text = new String(buf, textStart, textEnd - textStart, StandardCharsets.UTF_8);
                if (first && firstText && timeKeeping) {
                    if (!text.isEmpty()) {
                        fail(file, where, pos - offset, "the first TAL is not a time-keeping TAL (its first annotation is \""
                                + EdfHeaderParser.show(text) + "\", not empty)");
                    }
                    if (durationMark >= 0) {
                        fail(file, where, pos - offset, "the time-keeping TAL has a duration");
                    }
                    recordStart = onset;
                } else if (!text.isEmpty()) {
                    out.add(new EdfAnnotation(onset, duration, text));
                }
                firstText = false;
                textStart = textEnd + 1;
            }
            if (first && timeKeeping && firstText) {
                fail(file, where, pos - offset, "the first TAL is not a time-keeping TAL (it has no annotation)");
            }
            first = false;
            pos = talEnd + 1;
        }
        if (timeKeeping && first) {
            fail(file, where, 0, "no time-keeping TAL: an EDF+ record must start with +onset 0x14 0x14");
        }
        for (int i = pos; i < end; i++) {
            if (buf[i] != END) {
                fail(file, where, i - offset, "a TAL follows 0x00 padding; TALs must be back to back");
            }
        }
        return recordStart;
    }

    private static int indexOf(byte[] buf, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] buf, int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static void fail(Path file, String where, int byteInRecord, String problem) {
        throw new DatasetException(file, where + ", byte " + byteInRecord + " of its annotations: " + problem);
    }
}
