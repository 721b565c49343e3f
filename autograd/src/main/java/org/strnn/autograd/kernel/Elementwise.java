package org.strnn.autograd.kernel;

import org.strnn.autograd.types.Activation;

/**
 * Elementwise kernels on row-major {@code double[]} storage with offsets: the forward passes of
 * the graph ops {@code add}, {@code addRow}, {@code relu}, {@code tanh} and {@code concatCols},
 * and the same steps of allocation-free inference, so both compute the same bits.
 */
public final class Elementwise {

    private Elementwise() {
    }

    /** {@code out[i] = a[i] + b[i]} for n values from the given offsets. */
    public static void add(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] + b[bOff + i];
        }
    }

    /** {@code out[i, j] = x[i, j] + row[j]}: adds a bias row to each of {@code rows} rows of {@code cols}. */
    public static void addRow(double[] x, int xOff, double[] row, double[] out, int outOff, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[outOff + i * cols + j] = x[xOff + i * cols + j] + row[j];
            }
        }
    }

    /** {@code out[i] = act(x[i])} for n values ({@link Activation#apply}: relu'(0) = 0, relu keeps no NaN). */
    public static void activate(Activation act, double[] x, int xOff, double[] out, int outOff, int n) {
        if (act == Activation.RELU) {
            for (int i = 0; i < n; i++) {
                double v = x[xOff + i];
                out[outOff + i] = v > 0 ? v : 0.0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[outOff + i] = act.apply(x[xOff + i]);
            }
        }
    }

    /**
     * Copies a {@code rows x cols} matrix into columns {@code [at, at + cols)} of a
     * {@code rows x width} matrix: one part of a column concatenation.
     */
    public static void placeColumns(double[] src, int rows, int cols, double[] dst, int width, int at) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(src, i * cols, dst, i * width + at, cols);
        }
    }

    /** Writes the softmax of each row of {@code x} (r x c) into {@code y}, subtracting the row max first. */
    public static void softmaxRows(double[] x, double[] y, int r, int c) {
        for (int i = 0; i < r; i++) {
            int o = i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, x[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                double e = Math.exp(x[o + j] - max);
                y[o + j] = e;
                sum += e;
            }
            for (int j = 0; j < c; j++) {
                y[o + j] /= sum;
            }
        }
    }
}
