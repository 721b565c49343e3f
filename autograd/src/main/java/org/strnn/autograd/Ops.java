package org.strnn.autograd;

import java.util.List;
import org.strnn.autograd.types.Activation;
import org.strnn.autograd.types.Dag;

/**
 * Every differentiable op, in one place. Values are rank-2 with the batch along rows. Each op
 * checks shapes first and throws {@link IllegalArgumentException} naming the op and the shapes.
 * The math of each op's backward sits beside its forward in the class named after its family.
 */
public final class Ops {

    private Ops() {
    }

    // ------------------------------------------------------------ elementwise arithmetic

    /** {@code a + b}, same shapes. */
    public static Tensor add(Tensor a, Tensor b) {
        return Arithmetic.add(a, b);
    }

    /** {@code a - b}, same shapes. */
    public static Tensor sub(Tensor a, Tensor b) {
        return Arithmetic.sub(a, b);
    }

    /** Elementwise {@code a * b}, same shapes. */
    public static Tensor mul(Tensor a, Tensor b) {
        return Arithmetic.mul(a, b);
    }

    /** Elementwise {@code a / b}, same shapes. */
    public static Tensor div(Tensor a, Tensor b) {
        return Arithmetic.div(a, b);
    }

    /** {@code c * a} for a constant {@code c}. */
    public static Tensor scale(Tensor a, double c) {
        return Arithmetic.scale(a, c);
    }

    /** {@code -a}. */
    public static Tensor neg(Tensor a) {
        return Arithmetic.scale(a, -1.0);
    }

    /** {@code a + c} elementwise for a constant {@code c}. */
    public static Tensor addScalar(Tensor a, double c) {
        return Arithmetic.addScalar(a, c);
    }

    /** {@code x + b}: adds the 1 x c row {@code b} (a bias) to every row of the r x c matrix {@code x}. */
    public static Tensor addRow(Tensor x, Tensor b) {
        return Arithmetic.addRow(x, b);
    }

    // ------------------------------------------------------------ products

    /** {@code A B}: (m x k)(k x n). */
    public static Tensor matmul(Tensor a, Tensor b) {
        return MatMul.matmul(a, b);
    }

    /** {@code A^T B}: A is k x m, B is k x n. */
    public static Tensor matmulTransA(Tensor a, Tensor b) {
        return MatMul.matmulTransA(a, b);
    }

    /** {@code A B^T}: A is m x k, B is n x k. A linear layer is {@code matmulTransB(x, W)}. */
    public static Tensor matmulTransB(Tensor a, Tensor b) {
        return MatMul.matmulTransB(a, b);
    }

    // ------------------------------------------------------------ reductions

    /** Sum of all elements, 1x1. */
    public static Tensor sum(Tensor x) {
        return Reductions.sum(x, 1.0, "sum");
    }

    /** Mean of all elements, 1x1. */
    public static Tensor mean(Tensor x) {
        ShapeCheck.require(x.size() > 0, "mean", "needs at least one element, got " + x.shape());
        return Reductions.sum(x, 1.0 / x.size(), "mean");
    }

    /** Sum of each row: r x c to r x 1. */
    public static Tensor sumRows(Tensor x) {
        return Reductions.sumRows(x, 1.0, "sumRows");
    }

    /** Mean of each row: r x c to r x 1. */
    public static Tensor meanRows(Tensor x) {
        ShapeCheck.require(x.cols() > 0, "meanRows", "needs at least one column, got " + x.shape());
        return Reductions.sumRows(x, 1.0 / x.cols(), "meanRows");
    }

    /** Sum of each column: r x c to 1 x c. */
    public static Tensor sumCols(Tensor x) {
        return Reductions.sumCols(x, 1.0, "sumCols");
    }

    /** Mean of each column: r x c to 1 x c. */
    public static Tensor meanCols(Tensor x) {
        ShapeCheck.require(x.rows() > 0, "meanCols", "needs at least one row, got " + x.shape());
        return Reductions.sumCols(x, 1.0 / x.rows(), "meanCols");
    }

    /** {@code sum |x|}, 1x1: the L1 norm of all elements, with {@code d|x|/dx (0) = 0}. */
    public static Tensor l1(Tensor x) {
        return sum(abs(x));
    }

