package org.strnn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
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
import org.openjdk.jmh.infra.Blackhole;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.kernel.Gemm;

/**
 * Matrix product forward + backward at STRNN's shapes: a batch of 32 samples x 9 slices = 288 rows
 * times the input projection (5 -> 30) and the recurrent weight (30 -> 30).
 *
 * <p>{@code autograd} is the {@code Ops.matmulTransB} op (EJML kernels) with a backward pass;
 * {@code kernel} is the same three products (forward, dX, dW) on the raw {@link Gemm} kernels that
 * the fused STRNN ops use, without a graph.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class MatmulBenchmark {

    /** "rows x inner x out": X is rows x inner, W is out x inner, Y = X W^T is rows x out. */
    @Param({"288x5x30", "288x30x30", "32x300x30"})
    public String shape;

    private Tensor x;
    private Tensor w;
    private DMatrixRMaj upstream;
    private double[] xs;
    private double[] ws;
    private double[] ys;
    private double[] up;
    private double[] dx;
    private double[] dw;
    private int rows;
    private int inner;
    private int out;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        rows = Integer.parseInt(p[0]);
        inner = Integer.parseInt(p[1]);
        out = Integer.parseInt(p[2]);
        SplittableRandom rng = new SplittableRandom(1);
        xs = random(rows * inner, rng);
        ws = random(out * inner, rng);
        up = random(rows * out, rng);
        x = Tensor.variable("x", rows, inner, xs.clone());
        w = Tensor.variable("W", out, inner, ws.clone());
        upstream = new DMatrixRMaj(rows, out, true, up.clone());
        ys = new double[rows * out];
        dx = new double[rows * inner];
        dw = new double[out * inner];
    }

    private static double[] random(int n, SplittableRandom rng) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble(-1, 1);
        }
        return a;
    }

    @Benchmark
    public void autogradForwardBackward(Blackhole bh) {
        x.zeroGrad();
        w.zeroGrad();
        Tensor y = Ops.matmulTransB(x, w);
        y.backward(upstream);
        bh.consume(x.gradData());
        bh.consume(w.gradData());
    }

    @Benchmark
    public void kernelForwardBackward(Blackhole bh) {
        Gemm.multTransB(xs, 0, ws, 0, ys, 0, rows, inner, out, false);
        Gemm.mult(up, 0, ws, 0, dx, 0, rows, out, inner, false);
        Gemm.multTransA(up, 0, xs, 0, dw, 0, out, rows, inner, false);
        bh.consume(ys);
        bh.consume(dx);
        bh.consume(dw);
    }
}
