package org.strnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.check.GradCheck;
import org.strnn.autograd.types.Activation;

/** The cells' values against plain-loop references, unrolling, the bidirectional wrapper and long sequences. */
class RecurrentTest {

    private static List<Tensor> randomSequence(SplittableRandom rng, int steps, int batch, int in) {
        List<Tensor> xs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            double[] d = new double[batch * in];
            for (int i = 0; i < d.length; i++) {
                d[i] = 2 * rng.nextDouble() - 1;
            }
            xs.add(Tensor.constant(batch, in, d));
        }
        return xs;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** {@code sum_j x[row, j] w[r, j]}: row {@code r} of a (rows x n) weight times row {@code row} of x. */
    private static double dot(Tensor x, int row, Tensor w, int r) {
        double s = 0;
        for (int j = 0; j < x.cols(); j++) {
            s += x.get(row, j) * w.get(r, j);
        }
        return s;
    }

    @Test
    void elmanMatchesItsFormulaByHand() {
        // One input, one hidden unit: h_t = tanh(0.5 x_t - 2 h_{t-1} + 0.1).
        ElmanCell cell = new ElmanCell(1, 1, Activation.TANH, new SplittableRandom(1));
        cell.loadState(Map.of("Wx", new double[] {0.5}, "Wh", new double[] {-2}, "b", new double[] {0.1}),
                Map.of("Wx", new int[] {1, 1}, "Wh", new int[] {1, 1}, "b", new int[] {1}));
        List<Tensor> hs = Recurrent.unroll(cell, List.of(Tensor.constant(1, 1, 1.0), Tensor.constant(1, 1, -1.0)));
        double h1 = Math.tanh(0.5 + 0.1);
        double h2 = Math.tanh(-0.5 - 2 * h1 + 0.1);
        assertEquals(h1, hs.get(0).item(), 1e-15);
        assertEquals(h2, hs.get(1).item(), 1e-15);
    }

    @Test
    void gruMatchesAPlainLoopReference() {
        SplittableRandom rng = new SplittableRandom(7);
        int in = 3;
        int hid = 4;
        int batch = 2;
        GruCell cell = new GruCell(in, hid, rng);
        Map<String, Tensor> p = cell.namedParameters();
        Tensor wx = p.get("Wx");
        Tensor wh = p.get("Wh");
        Tensor bx = p.get("bx");
        Tensor bh = p.get("bh");
        List<Tensor> xs = randomSequence(rng, 3, batch, in);
        List<Tensor> hs = Recurrent.unroll(cell, xs);
        Tensor h = Tensor.zeros(batch, hid);
        for (int t = 0; t < xs.size(); t++) {
            double[] next = new double[batch * hid];
            for (int b = 0; b < batch; b++) {
                for (int k = 0; k < hid; k++) {
                    double r = sigmoid(dot(xs.get(t), b, wx, k) + bx.get(0, k) + dot(h, b, wh, k) + bh.get(0, k));
                    double z = sigmoid(dot(xs.get(t), b, wx, hid + k) + bx.get(0, hid + k) + dot(h, b, wh, hid + k)
                            + bh.get(0, hid + k));
                    double n = Math.tanh(dot(xs.get(t), b, wx, 2 * hid + k) + bx.get(0, 2 * hid + k)
                            + r * (dot(h, b, wh, 2 * hid + k) + bh.get(0, 2 * hid + k)));
                    next[b * hid + k] = (1 - z) * n + z * h.get(b, k);
                }
            }
            h = Tensor.constant(batch, hid, next);
            assertArrayEquals(next, hs.get(t).data(), 1e-14, "GRU h_" + (t + 1));
        }
    }

    @Test
    void lstmMatchesAPlainLoopReference() {
        SplittableRandom rng = new SplittableRandom(8);
        int in = 2;
        int hid = 3;
        int batch = 3;
        LstmCell cell = new LstmCell(in, hid, rng);
        Map<String, Tensor> p = cell.namedParameters();
        Tensor wx = p.get("Wx");
        Tensor wh = p.get("Wh");
        Tensor bx = p.get("bx");
        Tensor bh = p.get("bh");
        List<Tensor> xs = randomSequence(rng, 4, batch, in);
        List<RecurrentCell.State> states = Recurrent.unrollStates(cell, xs, cell.initialState(batch));
        Tensor h = Tensor.zeros(batch, hid);
        Tensor c = Tensor.zeros(batch, hid);
        for (int t = 0; t < xs.size(); t++) {
            double[] hn = new double[batch * hid];
            double[] cn = new double[batch * hid];
            for (int b = 0; b < batch; b++) {
                for (int k = 0; k < hid; k++) {
                    double[] a = new double[4];
                    for (int gate = 0; gate < 4; gate++) {
                        int r = gate * hid + k;
                        a[gate] = dot(xs.get(t), b, wx, r) + bx.get(0, r) + dot(h, b, wh, r) + bh.get(0, r);
                    }
                    double cc = sigmoid(a[1]) * c.get(b, k) + sigmoid(a[0]) * Math.tanh(a[2]);
                    cn[b * hid + k] = cc;
                    hn[b * hid + k] = sigmoid(a[3]) * Math.tanh(cc);
                }
            }
            h = Tensor.constant(batch, hid, hn);
            c = Tensor.constant(batch, hid, cn);
            assertArrayEquals(hn, states.get(t).h().data(), 1e-14, "LSTM h_" + (t + 1));
            assertArrayEquals(cn, states.get(t).c().data(), 1e-14, "LSTM c_" + (t + 1));
        }
    }

