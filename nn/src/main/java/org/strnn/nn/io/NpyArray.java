package org.strnn.nn.io;

import java.util.Arrays;
import java.util.Objects;
import org.strnn.autograd.Tensor;

/**
 * A named n-dimensional array as stored in a {@code .npy} file: a shape, a dtype and the values in
 * C (row-major) order. Float64 arrays hold {@code double}s, integer arrays {@code long}s. The
 * values are copied in and out, so an array cannot change after it is made.
 */
public final class NpyArray {

    /** The element types we read and write, all little-endian. */
    public enum DType {
        /** {@code <f8}: IEEE 754 double. */
        FLOAT64("<f8", 8),
        /** {@code <i8}: signed 64-bit integer. */
        INT64("<i8", 8),
        /** {@code <i4}: signed 32-bit integer. */
        INT32("<i4", 4);

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

        /** The type for a NumPy type string, or null if we do not support it. */
        public static DType ofDescr(String descr) {
            for (DType t : values()) {
                if (t.descr.equals(descr)) {
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

    private NpyArray(String name, int[] shape, DType dtype, double[] doubles, long[] longs) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.dtype = dtype;
        this.doubles = doubles;
        this.longs = longs;
        long n = sizeOf(this.shape);
        int have = doubles != null ? doubles.length : longs.length;
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

    /**
     * A tensor's value as float64: shape {@code (cols,)} for a {@code 1 x n} tensor (a vector), else
     * {@code (rows, cols)}. This is how model files store parameters.
     */
    public static NpyArray ofTensor(String name, Tensor t) {
        int[] shape = t.rows() == 1 ? new int[] {t.cols()} : new int[] {t.rows(), t.cols()};
        return ofDoubles(name, shape, t.data());
    }

    /** Built by the reader, which owns the fresh array. */
    static NpyArray wrap(String name, int[] shape, DType dtype, double[] doubles, long[] longs) {
        return new NpyArray(name, shape, dtype, doubles, longs);
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
        return doubles != null ? doubles.length : longs.length;
    }

    public DType dtype() {
        return dtype;
    }

    /** The values as doubles in C order (a copy); integers must be exactly representable (|v| <= 2^53). */
    public double[] toDoubles() {
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

    /** The value of a rank-1 or rank-2 float64 array as a constant tensor (a vector as 1 x n). */
    public Tensor toTensor() {
        return switch (shape.length) {
            case 1 -> Tensor.constant(1, shape[0], toDoubles());
            case 2 -> Tensor.constant(shape[0], shape[1], toDoubles());
            default -> throw new IllegalArgumentException("array " + name + " has rank " + shape.length
                    + "; only rank 1 or 2 converts to a tensor");
        };
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
        return name + " " + dtype.descr() + " " + shapeString(shape);
    }

    /** Same name, dtype, shape and bit-identical values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && name.equals(a.name) && dtype == a.dtype && Arrays.equals(shape, a.shape)
                && Arrays.equals(doubles, a.doubles) && Arrays.equals(longs, a.longs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(doubles), Arrays.hashCode(longs));
    }

    /** The live values, for the writer. */
    double[] doubleData() {
        return doubles;
    }

    long[] longData() {
        return longs;
    }
}
