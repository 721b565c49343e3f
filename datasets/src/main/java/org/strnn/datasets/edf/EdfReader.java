package org.strnn.datasets.edf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.strnn.datasets.DatasetException;

/**
 * Reads EDF and EDF+ files (EDF+C and EDF+D), and BioSemi's BDF and BDF+ files.
 *
 * <p>Samples are 16-bit (EDF) or 24-bit (BDF, whose version field is byte 0xFF then
 * {@code BIOSEMI}) little-endian two's complement integers, stored record by record and, in
 * each record, signal by signal; they are scaled to physical units with each signal's
 * {@link EdfSignalHeader#toPhysical(int)}. {@code EDF Annotations} signals are decoded as TALs
 * (see {@link EdfAnnotation}). In EDF+ every record must start with a time-keeping TAL; in EDF+C
 * record {@code r} must start at {@code start + r * recordDuration}, and in EDF+D records must not
 * overlap or go back in time.
 *
 * <p>Every problem (a missing or truncated file, an inconsistent header, a malformed TAL) is a
 * {@link DatasetException} whose one-line message names the file and the problem.
 */
public final class EdfReader {

    /** Tolerance, in seconds, for record start times stated in TALs. */
    private static final double TIME_TOLERANCE = 1e-6;

    private EdfReader() {
    }

    /** Reads and checks only the header (and the file size against it). */
    public static EdfHeader readHeader(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            byte[] fixed = readUpTo(channel, EdfHeaderParser.FIXED_BYTES);
            int ns = EdfHeaderParser.signalCount(file, fixed);
            long headerBytes = EdfHeaderParser.FIXED_BYTES + (long) EdfHeaderParser.BYTES_PER_SIGNAL * ns;
            channel.position(0);
            byte[] header = readUpTo(channel, (int) Math.min(headerBytes, size));
            return EdfHeaderParser.parse(file, header, size);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "no such file");
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + e, e);
        }
    }

    /** Reads the whole file. */
    public static EdfRecording read(Path file) {
        byte[] bytes = readAll(file);
        EdfHeader header = EdfHeaderParser.parse(file, bytes, bytes.length);
        List<EdfSignalHeader> signals = header.signals();
        int ns = signals.size();
        int records = header.records();

        int[] channelOf = new int[ns];
        int channels = 0;
        for (int s = 0; s < ns; s++) {
            channelOf[s] = signals.get(s).isAnnotation() ? -1 : channels++;
        }
        double[][] samples = new double[channels][];
        for (int s = 0; s < ns; s++) {
            if (channelOf[s] >= 0) {
                long count = (long) records * signals.get(s).samplesPerRecord();
                if (count > Integer.MAX_VALUE - 8) {
                    throw new DatasetException(file, "signal " + (s + 1) + " has " + count
                            + " samples, more than one array holds");
                }
                samples[channelOf[s]] = new double[(int) count];
            }
        }

        List<EdfAnnotation> annotations = new ArrayList<>();
        double[] recordOnsets = new double[records];
        int firstAnnotationSignal = header.annotationSignalIndices().isEmpty() ? -1
                : header.annotationSignalIndices().get(0);
        boolean timeKeeping = header.isEdfPlus();
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int pos = header.headerBytes();
        int width = header.bytesPerSample();
        for (int r = 0; r < records; r++) {
            recordOnsets[r] = r * header.recordDurationSeconds();
            for (int s = 0; s < ns; s++) {
                EdfSignalHeader signal = signals.get(s);
                int perRecord = signal.samplesPerRecord();
                if (channelOf[s] >= 0) {
                    double[] out = samples[channelOf[s]];
                    int base = r * perRecord;
                    double gain = signal.gain();
                    for (int i = 0; i < perRecord; i++) {
                        int digital = width == 2 ? data.getShort(pos + 2 * i) : int24(bytes, pos + 3 * i);
                        out[base + i] = signal.physicalMin() + (digital - (double) signal.digitalMin()) * gain;
                    }
                } else {
                    boolean keepsTime = timeKeeping && s == firstAnnotationSignal;
                    double start = TalParser.parse(file, "record " + r + ", signal " + (s + 1) + " ('"
                            + signal.label() + "')", bytes, pos, width * perRecord, keepsTime, annotations);
                    if (keepsTime) {
                        recordOnsets[r] = start;
                    }
                }
                pos += width * perRecord;
            }
        }
        if (timeKeeping) {
            checkRecordTimes(file, header, recordOnsets);
        }
        return new EdfRecording(file, header, samples, annotations, recordOnsets);
    }

    /** A 24-bit little-endian two's complement value (a BDF sample). */
    private static int int24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | b[at + 2] << 16;
    }

    private static void checkRecordTimes(Path file, EdfHeader header, double[] onsets) {
        double duration = header.recordDurationSeconds();
        for (int r = 1; r < onsets.length; r++) {
            if (header.isContinuous()) {
                double expected = onsets[0] + r * duration;
                if (Math.abs(onsets[r] - expected) > TIME_TOLERANCE) {
                    throw new DatasetException(file, "EDF+C, but record " + r + " starts at " + onsets[r]
                            + " s instead of " + expected + " s");
                }
            } else if (onsets[r] < onsets[r - 1] + duration - TIME_TOLERANCE) {
                throw new DatasetException(file, "EDF+D record " + r + " starts at " + onsets[r] + " s, before record "
                        + (r - 1) + " (at " + onsets[r - 1] + " s, " + duration + " s long) ends");
            }
        }
    }

    private static byte[] readAll(Path file) {
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new DatasetException(file, "is " + size + " bytes; this reader holds files of up to 2 GiB");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "no such file");
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + e, e);
        }
    }

    private static byte[] readUpTo(SeekableByteChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading until full or end of file
        }
        byte[] out = new byte[buffer.position()];
        buffer.flip();
        buffer.get(out);
        return out;
    }
}
