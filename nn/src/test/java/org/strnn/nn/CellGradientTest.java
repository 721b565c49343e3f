package org.strnn.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.check.Gen;
import org.strnn.autograd.check.GradCheck;
import org.strnn.autograd.check.Property;
import org.strnn.autograd.types.Activation;
import org.strnn.nn.optim.Adam;
import org.strnn.nn.optim.Optimizer;

/**
 * Every recurrent cell's gradients against central finite differences: the full Jacobian of all
 * hidden states with respect to every input, the initial state and every parameter on small
 * sizes, and random directions on larger ones; for batch 1 and batch > 1, sequence length 1 and
 * > 1; at initialisation and again after a few optimiser steps.
 */
class CellGradientTest {

    private static final GradCheck CHECK = GradCheck.defaults();
    /** ReLU cells: keep every pre-activation this far from the kink at 0, so differences never straddle it. */
    private static final double KINK_MARGIN = 1e-3;

    enum Kind {
        ELMAN_RELU, ELMAN_TANH, GRU, LSTM;

        RecurrentCell make(int in, int hidden, SplittableRandom rng) {
            return switch (this) {
                case ELMAN_RELU -> new ElmanCell(in, hidden, Activation.RELU, rng);
                case ELMAN_TANH -> new ElmanCell(in, hidden, Activation.TANH, rng);
                case GRU -> new GruCell(in, hidden, rng);
                case LSTM -> new LstmCell(in, hidden, rng);
            };
        }
    }

    /** A sequence and an initial state for one check. */
    private record Case(List<DMatrixRMaj> xs, DMatrixRMaj h0, DMatrixRMaj c0) {
        List<DMatrixRMaj> inputs() {
            List<DMatrixRMaj> all = new ArrayList<>(xs);
            all.add(h0);
            if (c0 != null) {
                all.add(c0);
            }
            return all;
        }
    }

    /** All hidden states side by side (batch x T*H), and for an LSTM the last memory too. */
    private static Tensor run(RecurrentCell cell, List<Tensor> xs, Tensor h0, Tensor c0) {
        List<RecurrentCell.State> states = Recurrent.unrollStates(cell, xs, new RecurrentCell.State(h0, c0));
        List<Tensor> parts = new ArrayList<>(Recurrent.hidden(states));
        if (cell.hasMemory()) {
            parts.add(states.get(states.size() - 1).c());
        }
        return Ops.concatCols(parts);
    }

    private static Tensor run(RecurrentCell cell, Case c) {
        List<Tensor> xs = new ArrayList<>();
        for (DMatrixRMaj x : c.xs()) {
            xs.add(Tensor.constant(x));
        }
        return run(cell, xs, Tensor.constant(c.h0()), c.c0() == null ? null : Tensor.constant(c.c0()));
    }

    private static Case draw(Gen gen, RecurrentCell cell, int batch, int steps) {
        for (int attempt = 0; attempt < 200; attempt++) {
            List<DMatrixRMaj> xs = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                xs.add(gen.matrix(batch, cell.inputSize(), -1, 1));
            }
            Case c = new Case(xs, gen.matrix(batch, cell.hiddenSize(), -1, 1),
                    cell.hasMemory() ? gen.matrix(batch, cell.hiddenSize(), -1, 1) : null);
            if (awayFromKinks(cell, c)) {
                return c;
            }
        }
        throw new AssertionError("could not draw inputs away from the ReLU kink for " + cell);
    }

    /** For a ReLU Elman cell: is every pre-activation {@code x Wx^T + h Wh^T + b} at least KINK_MARGIN from 0? */
    private static boolean awayFromKinks(RecurrentCell cell, Case c) {
        if (!(cell instanceof ElmanCell e) || e.activation() != Activation.RELU) {
            return true;
        }
        var p = cell.namedParameters();
        Tensor h = Tensor.constant(c.h0());
        for (DMatrixRMaj x : c.xs()) {
            Tensor pre = Ops.addRow(Ops.add(Ops.matmulTransB(Tensor.constant(x), p.get("Wx")),
                    Ops.matmulTransB(h, p.get("Wh"))), p.get("b"));
            for (double v : pre.data()) {
                if (Math.abs(v) < KINK_MARGIN) {
                    return false;
                }
            }
            h = Ops.relu(pre);
        }
        return true;
    }

    /** Full Jacobians with respect to the inputs and to the live parameters. */
    private static void fullJacobian(Kind kind, RecurrentCell cell, Case c, Gen gen) {
        int steps = c.xs().size();
        CHECK.jacobian(kind + " inputs", in -> run(cell, in.subList(0, steps), in.get(steps),
                cell.hasMemory() ? in.get(steps + 1) : null), c.inputs(), gen.random());
        cell.zeroGrad();
        CHECK.jacobian(kind + " parameters", () -> run(cell, c), cell.namedParameters(), gen.random());
    }

    /** A few Adam steps on a random linear function of the outputs, so the weights leave their initial values. */
    private static void train(RecurrentCell cell, Case c, Gen gen) {
        Tensor probe = run(cell, c);
        Tensor weights = Tensor.constant(gen.normal(probe.rows(), probe.cols()));
        Optimizer opt = new Adam(cell.parameters(), 0.05);
        for (int i = 0; i < 3; i++) {
            cell.zeroGrad();
            Ops.sum(Ops.mul(run(cell, c), weights)).backward();
            opt.step();
        }
        cell.zeroGrad();
    }

    @Test
    void fullJacobianOnSmallSizesAtInitAndAfterTraining() {
        for (Kind kind : Kind.values()) {
            Property.check(kind + " full Jacobian", 4, gen -> {
                int in = gen.intBetween(1, 3);
                int hidden = gen.intBetween(1, 3);
                for (int batch : new int[] {1, gen.intBetween(2, 3)}) {
                    for (int steps : new int[] {1, gen.intBetween(2, 3)}) {
                        RecurrentCell fresh = kind.make(in, hidden, new SplittableRandom(gen.random().nextLong()));
                        Case c = draw(gen, fresh, batch, steps);
                        fullJacobian(kind, fresh, c, gen);
                        train(fresh, c, gen);
                        fullJacobian(kind, fresh, draw(gen, fresh, batch, steps), gen);
                    }
                }
            });
        }
    }

    @Test
    void randomDirectionsOnLargerSizesAtInitAndAfterTraining() {
        for (Kind kind : Kind.values()) {
            Property.check(kind + " random directions", 3, gen -> {
                int in = gen.intBetween(4, 8);
                int hidden = gen.intBetween(5, 10);
                for (int batch : new int[] {1, gen.intBetween(2, 6)}) {
                    for (int steps : new int[] {1, gen.intBetween(5, 12)}) {
                        RecurrentCell cell = kind.make(in, hidden, new SplittableRandom(gen.random().nextLong()));
                        Case c = draw(gen, cell, batch, steps);
                        Supplier<Tensor> f = () -> run(cell, c);
                        CHECK.direction(kind + " directions", f, cell.namedParameters(), 4, gen.random());
                        train(cell, c, gen);
                        Case after = draw(gen, cell, batch, steps);
                        CHECK.direction(kind + " directions after training", () -> run(cell, after),
                                cell.namedParameters(), 4, gen.random());
                    }
                }
            });
        }
    }
}
