package org.strnn.formats;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named n-dimensional array as stored in a {@code .npy} file: a shape, a dtype and the values in
 * C (row-major) order. Float arrays hold {@code double}s (float32 widened exactly), integer arrays
 * {@code long}s, and text arrays ({@code <U}, {@code |S}) {@code String}s. The values are copied in
 * and out, so an array cannot change after it is made.
 */
public final class NpyArray {

    /** The element types we read and write, all little-endian. */
    public enum DType {
        /** {@code <f8}: IEEE 754 double. */
        FLOAT64("<f8", 8),
        /** {@code <i8}: signed 64-bit integer. */
        INT64("<i8", 8),
        /** {@code <i4}: signed 32-bit integer. */
        INT32("<i4", 4),
        /** {@code <f4}: IEEE 754 single, read as the double of the same value. */
        FLOAT32("<f4", 4),
        /** {@code |i1}: signed 8-bit integer. */
        INT8("|i1", 1),
        /** {@code |u1}: unsigned 8-bit integer. */
        UINT8("|u1", 1),
        /** {@code <i2}: signed 16-bit integer. */
        INT16("<i2", 2),
        /** {@code <u2}: unsigned 16-bit integer. */
        UINT16("<u2", 2),
        /** {@code <u4}: unsigned 32-bit integer. */
        UINT32("<u4", 4),
        /** {@code <u8}: unsigned 64-bit integer (values above 2^63 - 1 are refused). */
        UINT64("<u8", 8),
        /** {@code <U<width>}: fixed-width text, UTF-32LE code points, padded with zeros. */
        UNICODE("<U", 4),
        /** {@code |S<width>}: fixed-width byte strings (read as Latin-1), padded with zeros. */
        BYTES("|S", 1);

        private final String descr;
        private final int itemSize;

        DType(String descr, int itemSize) {
            this.descr = descr;
            this.itemSize = itemSize;
        }

        /** NumPy's type string, e.g. {@code <f8}. */
        public String descr() {
            return descr;
        }

        /** Bytes per element. */
        public int itemSize() {
            return itemSize;
        }

        /** Whether this is a text type, whose item width is given per array. */
        public boolean isText() {
            return this == UNICODE || this == BYTES;
        }

        /** Whether this is a floating-point type. */
        public boolean isFloat() {
            return this == FLOAT64 || this == FLOAT32;
        }

        /**
         * The type for a NumPy type string, or null if we do not support it. Text types carry a width
         * ({@code <U12}); single-byte types may be written with any byte-order mark ({@code <i1}).
         */
        public static DType ofDescr(String descr) {
            for (DType t : values()) {
                if (t.isText() ? descr.matches(java.util.regex.Pattern.quote(t.descr) + "\\d+")
                        : t.descr.equals(descr) || (t.itemSize == 1 && descr.length() == 3
                        && "<>=|".indexOf(descr.charAt(0)) >= 0 && descr.substring(1).equals(t.descr.substring(1)))) {
                    return t;
                }
            }
            return null;
        }
    }

    private final String name;
    private final int[] shape;
    private final DType dtype;
    private final double[] doubles;
    private final long[] longs;
    private final String[] strings;
    private final int width;

    private NpyArray(String name, int[] shape, DType dtype, double[] doubles, long[] longs) {
        this(name, shape, dtype, doubles, longs, null, 0);
    }

