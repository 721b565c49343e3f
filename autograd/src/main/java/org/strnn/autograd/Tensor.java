package org.strnn.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A node of the computation graph: a rank-2 double value (batch along rows), a lazily allocated
 * gradient of the same shape, its ordered parents, and an op label.
 *
 * <p>Leaves are made with {@link #constant} (no gradient) or {@link #variable} (gradient wanted).
 * Every op in {@link Ops} returns a derived tensor that remembers how to push its gradient back to
 * its parents, unless gradient recording is off ({@link Grad#disabled()}) or no parent wants a
 * gradient, in which case nothing is recorded.
 *
 * <p>{@link #backward()} adds {@code d(this)/d(leaf)} into every reachable leaf's gradient.
 * Gradients accumulate until {@link #zeroGrad()}.
 *
 * <p>A tensor's shape never changes. {@link #data()} and {@link #gradData()} expose the live
 * row-major storage for optimisers and loaders; everything else reads through accessors.
 */
public final class Tensor {

    private static final Tensor[] NO_PARENTS = new Tensor[0];

    final DMatrixRMaj value;
    private DMatrixRMaj grad;
    private final Tensor[] parents;
    private final String op;
    private final Backward backward;
    private final boolean requiresGrad;

    private Tensor(DMatrixRMaj value, String op, Tensor[] parents, Backward backward, boolean requiresGrad) {
        this.value = value;
        this.op = op;
        this.parents = parents;
        this.backward = backward;
        this.requiresGrad = requiresGrad;
    }

    // ---------------------------------------------------------------- leaves

    /** A leaf that takes no gradient, wrapping {@code value} (not copied). */
    public static Tensor constant(DMatrixRMaj value) {
        return new Tensor(checkedValue(value), "constant", NO_PARENTS, null, false);
    }

    /** A leaf that takes no gradient, from row-major {@code data} (copied). */
    public static Tensor constant(int rows, int cols, double... data) {
        return constant(matrix(rows, cols, data));
    }

    /** A leaf that takes no gradient, from rows of equal length (copied). */
    public static Tensor constant(double[][] rows) {
        return constant(new DMatrixRMaj(rows));
    }

    /** A leaf whose gradient {@link #backward()} computes, labelled {@code name}, wrapping {@code value}. */
    public static Tensor variable(String name, DMatrixRMaj value) {
        return new Tensor(checkedValue(value), Objects.requireNonNull(name, "name"), NO_PARENTS, null, true);
    }

    /** A gradient-taking leaf from row-major {@code data} (copied). */
    public static Tensor variable(String name, int rows, int cols, double... data) {
        return variable(name, matrix(rows, cols, data));
    }

    /** A gradient-taking leaf from rows of equal length (copied). */
    public static Tensor variable(String name, double[][] rows) {
        return variable(name, new DMatrixRMaj(rows));
    }

    /** A {@code rows x cols} constant of zeros. */
    public static Tensor zeros(int rows, int cols) {
        return constant(new DMatrixRMaj(rows, cols));
    }

    /** A 1x1 constant. */
    public static Tensor scalar(double x) {
        return constant(1, 1, x);
    }

    private static DMatrixRMaj matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        }
        if (data.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " tensor needs " + rows * cols
                    + " values, got " + data.length);
        }
        return new DMatrixRMaj(rows, cols, true, data);
    }

    private static DMatrixRMaj checkedValue(DMatrixRMaj value) {
        Objects.requireNonNull(value, "value");
        if (value.data.length != value.numRows * value.numCols) {
            // Our storage invariants (data(), kernels) assume an exactly sized array.
            DMatrixRMaj exact = new DMatrixRMaj(value.numRows, value.numCols);
            System.arraycopy(value.data, 0, exact.data, 0, exact.data.length);
            return exact;
        }
        return value;
    }

    // ---------------------------------------------------------------- derived

    /**
     * Records an op's result. This is the extension point for new ops: compute {@code value}
     * from the parents' values, then pass a {@link Backward} that adds each parent's share of the
     * upstream gradient into {@link #gradBuffer()} of that parent.
     *
     * <p>When recording is off, or no parent requires a gradient, the result is a constant and
     * {@code backward} is dropped. Anomaly mode ({@link Anomaly}) checks {@code value} here.
     */
    public static Tensor derived(String op, DMatrixRMaj value, Backward backward, Tensor... parents) {
        Objects.requireNonNull(op, "op");
        Anomaly.checkForward(op, value);
        boolean wants = false;
        if (Grad.isEnabled()) {
            for (Tensor p : parents) {
                wants |= p.requiresGrad;
            }
        }
        if (!wants) {
            return new Tensor(value, op, NO_PARENTS, null, false);
        }
        return new Tensor(value, op, parents.clone(), Objects.requireNonNull(backward, "backward"), true);
    }

    // ---------------------------------------------------------------- shape and values

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    /** Number of elements, {@code rows * cols}. */
    public int size() {
        return value.numRows * value.numCols;
    }

    /** {@code "3x4"}. */
    public String shape() {
        return value.numRows + "x" + value.numCols;
    }

    public double get(int row, int col) {
        return value.get(row, col);
    }

    /** The value of a 1x1 tensor. */
    public double item() {
        if (size() != 1) {
            throw new IllegalArgumentException("item() needs a 1x1 tensor, this is " + shape() + " (" + op + ")");
        }
        return value.data[0];
    }

    /**
     * The live row-major storage of the value ({@code rows*cols} doubles). Writing to it changes
     * this tensor, which is what optimisers and model loaders do; it invalidates any graph built
     * from the old value.
     */
    public double[] data() {
        return value.data;
    }

    /** A copy of the value. */
    public DMatrixRMaj copyValue() {
        return value.copy();
    }

    /** The value as rows. */
    public double[][] toArray() {
        double[][] out = new double[rows()][cols()];
        for (int r = 0; r < rows(); r++) {
            System.arraycopy(value.data, r * cols(), out[r], 0, cols());
        }
        return out;
    }

    // ---------------------------------------------------------------- graph

    /** The op that made this tensor, or the name of a leaf variable, or {@code "constant"}. */
    public String op() {
        return op;
    }

    /** True for leaves (variables and constants). */
    public boolean isLeaf() {
        return backward == null;
    }

    /** True when gradients flow into or through this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The inputs of the op that made this tensor, in order (empty for leaves). */
    public List<Tensor> parents() {
        return List.of(parents);
    }

    Tensor[] parentArray() {
        return parents;
    }

    Backward backwardFunction() {
        return backward;
    }

    // ---------------------------------------------------------------- gradient

    /**
     * True once some backward pass has written a gradient here. Only leaves keep a gradient after
     * a backward pass; those of intermediate tensors are released as the sweep goes.
     */
    public boolean hasGrad() {
        return grad != null;
    }

    /**
     * The live gradient buffer, allocated as zeros on first use. Backward functions of ops add to
     * it (never overwrite: fan-out relies on accumulation).
     */
    public DMatrixRMaj gradBuffer() {
        if (grad == null) {
            grad = new DMatrixRMaj(value.numRows, value.numCols);
        }
        return grad;
    }

    /** The live row-major gradient storage, allocated as zeros on first use. */
    public double[] gradData() {
        return gradBuffer().data;
    }

    /** A copy of the gradient, zeros if none has been computed. */
    public DMatrixRMaj copyGrad() {
        return grad == null ? new DMatrixRMaj(rows(), cols()) : grad.copy();
    }

    /** The gradient element, 0 if none has been computed. */
    public double grad(int row, int col) {
        return grad == null ? 0.0 : grad.get(row, col);
    }

    /** Sets the gradient to zero (keeps the buffer). */
    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad.data, 0.0);
        }
    }

    void releaseGrad() {
        grad = null;
    }

    /** Backpropagates from a 1x1 tensor, seeding its gradient with 1. */
    public void backward() {
        if (size() != 1) {
            throw new IllegalArgumentException("backward() without an upstream gradient needs a 1x1 tensor, this is "
                    + shape() + " (" + op + "); pass an upstream gradient of that shape");
        }
        backward(new DMatrixRMaj(1, 1, true, 1.0));
    }

    /**
     * Backpropagates {@code upstream} (same shape as this tensor): every reachable tensor that
     * requires a gradient gets {@code J^T upstream} added to its gradient. Iterative, so a graph
     * of any depth is safe.
     */
    public void backward(DMatrixRMaj upstream) {
        if (upstream.numRows != rows() || upstream.numCols != cols()) {
            throw new IllegalArgumentException("backward: upstream gradient is " + upstream.numRows + "x"
                    + upstream.numCols + " but " + op + " is " + shape());
        }
        if (!requiresGrad) {
            throw new IllegalStateException("backward: " + op + " does not require a gradient (no variable "
                    + "reaches it, or it was computed with gradient recording off)");
        }
        Backprop.run(this, upstream);
    }

    @Override
    public String toString() {
        return "Tensor(" + op + ", " + shape() + ")";
    }

    /** Adds {@code g} into the gradient of {@code t} if it takes one: the common step of backward functions. */
    static void accumulate(Tensor t, DMatrixRMaj g) {
        if (t.requiresGrad) {
            double[] dst = t.gradBuffer().data;
            double[] src = g.data;
            for (int i = 0; i < dst.length; i++) {
                dst[i] += src[i];
            }
        }
    }
}
