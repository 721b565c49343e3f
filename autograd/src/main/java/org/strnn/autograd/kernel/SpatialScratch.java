package org.strnn.autograd.kernel;

/** Scratch for {@link SpatialForward#rows}: one per thread; allocates nothing once made. */
public final class SpatialScratch {
    /** The hidden state of every vertex of the current row, hp wide. */
    final double[][] hv;
    /** [p_v, x_v, 1]: the multipliers of the rows of {@link SpatialWeights#inT}. */
    final double[] s;
    /** S^T of the current row, K rows of hp. */
    final double[][] st;

    public SpatialScratch(SpatialWeights wt) {
        hv = new double[wt.n][wt.hp];
        s = new double[wt.h + wt.d + 1];
        s[wt.h + wt.d] = 1.0;
        st = new double[wt.k][wt.hp];
    }
}
