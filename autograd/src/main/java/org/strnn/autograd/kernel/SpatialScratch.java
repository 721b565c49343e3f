package org.strnn.autograd.kernel;

/**
 * The working memory of {@link SpatialForward#rows} for a block of up to {@link #capacity()}
 * slices, vertex-major: after a call it holds the hidden states of the block's last slices, which
 * {@link SpatialBackward#rows} reads. One per thread (or per kept block); allocates nothing once
 * made.
 */
public final class SpatialScratch {
    /** {@code hv[v][i]}: the hidden state of vertex v in slice i of the block, hp wide. */
    final double[][][] hv;
    /**
     * {@code s[i] = [p_v, x_v, 1]} of slice i for the current vertex: the multipliers of the rows
     * of {@link SpatialWeights#inT}.
     */
    final double[][] s;
    /** S^T of the current slice, K rows of hp. */
    final double[][] st;
    /** The rows of one slice, gathered from {@link #hv}: {@code column[v] = hv[v][i]}. */
    final double[][] column;

    /** Room for blocks of up to {@code capacity} slices (at least 1). */
    public SpatialScratch(SpatialWeights wt, int capacity) {
        int cap = Math.max(1, capacity);
        hv = new double[wt.n][cap][wt.hp];
        s = new double[cap][wt.h + wt.d + 1];
        for (double[] row : s) {
            row[wt.h + wt.d] = 1.0;
        }
        st = new double[wt.k][wt.hp];
        column = new double[wt.n][];
    }

    /** The most slices one call handles at a time. */
    public int capacity() {
        return s.length;
    }
}
