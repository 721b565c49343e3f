package org.strnn.nn;

import java.util.random.RandomGenerator;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;

/**
 * The gated recurrent unit (Cho et al. 2014) in PyTorch's formulation, batched along rows:
 * <pre>
 *   r   = sigmoid(x Wx_r^T + bx_r + h Wh_r^T + bh_r)          reset gate
 *   z   = sigmoid(x Wx_z^T + bx_z + h Wh_z^T + bh_z)          update gate
 *   n   = tanh(x Wx_n^T + bx_n + r * (h Wh_n^T + bh_n))       candidate
 *   h'  = (1 - z) * n + z * h  =  n + z * (h - n)
 * </pre>
 * ({@code *} is elementwise). Parameters, in order, stacked by gate in the order r, z, n, exactly
 * like PyTorch's {@code GRUCell} (so weights can be exchanged with it): {@code Wx} (3H x in),
 * {@code Wh} (3H x H), {@code bx} (1 x 3H), {@code bh} (1 x 3H). By default every value is drawn
 * from {@code U(-1/sqrt(H), 1/sqrt(H))}, PyTorch's default, in that order.
 */
public final class GruCell extends RecurrentCell {

    private final int hidden;
    private final Tensor wx;
    private final Tensor wh;
    private final Tensor bx;
    private final Tensor bh;

    /** PyTorch's default initialisation. */
    public GruCell(int inputSize, int hiddenSize, RandomGenerator rng) {
        this(inputSize, hiddenSize, defaultInit(hiddenSize), defaultInit(hiddenSize), rng);
    }

    public GruCell(int inputSize, int hiddenSize, Init weightInit, Init biasInit, RandomGenerator rng) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("GruCell needs inputSize, hiddenSize >= 1, got " + inputSize + ", "
                    + hiddenSize);
        }
        this.hidden = hiddenSize;
        this.wx = parameter("Wx", 3 * hiddenSize, inputSize, weightInit, rng);
        this.wh = parameter("Wh", 3 * hiddenSize, hiddenSize, weightInit, rng);
        this.bx = parameter("bx", 1, 3 * hiddenSize, biasInit, rng);
        this.bh = parameter("bh", 1, 3 * hiddenSize, biasInit, rng);
    }

    static Init defaultInit(int hiddenSize) {
        return Inits.uniform(1.0 / Math.sqrt(hiddenSize));
    }

    @Override
    public int inputSize() {
        return wx.cols();
    }

    @Override
    public int hiddenSize() {
        return hidden;
    }

    @Override
    public State step(Tensor x, State prev) {
        checkStep(x, prev);
        int k = hidden;
        Tensor h = prev.h();
        Tensor gx = Ops.addRow(Ops.matmulTransB(x, wx), bx);
        Tensor gh = Ops.addRow(Ops.matmulTransB(h, wh), bh);
        Tensor r = Ops.sigmoid(Ops.add(Ops.sliceCols(gx, 0, k), Ops.sliceCols(gh, 0, k)));
        Tensor z = Ops.sigmoid(Ops.add(Ops.sliceCols(gx, k, k), Ops.sliceCols(gh, k, k)));
        Tensor n = Ops.tanh(Ops.add(Ops.sliceCols(gx, 2 * k, k), Ops.mul(r, Ops.sliceCols(gh, 2 * k, k))));
        return State.of(Ops.add(n, Ops.mul(z, Ops.sub(h, n))));
    }
}
