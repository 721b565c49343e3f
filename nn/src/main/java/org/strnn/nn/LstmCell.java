package org.strnn.nn;

import java.util.random.RandomGenerator;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;

/**
 * The long short-term memory cell (Hochreiter and Schmidhuber 1997, with a forget gate) in
 * PyTorch's formulation, batched along rows; with {@code a = x Wx^T + bx + h Wh^T + bh}
 * split into four blocks of H columns:
 * <pre>
 *   i = sigmoid(a_i)   f = sigmoid(a_f)   g = tanh(a_g)   o = sigmoid(a_o)
 *   c' = f * c + i * g
 *   h' = o * tanh(c')
 * </pre>
 * ({@code *} is elementwise). Parameters, in order, stacked by gate in the order i, f, g, o,
 * exactly like PyTorch's {@code LSTMCell}: {@code Wx} (4H x in), {@code Wh} (4H x H), {@code bx}
 * (1 x 4H), {@code bh} (1 x 4H). By default every value is drawn from
 * {@code U(-1/sqrt(H), 1/sqrt(H))}, PyTorch's default, in that order.
 */
public final class LstmCell extends RecurrentCell {

    private final int hidden;
    private final Tensor wx;
    private final Tensor wh;
    private final Tensor bx;
    private final Tensor bh;

    /** PyTorch's default initialisation. */
    public LstmCell(int inputSize, int hiddenSize, RandomGenerator rng) {
        this(inputSize, hiddenSize, GruCell.defaultInit(hiddenSize), GruCell.defaultInit(hiddenSize), rng);
    }

    public LstmCell(int inputSize, int hiddenSize, Init weightInit, Init biasInit, RandomGenerator rng) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("LstmCell needs inputSize, hiddenSize >= 1, got " + inputSize + ", "
                    + hiddenSize);
        }
        this.hidden = hiddenSize;
        this.wx = parameter("Wx", 4 * hiddenSize, inputSize, weightInit, rng);
        this.wh = parameter("Wh", 4 * hiddenSize, hiddenSize, weightInit, rng);
        this.bx = parameter("bx", 1, 4 * hiddenSize, biasInit, rng);
        this.bh = parameter("bh", 1, 4 * hiddenSize, biasInit, rng);
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
    public boolean hasMemory() {
        return true;
    }

    @Override
    public State step(Tensor x, State prev) {
        checkStep(x, prev);
        int k = hidden;
        Tensor a = Ops.add(Ops.addRow(Ops.matmulTransB(x, wx), bx), Ops.addRow(Ops.matmulTransB(prev.h(), wh), bh));
        Tensor i = Ops.sigmoid(Ops.sliceCols(a, 0, k));
        Tensor f = Ops.sigmoid(Ops.sliceCols(a, k, k));
        Tensor g = Ops.tanh(Ops.sliceCols(a, 2 * k, k));
        Tensor o = Ops.sigmoid(Ops.sliceCols(a, 3 * k, k));
        Tensor c = Ops.add(Ops.mul(f, prev.c()), Ops.mul(i, g));
        return new State(Ops.mul(o, Ops.tanh(c)), c);
    }
}
