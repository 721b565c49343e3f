package org.strnn.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Grad;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.nn.optim.Adam;
import org.strnn.nn.optim.GradClip;
import org.strnn.nn.optim.Optimizer;

/** A recurrent net learns a task that needs memory. */
class LearningTest {

    /** Sequence parity: the label is the XOR of T bits, so the net must carry one bit of state through time. */
    static final class ParityNet extends Module {
        final RecurrentCell cell;
        final Linear readout;

        ParityNet(RecurrentCell cell, RandomGenerator rng) {
            this.cell = register("rnn", cell);
            this.readout = register("out", new Linear(cell.hiddenSize(), 2, true, rng));
        }

        Tensor logits(List<Tensor> xs) {
            List<Tensor> hs = Recurrent.unroll(cell, xs);
            return readout.apply(hs.get(hs.size() - 1));
        }

        /** Mean cross-entropy of the running parity y_t = x_1 xor ... xor x_t over every step. */
        Tensor runningLoss(List<Tensor> xs, int[] seqs) {
            List<Tensor> hs = Recurrent.unroll(cell, xs);
            Tensor total = null;
            for (int t = 0; t < hs.size(); t++) {
                int[] y = new int[seqs.length];
                for (int b = 0; b < seqs.length; b++) {
                    y[b] = Integer.bitCount(seqs[b] & ((1 << (t + 1)) - 1)) & 1;
                }
                Tensor l = Ops.softmaxCrossEntropy(readout.apply(hs.get(t)), y);
                total = total == null ? l : Ops.add(total, l);
            }
            return Ops.scale(total, 1.0 / hs.size());
        }
    }

    /** Bits of the given sequences as T tensors of batch x 2 (one-hot), and their parities. */
    static List<Tensor> encode(int[] seqs, int steps) {
        List<Tensor> xs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            double[] d = new double[seqs.length * 2];
            for (int b = 0; b < seqs.length; b++) {
                d[b * 2 + ((seqs[b] >> t) & 1)] = 1;
            }
            xs.add(Tensor.constant(seqs.length, 2, d));
        }
        return xs;
    }

    static int[] parities(int[] seqs) {
        int[] y = new int[seqs.length];
        for (int b = 0; b < seqs.length; b++) {
            y[b] = Integer.bitCount(seqs[b]) & 1;
        }
        return y;
    }

    static double train(ParityNet net, int steps, int iterations, int batch, double lr, RandomGenerator rng) {
        Optimizer opt = new Adam(net.parameters(), lr);
        for (int it = 0; it < iterations; it++) {
            int[] seqs = new int[batch];
            for (int b = 0; b < batch; b++) {
                seqs[b] = rng.nextInt(1 << steps);
            }
            net.zeroGrad();
            Tensor loss = net.runningLoss(encode(seqs, steps), seqs);
            loss.backward();
            GradClip.clipGlobalNorm(net.parameters(), 1.0);
            opt.step();
        }
        return accuracy(net, steps);
    }

    /** Accuracy over all 2^T sequences. */
    static double accuracy(ParityNet net, int steps) {
        int[] all = new int[1 << steps];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        int[] y = parities(all);
        try (var off = Grad.disabled()) {
            Tensor logits = net.logits(encode(all, steps));
            int correct = 0;
            for (int b = 0; b < all.length; b++) {
                int pred = logits.get(b, 1) > logits.get(b, 0) ? 1 : 0;
                correct += pred == y[b] ? 1 : 0;
            }
            return (double) correct / all.length;
        }
    }

    /**
     * Running parity of 12 bits: trained on random batches with the parity of every prefix as the
     * target, then scored on the parity of all 4096 full sequences, which no function of the last
     * input alone can predict better than chance (50%).
     */
    @Test
    void gruAndLstmLearnParityWithAFixedSeed() {
        int steps = 12;
        for (String kind : new String[] {"GRU", "LSTM"}) {
            SplittableRandom rng = new SplittableRandom(1);
            RecurrentCell cell = kind.equals("GRU") ? new GruCell(2, 8, rng) : new LstmCell(2, 8, rng);
            ParityNet net = new ParityNet(cell, rng);
            double before = accuracy(net, steps);
            long t0 = System.nanoTime();
            double after = train(net, steps, 200, 32, 0.02, rng);
            System.out.printf("%s parity of %d bits: accuracy %.4f before, %.4f after 200 Adam steps (%.2f s)%n",
                    kind, steps, before, after, (System.nanoTime() - t0) / 1e9);
            assertTrue(before < 0.6, kind + " is already good before training: " + before);
            assertTrue(after >= 0.99, kind + " accuracy after training " + after);
        }
    }
}
