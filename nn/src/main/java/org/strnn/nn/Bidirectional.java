package org.strnn.nn;

import java.util.ArrayList;
import java.util.List;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;

/**
 * Two recurrent cells with separate weights over one sequence, in opposite directions:
 * <pre>
 *   f_t = forward(x_t, f_{t-1}),   t = 1..T,  f_0 = 0
 *   g_t = backward(x_t, g_{t+1}),  t = T..1,  g_{T+1} = 0
 * </pre>
 * Both outputs are in natural time order: {@code backward().get(t)} is {@code g_t} (STRNN's
 * temporal layer, spec section 5).
 */
public final class Bidirectional extends Module {

    /** The hidden states of both directions, each {@code T} tensors in natural time order. */
    public record Outputs(List<Tensor> forward, List<Tensor> backward) {
        /** {@code [f_t | g_t]} for each t: batch x (forward hidden + backward hidden). */
        public List<Tensor> concatenated() {
            List<Tensor> out = new ArrayList<>(forward.size());
            for (int t = 0; t < forward.size(); t++) {
                out.add(Ops.concatCols(List.of(forward.get(t), backward.get(t))));
            }
            return out;
        }
    }

    private final RecurrentCell forward;
    private final RecurrentCell backward;

    /**
     * Registers both cells without a prefix, so their parameter names must differ (as with STRNN's
     * {@code Rf, Vf, bf} and {@code Rb, Vb, bb}). For two cells with the same names, use
     * {@link #Bidirectional(String, RecurrentCell, String, RecurrentCell)}.
     */
    public Bidirectional(RecurrentCell forward, RecurrentCell backward) {
        this("", forward, "", backward);
    }

    /** Registers the cells under the given names ({@code ""} for no prefix). */
    public Bidirectional(String forwardName, RecurrentCell forward, String backwardName, RecurrentCell backward) {
        if (forward == backward) {
            throw new IllegalArgumentException("Bidirectional needs separate cells (separate weights) per direction");
        }
        if (forward.inputSize() != backward.inputSize()) {
            throw new IllegalArgumentException("Bidirectional: forward cell takes " + forward.inputSize()
                    + " inputs but backward cell takes " + backward.inputSize());
        }
        this.forward = register(forwardName, forward);
        try {
            this.backward = register(backwardName, backward);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (give the directions different parameter names, or"
                    + " register them under different prefixes such as \"forward\" and \"backward\")", e);
        }
    }

    public RecurrentCell forwardCell() {
        return forward;
    }

    public RecurrentCell backwardCell() {
        return backward;
    }

    /** Runs both directions over {@code inputs} ({@code x_1..x_T}, each batch x inputSize). */
    public Outputs apply(List<Tensor> inputs) {
        return run(forward, backward, inputs);
    }

    /**
     * The same computation for cells registered elsewhere, for a model that must place other
     * parameters between the two directions' (STRNN's saved order is {@code Rf, Vf, bf, Gf, Rb, ...}).
     */
    public static Outputs run(RecurrentCell forward, RecurrentCell backward, List<Tensor> inputs) {
        return new Outputs(Recurrent.unroll(forward, inputs), Recurrent.unrollReversed(backward, inputs));
    }
}