    @Test
    void cellsStartFromZeroStatesAndCheckShapes() {
        SplittableRandom rng = new SplittableRandom(3);
        LstmCell lstm = new LstmCell(2, 3, rng);
        RecurrentCell.State s = lstm.initialState(4);
        assertEquals("4x3", s.h().shape());
        assertEquals("4x3", s.c().shape());
        assertArrayEquals(new double[12], s.h().data());
        assertNull(new GruCell(2, 3, rng).initialState(2).c());
        var e = assertThrows(IllegalArgumentException.class, () -> lstm.step(Tensor.zeros(4, 5), s));
        assertTrue(e.getMessage().contains("LstmCell(2 -> 3)") && e.getMessage().contains("4x5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lstm.step(Tensor.zeros(4, 2), RecurrentCell.State.of(s.h())));
        assertThrows(IllegalArgumentException.class, () -> Recurrent.unroll(lstm, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Recurrent.unroll(lstm, List.of(Tensor.zeros(2, 2), Tensor.zeros(3, 2))));
    }

    @Test
    void parameterNamesAndOrderAreDocumented() {
        SplittableRandom rng = new SplittableRandom(4);
        assertEquals(List.of("Wx", "Wh", "b"), List.copyOf(new ElmanCell(2, 3, Activation.RELU, rng).namedParameters().keySet()));
        ElmanCell named = new ElmanCell(2, 3, Activation.RELU, new ElmanCell.Names("Rf", "Vf", "bf"),
                Inits.xavierNormal(), rng);
        assertEquals(List.of("Rf", "Vf", "bf"), List.copyOf(named.namedParameters().keySet()));
        assertEquals("3x2", named.namedParameters().get("Rf").shape());
        assertEquals("3x3", named.namedParameters().get("Vf").shape());
        assertEquals("1x3", named.namedParameters().get("bf").shape());
        GruCell gru = new GruCell(2, 3, rng);
        assertEquals(List.of("Wx", "Wh", "bx", "bh"), List.copyOf(gru.namedParameters().keySet()));
        assertEquals("9x2", gru.namedParameters().get("Wx").shape());
        assertEquals("1x12", new LstmCell(2, 3, rng).namedParameters().get("bh").shape());
    }

    @Test
    void unrollReturnsEveryHiddenStateInOrder() {
        SplittableRandom rng = new SplittableRandom(5);
        GruCell cell = new GruCell(3, 4, rng);
        List<Tensor> xs = randomSequence(rng, 5, 2, 3);
        List<Tensor> hs = Recurrent.unroll(cell, xs);
        assertEquals(5, hs.size());
        RecurrentCell.State s = cell.initialState(2);
        for (int t = 0; t < 5; t++) {
            s = cell.step(xs.get(t), s);
            assertArrayEquals(s.h().data(), hs.get(t).data(), 0.0);
        }
    }

    /** The blocks of rows of one stacked tensor, as separate steps. */
    private static List<Tensor> blocks(Tensor stacked, int steps) {
        List<Tensor> out = new ArrayList<>();
        int batch = stacked.rows() / steps;
        for (int t = 0; t < steps; t++) {
            out.add(Ops.sliceRows(stacked, t * batch, batch));
        }
        return out;
    }

    /**
     * Unrolling over a stacked sequence (the input terms of every step in one product) gives the
     * hidden states of unrolling step by step to the bit, in both directions, and gradients that
     * differ only by the order of a sum; finite differences check the stacked path itself, the
     * stacked input included.
     */
    @Test
    void stackedUnrollMatchesTheStepByStepOne() {
        SplittableRandom rng = new SplittableRandom(13);
        for (Activation act : List.of(Activation.RELU, Activation.TANH)) {
            for (boolean reversed : new boolean[] {false, true}) {
                ElmanCell cell = new ElmanCell(5, 4, act, rng);
                int steps = 4;
                int batch = 3;
                Tensor stacked = Tensor.variable("xs", randomSequence(rng, 1, steps * batch, 5).get(0).copyValue());
                List<Tensor> byStep = reversed ? Recurrent.unrollReversed(cell, blocks(stacked, steps))
                        : Recurrent.unroll(cell, blocks(stacked, steps));
                List<Tensor> byStack = reversed ? Recurrent.unrollReversedStacked(cell, stacked, steps)
                        : Recurrent.unrollStacked(cell, stacked, steps);
                String what = act + (reversed ? ", reversed" : ", forward");
                assertEquals(steps, byStack.size());
                for (int t = 0; t < steps; t++) {
                    assertArrayEquals(byStep.get(t).data(), byStack.get(t).data(), 0.0, what + ", h_" + (t + 1));
                }
                Map<String, Tensor> wrt = new LinkedHashMap<>(cell.namedParameters());
                wrt.put("xs", stacked);
                Map<String, double[]> stepGrads = gradients(Ops.sum(Ops.concatCols(byStep)), wrt);
                Map<String, double[]> stackGrads = gradients(Ops.sum(Ops.concatCols(byStack)), wrt);
                // Only Wx's gradient sums its terms in another order; the others are the same sums
                for (String name : wrt.keySet()) {
                    assertArrayEquals(stepGrads.get(name), stackGrads.get(name), name.equals("Wx") ? 1e-12 : 0.0,
                            what + ", d/d" + name);
                }
                int last = reversed ? 0 : steps - 1;
                GradCheck.defaults().direction("stacked Elman, " + what,
                        () -> (reversed ? Recurrent.unrollReversedStacked(cell, stacked, steps)
                                : Recurrent.unrollStacked(cell, stacked, steps)).get(last), wrt, 3, rng);
            }
        }
    }

    /** The gradients of {@code out} with respect to each tensor of {@code wrt}, from zero. */
    private static Map<String, double[]> gradients(Tensor out, Map<String, Tensor> wrt) {
        wrt.values().forEach(Tensor::zeroGrad);
        out.backward();
        Map<String, double[]> g = new HashMap<>();
        wrt.forEach((name, t) -> g.put(name, t.gradData().clone()));
        return g;
    }

    @Test
    void stackedUnrollRejectsSequencesThatDoNotSplit() {
        SplittableRandom rng = new SplittableRandom(14);
        ElmanCell cell = new ElmanCell(5, 4, Activation.RELU, rng);
        Tensor seven = randomSequence(rng, 1, 7, 5).get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recurrent.unrollStacked(cell, seven, 3));
        assertTrue(e.getMessage().contains("7x5") && e.getMessage().contains("3 steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Recurrent.unrollReversedStacked(cell, seven, 0));
        assertTrue(e.getMessage().contains("steps must be >= 1"), e.getMessage());
        Tensor narrow = randomSequence(rng, 1, 6, 4).get(0);
        e = assertThrows(IllegalArgumentException.class, () -> Recurrent.unrollStacked(cell, narrow, 3));
        assertTrue(e.getMessage().contains("6x4") && e.getMessage().contains("rows x 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> cell.stepFromInputTerm(randomSequence(rng, 1, 2, 3).get(0), cell.initialState(2)));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("batch x 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> cell.stepFromInputTerm(randomSequence(rng, 1, 3, 4).get(0), cell.initialState(2)));
        assertTrue(e.getMessage().contains("same batch"), e.getMessage());
    }

    @Test
    void bidirectionalBackwardStatesAreInNaturalTimeOrder() {
        SplittableRandom rng = new SplittableRandom(6);
        ElmanCell fwd = new ElmanCell(3, 4, Activation.RELU, new ElmanCell.Names("Rf", "Vf", "bf"), Inits.xavierNormal(), rng);
        ElmanCell bwd = new ElmanCell(3, 4, Activation.RELU, new ElmanCell.Names("Rb", "Vb", "bb"), Inits.xavierNormal(), rng);
        Bidirectional bi = new Bidirectional(fwd, bwd);
        assertEquals(List.of("Rf", "Vf", "bf", "Rb", "Vb", "bb"), List.copyOf(bi.namedParameters().keySet()));
        List<Tensor> xs = randomSequence(rng, 6, 2, 3);
        Bidirectional.Outputs out = bi.apply(xs);
        assertEquals(6, out.forward().size());
        assertEquals(6, out.backward().size());
        // g_t = relu(Rb x_t + Vb g_{t+1} + bb), g_7 = 0, computed step by step from the end.
        RecurrentCell.State g = bwd.initialState(2);
        for (int t = 5; t >= 0; t--) {
            g = bwd.step(xs.get(t), g);
            assertArrayEquals(g.h().data(), out.backward().get(t).data(), 0.0, "g_" + (t + 1));
        }
        assertArrayEquals(Recurrent.unroll(fwd, xs).get(5).data(), out.forward().get(5).data(), 0.0);
        assertEquals("2x8", out.concatenated().get(0).shape());
        assertArrayEquals(out.backward().get(0).data(), Bidirectional.run(fwd, bwd, xs).backward().get(0).data(), 0.0);
    }

    @Test
    void backwardStateDependsOnlyOnTheFuture() {
        SplittableRandom rng = new SplittableRandom(9);
        Bidirectional bi = new Bidirectional("forward", new GruCell(2, 3, rng), "backward", new GruCell(2, 3, rng));
        assertEquals("forward.Wx", bi.namedParameters().keySet().iterator().next());
        List<Tensor> xs = new ArrayList<>();
        for (Tensor x : randomSequence(rng, 4, 1, 2)) {
            xs.add(Tensor.variable("x", x.copyValue()));
        }
        Bidirectional.Outputs out = bi.apply(xs);
        // g_3 sees x_3 and x_4 only; f_2 sees x_1 and x_2 only.
        Ops.sum(Ops.add(out.backward().get(2), out.forward().get(1))).backward();
        assertTrue(xs.get(0).hasGrad() && norm(xs.get(0)) > 0);
        assertTrue(norm(xs.get(1)) > 0);
        assertTrue(norm(xs.get(2)) > 0);
        assertTrue(norm(xs.get(3)) > 0);
        bi.zeroGrad();
        for (Tensor x : xs) {
            x.zeroGrad();
        }
        Ops.sum(out.backward().get(2)).backward();
        assertEquals(0.0, norm(xs.get(0)));
        assertEquals(0.0, norm(xs.get(1)));
        assertTrue(norm(xs.get(2)) > 0 && norm(xs.get(3)) > 0);
    }

    @Test
    void bidirectionalNeedsDistinctNamesOrPrefixes() {
        SplittableRandom rng = new SplittableRandom(10);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Bidirectional(new GruCell(2, 3, rng), new GruCell(2, 3, rng)));
        assertTrue(e.getMessage().contains("duplicate parameter name 'Wx'"), e.getMessage());
        GruCell same = new GruCell(2, 3, rng);
        assertThrows(IllegalArgumentException.class, () -> new Bidirectional("a", same, "b", same));
        assertThrows(IllegalArgumentException.class,
                () -> new Bidirectional("a", new GruCell(2, 3, rng), "b", new GruCell(3, 3, rng)));
    }

    @Test
    void sequenceLengthOneWorksInBothDirections() {
        SplittableRandom rng = new SplittableRandom(11);
        LstmCell f = new LstmCell(2, 2, rng);
        Bidirectional bi = new Bidirectional("f", f, "b", new LstmCell(2, 2, rng));
        List<Tensor> xs = randomSequence(rng, 1, 3, 2);
        Bidirectional.Outputs out = bi.apply(xs);
        assertEquals(1, out.backward().size());
        assertArrayEquals(Recurrent.unroll(bi.backwardCell(), xs).get(0).data(), out.backward().get(0).data(), 0.0);
    }

    private static double norm(Tensor t) {
        double s = 0;
        for (double g : t.copyGrad().data) {
            s += g * g;
        }
        return Math.sqrt(s);
    }

    /**
     * 200 and 2000 steps: the backward sweep is iterative, so neither overflows the stack, and the
     * gradient through all 200 steps still matches finite differences.
     */
    @Test
    void longSequencesUnrollAndBackpropagate() {
        SplittableRandom rng = new SplittableRandom(12);
        for (RecurrentCell cell : List.of(new LstmCell(3, 4, rng), new GruCell(3, 4, rng),
                new ElmanCell(3, 4, Activation.TANH, rng))) {
            List<Tensor> xs = randomSequence(rng, 200, 2, 3);
            GradCheck.defaults().direction(cell.getClass().getSimpleName() + " over 200 steps",
                    () -> Recurrent.unroll(cell, xs).get(199), cell.namedParameters(), 2, rng);
        }
        LstmCell cell = new LstmCell(3, 8, rng);
        List<Tensor> xs = randomSequence(rng, 2000, 4, 3);
        List<Tensor> hs = Recurrent.unroll(cell, xs);
        Ops.sum(hs.get(1999)).backward();
        double g = 0;
        for (Tensor p : cell.parameters()) {
            for (double v : p.gradData()) {
                assertTrue(Double.isFinite(v));
                g += Math.abs(v);
            }
        }
        assertTrue(g > 0, "no gradient reached the parameters after 2000 steps");
        GruCell back = new GruCell(3, 4, rng);
        List<Tensor> bidi = new Bidirectional("f", new GruCell(3, 4, rng), "b", back).apply(xs).backward();
        assertEquals(2000, bidi.size());
        Ops.sum(bidi.get(0)).backward(); // g_1 has seen all 2000 steps
        assertTrue(back.namedParameters().get("Wh").hasGrad());
        for (double v : back.namedParameters().get("Wh").gradData()) {
            assertTrue(Double.isFinite(v));
        }
    }
}
