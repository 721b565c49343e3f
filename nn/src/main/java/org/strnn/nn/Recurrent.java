package org.strnn.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;

/**
 * Unrolls a {@link RecurrentCell} over a sequence {@code x_1..x_T} (each batch x inputSize). The
 * graph grows linearly in T and the autograd sweep is iterative, so long sequences need neither
 * deep recursion nor more than O(T) memory.
 */
public final class Recurrent {

    private Recurrent() {
    }

    /** The hidden states {@code h_1..h_T} of {@code h_t = cell(x_t, h_{t-1})} from the zero state. */
    public static List<Tensor> unroll(RecurrentCell cell, List<Tensor> inputs) {
        return hidden(unrollStates(cell, inputs, cell.initialState(batchOf(cell, inputs))));
    }

    /** The states {@code s_1..s_T} of {@code s_t = cell(x_t, s_{t-1})} from {@code s_0 = initial}. */
    public static List<RecurrentCell.State> unrollStates(RecurrentCell cell, List<Tensor> inputs,
                                                         RecurrentCell.State initial) {
        batchOf(cell, inputs);
        List<RecurrentCell.State> out = new ArrayList<>(inputs.size());
        RecurrentCell.State s = initial;
        for (Tensor x : inputs) {
            s = cell.step(x, s);
            out.add(s);
        }
        return out;
    }

    /**
     * The hidden states of the recurrence run backwards in time, {@code g_t = cell(x_t, g_{t+1})}
     * from {@code g_{T+1} = 0}, returned in natural time order: element {@code t} is {@code g_t},
     * so element 0 has seen the whole sequence and element {@code T-1} only {@code x_T}.
     */
    public static List<Tensor> unrollReversed(RecurrentCell cell, List<Tensor> inputs) {
        int batch = batchOf(cell, inputs);
        Tensor[] out = new Tensor[inputs.size()];
        RecurrentCell.State s = cell.initialState(batch);
        for (int t = inputs.size() - 1; t >= 0; t--) {
            s = cell.step(inputs.get(t), s);
            out[t] = s.h();
        }
        return Arrays.asList(out);
    }

    /**
     * {@link #unroll} of an Elman cell over a sequence stacked in one tensor: block t of
     * {@code stacked} (rows {@code t*B .. t*B+B-1}, with {@code B = stacked.rows() / steps}) is
     * {@code x_t}. The input terms of all steps are one product ({@link ElmanCell#inputTerms})
     * instead of T small ones; the hidden states have the same values as {@link #unroll} over the
     * blocks (the weight gradient sums the same terms, in another order).
     */
    public static List<Tensor> unrollStacked(ElmanCell cell, Tensor stacked, int steps) {
        return stacked(cell, stacked, steps, false);
    }

    /**
     * {@link #unrollReversed} of an Elman cell over a sequence stacked in one tensor, as in
     * {@link #unrollStacked}: element t is {@code g_t}, in natural time order.
     */
    public static List<Tensor> unrollReversedStacked(ElmanCell cell, Tensor stacked, int steps) {
        return stacked(cell, stacked, steps, true);
    }

    private static List<Tensor> stacked(ElmanCell cell, Tensor stacked, int steps, boolean reversed) {
        if (steps < 1) {
            throw new IllegalArgumentException(cell.describe() + ": steps must be >= 1, got " + steps);
        }
        if (stacked.rows() % steps != 0 || stacked.rows() == 0) {
            throw new IllegalArgumentException(cell.describe() + ": " + stacked.shape() + " does not split into "
                    + steps + " steps of equal, non-empty batches");
        }
        int batch = stacked.rows() / steps;
        Tensor terms = cell.inputTerms(stacked);
        Tensor[] out = new Tensor[steps];
        RecurrentCell.State s = cell.initialState(batch);
        for (int q = 0; q < steps; q++) {
            int t = reversed ? steps - 1 - q : q;
            s = cell.stepFromInputTerm(Ops.sliceRows(terms, t * batch, batch), s);
            out[t] = s.h();
        }
        return Arrays.asList(out);
    }

    /** The {@code h} of each state. */
    public static List<Tensor> hidden(List<RecurrentCell.State> states) {
        List<Tensor> out = new ArrayList<>(states.size());
        for (RecurrentCell.State s : states) {
            out.add(s.h());
        }
        return out;
    }

    private static int batchOf(RecurrentCell cell, List<Tensor> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(cell.getClass().getSimpleName() + ": a sequence needs at least one step");
        }
        int batch = inputs.get(0).rows();
        for (int t = 0; t < inputs.size(); t++) {
            if (inputs.get(t).rows() != batch) {
                throw new IllegalArgumentException(cell.getClass().getSimpleName() + ": step " + t + " has batch "
                        + inputs.get(t).rows() + " but step 0 has " + batch);
            }
        }
        return batch;
    }
}
