package org.strnn.nn;

import java.util.Objects;
import org.strnn.autograd.Tensor;

/**
 * One step of a recurrence, batched along rows: {@code state_t = step(x_t, state_{t-1})}, with
 * {@code x_t} (batch x inputSize) and hidden states (batch x hiddenSize). Cells are modules, so
 * their parameters can be registered in a model, saved, and handed to an optimiser.
 * {@link Recurrent} unrolls a cell over a sequence and {@link Bidirectional} runs two cells in
 * opposite directions.
 */
public abstract class RecurrentCell extends Module {

    /** Features per example at each step. */
    public abstract int inputSize();

    /** Size of the hidden state {@code h} (and of the memory {@code c} of a cell that has one). */
    public abstract int hiddenSize();

    /** True if the state carries a memory {@code c} besides {@code h} (an LSTM). */
    public boolean hasMemory() {
        return false;
    }

    /** The state before the first step: zeros, batch x hiddenSize (for {@code h}, and {@code c} if any). */
    public State initialState(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": batch must be >= 1, got " + batch);
        }
        Tensor h = Tensor.zeros(batch, hiddenSize());
        return hasMemory() ? new State(h, Tensor.zeros(batch, hiddenSize())) : new State(h, null);
    }

    /** The state after input {@code x} (batch x inputSize) from state {@code prev}. */
    public abstract State step(Tensor x, State prev);

    /** The cell in error messages, e.g. {@code ElmanCell(300 -> 30)}. */
    final String describe() {
        return getClass().getSimpleName() + "(" + inputSize() + " -> " + hiddenSize() + ")";
    }

    /** Checks the shapes of a step's arguments, naming the cell in the error. */
    protected final void checkStep(Tensor x, State prev) {
        Objects.requireNonNull(prev, "prev");
        String cell = describe();
        if (x.cols() != inputSize()) {
            throw new IllegalArgumentException(cell + ": input is " + x.shape() + ", expected batch x " + inputSize());
        }
        Tensor h = prev.h();
        if (h.rows() != x.rows() || h.cols() != hiddenSize()) {
            throw new IllegalArgumentException(cell + ": previous h is " + h.shape() + ", expected " + x.rows() + "x"
                    + hiddenSize() + " for an input of " + x.shape());
        }
        if (hasMemory()) {
            Tensor c = prev.c();
            if (c == null || c.rows() != h.rows() || c.cols() != h.cols()) {
                throw new IllegalArgumentException(cell + ": previous c is " + (c == null ? "missing" : c.shape())
                        + ", expected " + h.shape());
            }
        }
    }

    /**
     * A recurrent state: the hidden state {@code h} (batch x hidden) and, for a cell with a memory
     * (an LSTM), the cell state {@code c} of the same shape; {@code c} is null otherwise.
     */
    public record State(Tensor h, Tensor c) {
        public State {
            Objects.requireNonNull(h, "h");
        }

        /** A state without memory. */
        public static State of(Tensor h) {
            return new State(h, null);
        }
    }
}
