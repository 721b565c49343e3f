package org.strnn.nn.io;

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
        String dict = new NpyHeader(a.dtype().descr(), false, a.shape()).format();
        int version = 1;
        int prefix = MAGIC.length + 2 + 2;
        int total = padded(prefix + dict.length() + 1);
        if (total - prefix > 0xffff) {
            version = 2;
            prefix = MAGIC.length + 2 + 4;
            total = padded(prefix + dict.length() + 1);
        }
        int headerLen = total - prefix;
        long dataBytes = (long) a.size() * a.dtype().itemSize();
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
            case INT64 -> {
                for (long l : a.longData()) {
                    buf.putLong(l);
                }
            }
            case INT32 -> {
                for (long l : a.longData()) {
                    buf.putInt((int) l);
                }
            }
        }
        return buf.array();
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
                    + "' (supported: little-endian float64 '<f8', int64 '<i8', int32 '<i4')");
        }
        int[] shape = h.shape();
        int n = (int) NpyArray.sizeOf(shape);
        long need = (long) n * dtype.itemSize();
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
        if (dtype == NpyArray.DType.FLOAT64) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[order == null ? i : order[i]] = buf.getDouble();
            }
            return NpyArray.wrap(name, shape, dtype, d, null);
        }
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[order == null ? i : order[i]] = dtype == NpyArray.DType.INT64 ? buf.getLong() : buf.getInt();
        }
        return NpyArray.wrap(name, shape, dtype, null, l);
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
