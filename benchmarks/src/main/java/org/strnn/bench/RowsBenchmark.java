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
import org.strnn.autograd.kernel.Rows;

/**
 * Why the kernels keep rows as separate arrays: the same product C (m x n) = S (m x k) B (k x n)
 * as an axpy loop over one flat array with offsets ({@code c[ci + j] += s * b[bp + j]}, which C2
 * leaves scalar) and as {@link Rows#mulRows}, the kernel under every product of the model, over
 * zero-based row arrays (which C2 vectorises).
 *
 * <p>Shapes: {@code 62x36x30} is one slice of the spatial recurrence (62 vertices, inputs
 * [p; x; 1], h = 30), {@code 10x62x30} one slice of the projection (S^T = G^T H), and
 * {@code 32x300x30} one step of the temporal RNN's input product at batch 32.
 *
 * <pre>
 *   benchmarks/run-jmh RowsBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class RowsBenchmark {

    /** "m x k x n". */
    @Param({"62x36x30", "10x62x30", "32x300x30"})
    public String shape;

    private int m;
    private int k;
    private int n;
    private double[] s;
    private double[] bFlat;
    private double[] cFlat;
    private double[][] sRows;
    private double[][] bRows;
    private double[][] cRows;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        k = Integer.parseInt(p[1]);
        n = Integer.parseInt(p[2]);
        SplittableRandom rng = new SplittableRandom(1);
        s = new double[m * k];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextDouble(-1, 1);
        }
        bFlat = new double[k * n];
        bRows = new double[k][Rows.padded(n)];
        for (int t = 0; t < k; t++) {
            for (int j = 0; j < n; j++) {
                bFlat[t * n + j] = rng.nextDouble(-1, 1);
                bRows[t][j] = bFlat[t * n + j];
            }
        }
        sRows = new double[m][k];
        for (int i = 0; i < m; i++) {
            System.arraycopy(s, i * k, sRows[i], 0, k);
        }
        cFlat = new double[m * n];
        cRows = new double[m][Rows.padded(n)];
    }

    /** The axpy product on flat storage with offsets (the kernel this project started from). */
    @Benchmark
    public double[] flatOffsets() {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            java.util.Arrays.fill(cFlat, ci, ci + n, 0.0);
            for (int t = 0; t < k; t++) {
                double st = s[i * k + t];
                int bt = t * n;
                for (int j = 0; j < n; j++) {
                    cFlat[ci + j] += st * bFlat[bt + j];
                }
            }
        }
        return cFlat;
    }

    /** The same product on zero-based rows, padded to a multiple of 4. */
    @Benchmark
    public double[][] separateRows() {
        Rows.mulRows(sRows, 0, m, 0, k, bRows, cRows, 0, Rows.padded(n), false);
        return cRows;
    }
}
