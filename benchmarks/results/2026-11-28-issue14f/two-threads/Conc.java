import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import org.strnn.autograd.Activation;
import org.strnn.autograd.Dag;
import org.strnn.autograd.kernel.*;
import org.strnn.layout.Layouts;
import org.strnn.model.Direction;
import org.strnn.model.SpatialGraph;

/**
 * Forward plus backward time of one chunk of the spatial op (one direction, 18 slices, SEED's
 * shape) on 1 thread alone, then on 2 threads at once, each thread with its own data and weights:
 * nothing is shared, so any slow-down on 2 threads comes from the machine (caches, memory,
 * clock). With -Dreuse=true each thread keeps one set of forward states; without, it allocates
 * fresh ones per chunk, as SpatialRecurrence does. Throw-away probe, to see whether two threads
 * slow each other down.
 */
public class Conc {
    static final boolean REUSE = Boolean.getBoolean("reuse");
    public static void main(String[] args) throws Exception {
        int rows = 18, reps = Integer.parseInt(args[0]);
        int n = 62, d = 5, h = 30, k = 10;
        Dag dag = SpatialGraph.dag(Layouts.seed62(), Direction.TOP_LEFT);
        for (int round = 0; round < 8; round++) {
            for (int threads : new int[] {1, 2}) {
                double[] perChunk = new double[threads];
                CyclicBarrier start = new CyclicBarrier(threads);
                Thread[] ts = new Thread[threads];
                for (int q = 0; q < threads; q++) {
                    int id = q;
                    ts[q] = new Thread(() -> {
                        SplittableRandom r = new SplittableRandom(1 + id);
                        double[] u = rnd(h * d, .3, r), w = rnd(h * h, .15, r), b = rnd(h, .1, r), g = rnd(n * k, .2, r);
                        double[] xs = rnd(rows * n * d, 1, r), up = rnd(rows * h * k, 1, r), ys = new double[rows * h * k], dx = new double[rows * n * d];
                        SpatialWeights wt = SpatialWeights.pack(dag, u, w, b, g, d, h, k);
                        SpatialGradients part = new SpatialGradients(wt, true, true, true);
                        SpatialScratch kept = new SpatialScratch(wt, rows);
                        try { start.await(); } catch (Exception e) { throw new RuntimeException(e); }
                        long t0 = System.nanoTime();
                        for (int it = 0; it < reps; it++) {
                            // fresh forward states per chunk, as SpatialRecurrence allocates them
                            SpatialScratch ws = REUSE ? kept : new SpatialScratch(wt, rows);
                            SpatialForward.rows(Activation.RELU, wt, xs, ys, 0, rows, ws);
                            SpatialBackward.rows(Activation.RELU, wt, xs, ws, up, dx, part, 0, rows);
                        }
                        perChunk[id] = (System.nanoTime() - t0) / 1e3 / reps;
                    });
                    ts[q].start();
                }
                for (Thread t : ts) t.join();
                if (round >= 2) {
                    System.out.printf("round %d threads %d: %s us per chunk%n", round, threads, java.util.Arrays.toString(java.util.Arrays.stream(perChunk).map(x -> Math.round(x * 10) / 10.0).toArray()));
                }
            }
        }
    }

    static double[] rnd(int len, double s, SplittableRandom r) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) a[i] = s * r.nextGaussian();
        return a;
    }
}
