package org.strnn.autograd.kernel;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.strnn.autograd.types.Activation;
import org.strnn.autograd.types.Dag;
import org.strnn.layout.Layouts;
import org.strnn.model.Direction;
import org.strnn.model.SpatialGraph;

/**
 * Time per call site of one chunk (18 slices, batch 32 in 16 chunks) of one direction of the
 * spatial op at SEED's shape, forward then backward, with the instrumented copies made by
 * instrument.py. Prints microseconds per chunk, averaged over {@code reps} chunks, for 8 rounds.
 */
public class Prof {
    public static void main(String[] args) {
        int rows = 18;
        int reps = Integer.parseInt(args[0]);
        int n = 62, d = 5, h = 30, k = 10;
        Dag dag = SpatialGraph.dag(Layouts.seed62(), Direction.TOP_LEFT);
        SplittableRandom r = new SplittableRandom(1);
        double[] u = rnd(h * d, .3, r), w = rnd(h * h, .15, r), b = rnd(h, .1, r), g = rnd(n * k, .2, r);
        double[] xs = rnd(rows * n * d, 1, r), up = rnd(rows * h * k, 1, r);
        double[] ys = new double[rows * h * k], dx = new double[rows * n * d];
        SpatialWeights wt = SpatialWeights.pack(dag, u, w, b, g, d, h, k);
        SpatialScratch ws = new SpatialScratch(wt, rows);
        SpatialGradients part = new SpatialGradients(wt, true, true, true);
        System.out.println("kernels " + KernelProvider.IMPL.name());
        for (int round = 0; round < 8; round++) {
            Arrays.fill(ProfForward.T, 0);
            Arrays.fill(ProfBackward.T, 0);
            long f = 0, bk = 0;
            for (int it = 0; it < reps; it++) {
                long t0 = System.nanoTime();
                ProfForward.rows(Activation.RELU, wt, xs, ys, 0, rows, ws);
                long t1 = System.nanoTime();
                ProfBackward.rows(Activation.RELU, wt, xs, ws, up, dx, part, 0, rows);
                f += t1 - t0;
                bk += System.nanoTime() - t1;
            }
            double q = 1e3 * reps;
            long[] F = ProfForward.T;
            long[] B = ProfBackward.T;
            System.out.printf("fwd %.1f us [sums+x %.1f, product %.1f, relu %.1f, projection %.1f (product %.1f)]%n",
                    f / q, F[0] / q, F[1] / q, F[2] / q, F[3] / q, F[4] / q);
            System.out.printf("bwd %.1f us [dH=G dS^T and copies %.1f (product %.1f), dG %.1f, E sums %.1f, E W %.1f, dW^T %.1f,"
                    + " relu' %.1f, dU^T;db %.1f, dX %.1f]%n", bk / q, B[0] / q, B[9] / q, B[1] / q, B[2] / q, B[3] / q,
                    B[4] / q, B[5] / q, B[7] / q, B[8] / q);
        }
    }

    static double[] rnd(int len, double s, SplittableRandom r) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = s * r.nextGaussian();
        }
        return a;
    }
}
