package org.strnn.formats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes one array in NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0):
 * <pre>
 *   \x93NUMPY  major minor  header_len (uint16 LE in 1.0; uint32 LE in 2.0 and 3.0)
 *   header: a dict literal, padded with spaces and ended by '\n' so that the data start at a
 *           multiple of 64 bytes
 *   data:   the elements, little-endian, in C order (or Fortran order if the header says so)
 * </pre>
 * We write version 1.0 (2.0 only for a header over 65535 bytes) in C order. We read C and Fortran
 * order and return C order. The dtypes are those of {@link NpyArray.DType}.
 */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;

    private Npy() {
    }

    static byte[] encode(NpyArray a) {
        String dict = new NpyHeader(a.descr(), false, a.shape()).format();
        int version = 1;
        int prefix = MAGIC.length + 2 + 2;
        int total = padded(prefix + dict.length() + 1);
        if (total - prefix > 0xffff) {
            version = 2;
            prefix = MAGIC.length + 2 + 4;
            total = padded(prefix + dict.length() + 1);
        }
        int headerLen = total - prefix;
        long dataBytes = (long) a.size() * itemBytes(a.dtype(), a.width());
        if (total + dataBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("array " + a.name() + " is too large for one .npy member");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (total + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            buf.putShort((short) headerLen);
        } else {
            buf.putInt(headerLen);
        }
        String header = dict + " ".repeat(headerLen - dict.length() - 1) + "\n";
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        switch (a.dtype()) {
            case FLOAT64 -> {
                for (double d : a.doubleData()) {
                    buf.putDouble(d);
                }
            }
            case FLOAT32 -> {
                for (double d : a.doubleData()) {
                    buf.putFloat((float) d);
                }
            }
            case UNICODE, BYTES -> {
                for (String str : a.stringData()) {
                    int[] cps = str.codePoints().toArray();
                    for (int i = 0; i < a.width(); i++) {
                        int cp = i < cps.length ? cps[i] : 0;
                        if (a.dtype() == NpyArray.DType.UNICODE) {
                            buf.putInt(cp);
                        } else {
                            buf.put((byte) cp);
                        }
                    }
                }
            }
            default -> {
                for (long l : a.longData()) {
                    switch (a.dtype().itemSize()) {
                        case 1 -> buf.put((byte) l);
                        case 2 -> buf.putShort((short) l);
                        case 4 -> buf.putInt((int) l);
                        default -> buf.putLong(l);
                    }
                }
            }
        }
        return buf.array();
    }

    private static long itemBytes(NpyArray.DType dtype, int width) {
        return dtype.isText() ? (long) dtype.itemSize() * width : dtype.itemSize();
    }

    private static int padded(int n) {
        return (n + ALIGN - 1) / ALIGN * ALIGN;
    }

    /**
     * Decodes a whole {@code .npy} member.
     *
     * @throws IllegalArgumentException saying what is wrong (bad magic, version, header, dtype, or
     *     a data length that does not match the shape)
     */
    static NpyArray decode(String name, byte[] bytes) {
        if (bytes.length < MAGIC.length + 4) {
            throw new IllegalArgumentException("too short for a .npy header (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException("not a .npy array (bad magic bytes)");
            }
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6] & 0xff;
        int minor = bytes[7] & 0xff;
        long headerLen;
        int prefix;
        if (major == 1 && minor == 0) {
            headerLen = buf.getShort(8) & 0xffff;
            prefix = 10;
        } else if ((major == 2 || major == 3) && minor == 0) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException("too short for a .npy " + major + ".0 header");
            }
            headerLen = buf.getInt(8) & 0xffffffffL;
            prefix = 12;
        } else {
            throw new IllegalArgumentException("unsupported .npy version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        if (prefix + headerLen > bytes.length) {
            throw new IllegalArgumentException("truncated: the header needs " + (prefix + headerLen) + " bytes, the member has "
                    + bytes.length);
        }
        int dataStart = (int) (prefix + headerLen);
        String text = new String(bytes, prefix, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(text);
        NpyArray.DType dtype = NpyArray.DType.ofDescr(h.descr());
        if (dtype == null) {
            throw new IllegalArgumentException("unsupported dtype '" + h.descr()
                    + "' (supported: little-endian float64, float32, signed and unsigned integers, and text '<U', '|S')");
        }
        int width = dtype.isText() ? Integer.parseInt(h.descr().substring(2)) : 0;
        int[] shape = h.shape();
        int n = (int) NpyArray.sizeOf(shape);
        long need = (long) n * itemBytes(dtype, width);
        long have = bytes.length - dataStart;
        if (have < need) {
            throw new IllegalArgumentException("truncated: shape " + NpyArray.shapeString(shape) + " of " + h.descr()
                    + " needs " + need + " data bytes, the member has " + have);
        }
        if (have > need) {
            throw new IllegalArgumentException((have - need) + " unexpected bytes after the data of shape "
                    + NpyArray.shapeString(shape));
        }
        buf.position(dataStart);
        int[] order = h.fortranOrder() ? fortranToC(shape) : null;
        if (dtype.isFloat()) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[order == null ? i : order[i]] = dtype == NpyArray.DType.FLOAT64 ? buf.getDouble() : buf.getFloat();
            }
            return NpyArray.wrap(name, shape, dtype, d, null);
        }
        if (dtype.isText()) {
            String[] s = new String[n];
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < width; c++) {
                    int cp = dtype == NpyArray.DType.UNICODE ? buf.getInt() : buf.get() & 0xFF;
                    if (cp != 0) {
                        if (!Character.isValidCodePoint(cp)) {
                            throw new IllegalArgumentException("text element " + i + " holds an invalid code point " + cp);
                        }
                        sb.appendCodePoint(cp);
                    }
                }
                s[order == null ? i : order[i]] = sb.toString();
            }
            return NpyArray.wrapStrings(name, shape, dtype, s, width);
        }
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[order == null ? i : order[i]] = integer(buf, dtype, i);
        }
        return NpyArray.wrap(name, shape, dtype, null, l);
    }

    private static long integer(ByteBuffer buf, NpyArray.DType dtype, int i) {
        return switch (dtype) {
            case INT8 -> buf.get();
            case UINT8 -> buf.get() & 0xFFL;
            case INT16 -> buf.getShort();
            case UINT16 -> buf.getShort() & 0xFFFFL;
            case INT32 -> buf.getInt();
            case UINT32 -> buf.getInt() & 0xFFFFFFFFL;
            case UINT64 -> {
                long v = buf.getLong();
                if (v < 0) {
                    throw new IllegalArgumentException("uint64 element " + i + " is above 2^63 - 1");
                }
                yield v;
            }
            default -> buf.getLong();
        };
    }

    /** For each position in Fortran (column-major) order, the C (row-major) index of that element. */
    private static int[] fortranToC(int[] shape) {
        int n = (int) NpyArray.sizeOf(shape);
        int rank = shape.length;
        int[] cStride = new int[rank];
        int s = 1;
        for (int k = rank - 1; k >= 0; k--) {
            cStride[k] = s;
            s *= shape[k];
        }
        int[] out = new int[n];
        int[] idx = new int[rank];
        for (int f = 0; f < n; f++) {
            int c = 0;
            for (int k = 0; k < rank; k++) {
                c += idx[k] * cStride[k];
            }
            out[f] = c;
            // the first index varies fastest in Fortran order
            for (int k = 0; k < rank; k++) {
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return out;
    }
}
