package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Parallel;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.kernel.KernelProvider;
import org.strnn.autograd.types.Activation;
import org.strnn.nn.ElmanCell;
import org.strnn.nn.Recurrent;

/**
 * The temporal layer as the model runs it ({@link Recurrent#unrollStacked}: the input terms of all
 * slices in one product) against unrolling slice by slice, at the SEED shape (9 slices of 32
 * samples, 300 inputs, 30 hidden), on 1 and 2 threads, with whichever kernels this run has (the
 * suite runs with the scalar and with the vector kernels): the hidden states and the gradients of
 * the input, Wh and b are the same to the bit; only Wx's gradient sums its terms in another order.
 * At this size the stacked product is split over two threads.
 */
class StackedTemporalTest {

    @AfterEach
    void singleThreaded() {
        Parallel.setThreads(1);
    }

    @Test
    void stackedInputTermsGiveTheSameBitsAsSliceBySlice() {
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.setThreads(threads);
            for (boolean reversed : new boolean[] {false, true}) {
                check(threads, reversed);
            }
        }
    }

    private static void check(int threads, boolean reversed) {
        int steps = 9;
        int batch = 32;
        SplittableRandom rng = new SplittableRandom(7);
        ElmanCell cell = new ElmanCell(300, 30, Activation.RELU, rng);
        double[] data = new double[steps * batch * 300];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextGaussian();
        }
        Tensor stacked = Tensor.variable("m", steps * batch, 300, data);
        List<Tensor> slices = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            slices.add(Ops.sliceRows(stacked, t * batch, batch));
        }
        String what = KernelProvider.name() + ", " + threads + " thread(s), "
                + (reversed ? "reversed" : "forward");
        List<Tensor> bySlice = reversed ? Recurrent.unrollReversed(cell, slices) : Recurrent.unroll(cell, slices);
        List<Tensor> byStack = reversed ? Recurrent.unrollReversedStacked(cell, stacked, steps)
                : Recurrent.unrollStacked(cell, stacked, steps);
        for (int t = 0; t < steps; t++) {
            assertArrayEquals(bySlice.get(t).data(), byStack.get(t).data(), 0.0, what + ", h_" + (t + 1));
        }
        Map<String, double[]> sliceGrads = gradients(bySlice, cell, stacked);
        Map<String, double[]> stackGrads = gradients(byStack, cell, stacked);
        for (String name : List.of("m", "Wh", "b")) {
            assertArrayEquals(sliceGrads.get(name), stackGrads.get(name), 0.0, what + ", d/d" + name);
        }
        assertArrayEquals(sliceGrads.get("Wx"), stackGrads.get("Wx"), 1e-9, what + ", d/dWx");
    }

    /** The gradients of the sum of all hidden states with respect to the input and the cell's parameters. */
    private static Map<String, double[]> gradients(List<Tensor> hs, ElmanCell cell, Tensor stacked) {
        stacked.zeroGrad();
        cell.parameters().forEach(Tensor::zeroGrad);
        Ops.sum(Ops.concatCols(hs)).backward();
        Map<String, Tensor> p = cell.namedParameters();
        return Map.of("m", stacked.gradData().clone(), "Wx", p.get("Wx").gradData().clone(),
                "Wh", p.get("Wh").gradData().clone(), "b", p.get("b").gradData().clone());
    }
}