    // ------------------------------------------------------------ elementwise functions

    /** {@code max(x, 0)}, with {@code relu'(0) = 0}. */
    public static Tensor relu(Tensor x) {
        return Activations.relu(x);
    }

    public static Tensor tanh(Tensor x) {
        return Activations.tanh(x);
    }

    /** The logistic function {@code 1 / (1 + e^-x)}. */
    public static Tensor sigmoid(Tensor x) {
        return Activations.sigmoid(x);
    }

    public static Tensor exp(Tensor x) {
        return Activations.exp(x);
    }

    /** Natural logarithm. */
    public static Tensor log(Tensor x) {
        return Activations.log(x);
    }

    /** {@code |x|}, with {@code abs'(0) = 0}. */
    public static Tensor abs(Tensor x) {
        return Activations.abs(x);
    }

    /** {@code x^2}. */
    public static Tensor square(Tensor x) {
        return Activations.square(x);
    }

    /** {@code act(x)} for a recurrence {@link Activation}. */
    public static Tensor activate(Tensor x, Activation act) {
        return act == Activation.RELU ? relu(x) : tanh(x);
    }

    // ------------------------------------------------------------ softmax and loss

    /** Row-wise softmax, computed after subtracting each row's maximum. */
    public static Tensor softmax(Tensor x) {
        return Softmax.softmax(x);
    }

    /** Row-wise {@code x - logsumexp(x)}. */
    public static Tensor logSoftmax(Tensor x) {
        return Softmax.logSoftmax(x);
    }

    /**
     * Mean cross-entropy of row-wise softmax against integer labels, fused and stable:
     * {@code (1/r) sum_i (logsumexp(x_i) - x_i[y_i])}, 1x1.
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, int[] labels) {
        return Softmax.crossEntropy(logits, labels);
    }

    // ------------------------------------------------------------ moving values

    /** Rows {@code [from, from+count)}. */
    public static Tensor sliceRows(Tensor x, int from, int count) {
        return Shapes.sliceRows(x, from, count);
    }

    /** Columns {@code [from, from+count)}. */
    public static Tensor sliceCols(Tensor x, int from, int count) {
        return Shapes.sliceCols(x, from, count);
    }

    /** Stacks tensors with equal column counts top to bottom. */
    public static Tensor concatRows(List<Tensor> parts) {
        return Shapes.concatRows(parts);
    }

    /** Places tensors with equal row counts side by side. */
    public static Tensor concatCols(List<Tensor> parts) {
        return Shapes.concatCols(parts);
    }

    public static Tensor transpose(Tensor x) {
        return Shapes.transpose(x);
    }

    /** The same row-major values seen as {@code rows x cols}. */
    public static Tensor reshape(Tensor x, int rows, int cols) {
        return Shapes.reshape(x, rows, cols);
    }

    // ------------------------------------------------------------ structural ops of STRNN

    /**
     * Projects each row's blocks with a mixing matrix (STRNN's sparse projections). Row {@code g}
     * of {@code x} (rows x n*w) holds n blocks of w values, {@code X_g} (n x w); with {@code m}
     * (n x K) the result row is the row-major vec of {@code X_g^T m} (w x K):
     * {@code y[g, j*K + k] = sum_v x[g, v*w + j] m[v, k]}.
     */
    public static Tensor mixBlocks(Tensor x, Tensor m, int blockWidth) {
        return MixBlocks.apply(x, m, blockWidth);
    }

    /**
     * One direction of STRNN's spatial layer, fused: for every row (slice) of {@code x}
     * (rows x n*d, vertex v's features in columns {@code v*d .. v*d+d-1}), the recurrence
     * {@code h_v = act(U x_v + W sum_{u in pred(v)} h_u + b)} over the DAG, then the projection
     * {@code S = [h_1 ... h_n] G} (h x K); the result row is the row-major vec of S.
     * {@code u} is h x d, {@code w} is h x h, {@code b} is 1 x h, {@code g} is n x K.
     */
    public static Tensor spatialRecurrence(Tensor x, Tensor u, Tensor w, Tensor b, Tensor g, Dag dag,
                                           Activation act) {
        return SpatialRecurrence.apply(x, u, w, b, g, dag, act);
    }
}