    private NpyArray(String name, int[] shape, DType dtype, double[] doubles, long[] longs, String[] strings,
            int width) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.dtype = dtype;
        this.doubles = doubles;
        this.longs = longs;
        this.strings = strings;
        this.width = width;
        long n = sizeOf(this.shape);
        int have = doubles != null ? doubles.length : longs != null ? longs.length : strings.length;
        if (n != have) {
            throw new IllegalArgumentException("array " + name + ": shape " + shapeString(this.shape) + " holds " + n
                    + " values, got " + have);
        }
    }

    /** A float64 array (values copied). */
    public static NpyArray ofDoubles(String name, int[] shape, double[] values) {
        return new NpyArray(name, shape, DType.FLOAT64, values.clone(), null);
    }

    /** An int64 array (values copied). */
    public static NpyArray ofLongs(String name, int[] shape, long[] values) {
        return new NpyArray(name, shape, DType.INT64, null, values.clone());
    }

    /** An int32 array. */
    public static NpyArray ofInts(String name, int[] shape, int[] values) {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = values[i];
        }
        return new NpyArray(name, shape, DType.INT32, null, l);
    }

    /** A text array ({@code <U}, as NumPy makes of a list of Python strings), as wide as its longest string. */
    public static NpyArray ofStrings(String name, int[] shape, String[] values) {
        int w = 1;
        for (String v : values) {
            w = Math.max(w, v.codePointCount(0, v.length()));
        }
        return new NpyArray(name, shape, DType.UNICODE, null, null, values.clone(), w);
    }

    /** Built by the reader, which owns the fresh array. */
    static NpyArray wrap(String name, int[] shape, DType dtype, double[] doubles, long[] longs) {
        return new NpyArray(name, shape, dtype, doubles, longs);
    }

    /** A text array built by the reader. */
    static NpyArray wrapStrings(String name, int[] shape, DType dtype, String[] strings, int width) {
        return new NpyArray(name, shape, dtype, null, null, strings, width);
    }

    /**
     * The number of elements of {@code shape}.
     *
     * @throws IllegalArgumentException for a negative dimension or more than
     *     {@code Integer.MAX_VALUE - 8} elements (the most a Java array holds)
     */
    static long sizeOf(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + shapeString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + shapeString(shape) + " has too many elements");
            }
        }
        return n;
    }

    public String name() {
        return name;
    }

    /** A copy of the shape; {@code {}} for a 0-d (scalar) array. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** The number of elements. */
    public int size() {
        return doubles != null ? doubles.length : longs != null ? longs.length : strings.length;
    }

    public DType dtype() {
        return dtype;
    }

    /** NumPy's type string of this array, with the width of a text type: {@code <f8}, {@code <U12}. */
    public String descr() {
        return dtype.isText() ? dtype.descr() + width : dtype.descr();
    }

    /** Characters (or bytes) per item of a text array; 0 otherwise. */
    int width() {
        return width;
    }

    /**
     * The values as text in C order (a copy): a text array's strings, or an integer array's numbers
     * ({@code "7"}). Float arrays are refused.
     */
    public String[] toStrings() {
        if (strings != null) {
            return strings.clone();
        }
        if (longs != null) {
            String[] out = new String[longs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Long.toString(longs[i]);
            }
            return out;
        }
        throw new IllegalArgumentException("array " + name + " holds numbers of type " + descr() + ", not text");
    }

    private void requireNumbers() {
        if (strings != null) {
            throw new IllegalArgumentException("array " + name + " holds text (" + descr() + "), not numbers");
        }
    }

    /** The values as doubles in C order (a copy); integers must be exactly representable (|v| <= 2^53). */
    public double[] toDoubles() {
        requireNumbers();
        if (doubles != null) {
            return doubles.clone();
        }
        double[] out = new double[longs.length];
        for (int i = 0; i < out.length; i++) {
            if (Math.abs(longs[i]) > (1L << 53)) {
                throw new IllegalArgumentException("array " + name + ": element " + i + " = " + longs[i]
                        + " is not exactly representable as a double");
            }
            out[i] = longs[i];
        }
        return out;
    }

    /**
     * The values as integers in C order (a copy). A float64 array is accepted when every value is
     * integral ({@code 2.0} but not {@code 2.5}), so labels saved as floats still read.
     */
    public long[] toLongs() {
        requireNumbers();
        if (longs != null) {
            return longs.clone();
        }
        long[] out = new long[doubles.length];
        for (int i = 0; i < out.length; i++) {
            double d = doubles[i];
            if (d != Math.rint(d) || Math.abs(d) > 0x1p62) {
                throw new IllegalArgumentException("array " + name + ": element " + i + " = " + d + " is not an integer");
            }
            out[i] = (long) d;
        }
        return out;
    }

    /** As {@link #toLongs()}, each value also within the range of {@code int} (class labels). */
    public int[] toInts() {
        long[] l = toLongs();
        int[] out = new int[l.length];
        for (int i = 0; i < out.length; i++) {
            if (l[i] < Integer.MIN_VALUE || l[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("array " + name + ": element " + i + " = " + l[i] + " does not fit an int");
            }
            out[i] = (int) l[i];
        }
        return out;
    }

    /** NumPy's notation: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    public static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** {@code name <f8 (2, 3)}. */
    @Override
    public String toString() {
        return name + " " + descr() + " " + shapeString(shape);
    }

    /** Same name, dtype, shape and bit-identical values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && name.equals(a.name) && dtype == a.dtype && Arrays.equals(shape, a.shape)
                && Arrays.equals(doubles, a.doubles) && Arrays.equals(longs, a.longs) && Arrays.equals(strings, a.strings)
                && width == a.width;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(doubles), Arrays.hashCode(longs),
                Arrays.hashCode(strings));
    }

    /** The live values, for the writer. */
    double[] doubleData() {
        return doubles;
    }

    long[] longData() {
        return longs;
    }

    String[] stringData() {
        return strings;
    }
}
