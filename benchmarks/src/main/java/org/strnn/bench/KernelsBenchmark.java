package org.strnn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.strnn.autograd.kernel.KernelProvider;
import org.strnn.autograd.kernel.Kernels;
import org.strnn.autograd.kernel.Rows;

/**
 * The hot kernels, scalar against the Vector API, at STRNN shapes, in one JVM started with
 * {@code --add-modules jdk.incubator.vector} (both implementations are then available;
 * {@link KernelProvider#scalar()} and {@link KernelProvider#vector()} pick one explicitly).
 * Both give bit-identical results (KernelsBitIdentityTest), so this measures speed alone.
 *
 * <ul>
 *   <li>{@code mulRows}: C (m x n) = S (m x k) B (k x n) with S, B and C as row arrays, the
 *       kernel under every product of the model ({@code Gemm.multPacked} gathers S's rows and
 *       calls it; four-row register tiles in the Vector API kernels). {@code 288x30x30} is rows x
 *       W^T at batch 32 (288 rows of 30 features times a 30 x 30 weight), {@code 62x36x30} one
 *       slice of the old per-slice spatial recurrence, {@code 10x62x30} one slice of the
 *       projection, and {@code 18x36x32} one vertex over a chunk of 18 slices (batch 32 in 16
 *       chunks), the shape that dominates the spatial op.</li>
 *   <li>{@code mulTransRows}: C (k x n) += A^T B (A given as m rows of k), the spatial op's
 *       weight gradient over a chunk's slices ({@code 18x30x32}, passed with {@code -p}), through
 *       {@code Kernels.mulTransRows}. The scalar kernels copy A's columns into rows and call
 *       {@code mulRows}; the vector ones, for rows of exactly 32 columns (AVX-512), read the
 *       scalars of four output rows straight from a row of A instead (a 4 x 32 tile), and copy
 *       only for the rows left over. {@code mulTransRowsByColumns} does the copy and
 *       {@code mulRows} on any implementation, for comparison.</li>
 * </ul>
 * Scores are microseconds per call; GFLOP/s = 2 m k n / (score * 1000). The warm-up is long
 * because Vector API code is very slow until C2 has compiled it (C1 does not intrinsify it), and
 * C2 takes several seconds for these methods on a loaded machine.
 *
 * <pre>
 *   benchmarks/run-jmh KernelsBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "--add-modules", "jdk.incubator.vector"})
public class KernelsBenchmark {

    /** "m x k x n". */
    @Param({"288x30x30", "62x36x30", "10x62x30", "18x36x32"})
    public String shape;

    /** {@code scalar} or {@code vector}. */
    @Param({"scalar", "vector"})
    public String impl;

    private Kernels kernels;
    private int m;
    private int k;
    private int n;
    private int width;
    private double[][] bRows;
    private double[][] cRows;
    private double[][] grad;
    private double[][] sRows;
    private double[][] aRows;

    @Setup
    public void setUp() {
        kernels = impl.equals("vector")
                ? KernelProvider.vector().orElseThrow(() -> new IllegalStateException(
                        "no vector kernels: " + KernelProvider.whyNotVector().orElse("")))
                : KernelProvider.scalar();
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        k = Integer.parseInt(p[1]);
        n = Integer.parseInt(p[2]);
        width = Rows.padded(n);
        SplittableRandom rng = new SplittableRandom(1);
        bRows = new double[k][width];
        for (double[] b : bRows) {
            System.arraycopy(random(rng, n), 0, b, 0, n);
        }
        cRows = new double[m][width];
        grad = new double[k][width];
        sRows = new double[m][];
        for (int i = 0; i < m; i++) {
            sRows[i] = random(rng, k);
        }
        aRows = new double[m][];
        for (int i = 0; i < m; i++) {
            aRows[i] = random(rng, k);
        }
    }

    private static double[] random(SplittableRandom rng, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    @Benchmark
    public double[][] mulRows() {
        kernels.mulRows(sRows, 0, m, 0, k, bRows, cRows, 0, width, false);
        return cRows;
    }

    @Benchmark
    public double[][] mulTransRows() {
        // C (k x width) += A^T B for A (m x k) and B (m rows of width): B's rows are cRows here.
        kernels.mulTransRows(aRows, 0, k, 0, m, cRows, grad, 0, width);
        return grad;
    }

    /**
     * The same product the way the scalar kernels compute it (and the vector ones where no
     * transposing tile fits): A's columns copied into rows, then {@code mulRows}.
     */
    @Benchmark
    public double[][] mulTransRowsByColumns() {
        Rows.mulTransRowsByColumns(kernels, aRows, 0, k, 0, m, cRows, grad, 0, width);
        return grad;
    }
}
