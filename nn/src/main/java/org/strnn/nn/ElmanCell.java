package org.strnn.nn;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.types.Activation;

/**
 * The Elman (vanilla) recurrent cell:
 * {@code h_t = act(x_t Wx^T + h_{t-1} Wh^T + b)}, with {@code Wx} (hidden x input),
 * {@code Wh} (hidden x hidden) and {@code b} (1 x hidden); {@code act} is ReLU or tanh.
 *
 * <p>Parameters, in order: the input weight, the recurrent weight, the bias. Their names are
 * {@code Wx, Wh, b} unless given: STRNN's temporal layer names them {@code Rf, Vf, bf} (so that
 * {@code f_t = relu(Rf m_t + Vf f_{t-1} + bf)} reads as in the spec). Weights start from the given
 * initialiser (Xavier-normal by default, Wx drawn before Wh), the bias at zero.
 */
public final class ElmanCell extends RecurrentCell {

    /** The names of the input weight, the recurrent weight and the bias. */
    public record Names(String input, String recurrent, String bias) {
        public static final Names DEFAULT = new Names("Wx", "Wh", "b");
    }

    private final Activation act;
    private final Tensor wx;
    private final Tensor wh;
    private final Tensor b;

    /** Default names, Xavier-normal weights, zero bias. */
    public ElmanCell(int inputSize, int hiddenSize, Activation act, RandomGenerator rng) {
        this(inputSize, hiddenSize, act, Names.DEFAULT, Inits.xavierNormal(), rng);
    }

    public ElmanCell(int inputSize, int hiddenSize, Activation act, Names names, Init weightInit, RandomGenerator rng) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("ElmanCell needs inputSize, hiddenSize >= 1, got " + inputSize + ", "
                    + hiddenSize);
        }
        this.act = Objects.requireNonNull(act, "act");
        this.wx = parameter(names.input(), hiddenSize, inputSize, weightInit, rng);
        this.wh = parameter(names.recurrent(), hiddenSize, hiddenSize, weightInit, rng);
        this.b = parameter(names.bias(), 1, hiddenSize, Inits.zeros(), rng);
    }

    @Override
    public int inputSize() {
        return wx.cols();
    }

    @Override
    public int hiddenSize() {
        return wx.rows();
    }

    public Activation activation() {
        return act;
    }

    @Override
    public State step(Tensor x, State prev) {
        checkStep(x, prev);
        return stepFromInputTerm(Ops.matmulTransB(x, wx), prev);
    }

    /**
     * The input terms {@code x Wx^T} of many steps in one product: row r of the result is row r of
     * {@code xs} (any number of rows of inputSize) times Wx^T, the same values {@link #step}
     * computes row by row. Blocks of its rows go to {@link #stepFromInputTerm}; see
     * {@link Recurrent#unrollStacked}.
     */
    public Tensor inputTerms(Tensor xs) {
        if (xs.cols() != inputSize()) {
            throw new IllegalArgumentException(describe() + ": inputs are " + xs.shape() + ", expected rows x "
                    + inputSize());
        }
        return Ops.matmulTransB(xs, wx);
    }

    /**
     * {@link #step} with its input term {@code x Wx^T} (batch x hiddenSize) already computed, for
     * example as a block of rows of {@link #inputTerms}:
     * {@code h_t = act(inputTerm + h_{t-1} Wh^T + b)}.
     */
    public State stepFromInputTerm(Tensor inputTerm, State prev) {
        Objects.requireNonNull(prev, "prev");
        Tensor h = prev.h();
        if (inputTerm.cols() != hiddenSize() || h.cols() != hiddenSize()) {
            throw new IllegalArgumentException(describe() + ": input term is " + inputTerm.shape()
                    + " and previous h is " + h.shape() + ", expected both batch x " + hiddenSize());
        }
        if (inputTerm.rows() != h.rows()) {
            throw new IllegalArgumentException(describe() + ": input term is " + inputTerm.shape()
                    + " but previous h is " + h.shape() + ": they must have the same batch");
        }
        Tensor pre = Ops.addRow(Ops.add(inputTerm, Ops.matmulTransB(h, wh)), b);
        return State.of(Ops.activate(pre, act));
    }
}
