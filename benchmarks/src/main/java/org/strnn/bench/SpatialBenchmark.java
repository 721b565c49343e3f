package org.strnn.bench;

import java.util.List;
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
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.types.Activation;
import org.strnn.autograd.types.Dag;
import org.strnn.layout.Layouts;
import org.strnn.model.Direction;
import org.strnn.model.SpatialGraph;

/**
 * One direction of the spatial layer at SEED's shapes (n = 62, d = 5, h = 30, K = 10) for a batch
 * of {@code batch} samples x 9 slices, forward and forward + backward: the fused
 * {@code Ops.spatialRecurrence} against the same math composed from primitive ops (the input
 * projection, the recurrence vertex by vertex in topological order, {@code mixBlocks}).
 *
 * <pre>
 *   benchmarks/run-jmh SpatialBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SpatialBenchmark {

    @Param({"32"})
    public int batch;

    private static final int N = 62;
    private static final int D = 5;
    private static final int H = 30;
    private static final int K = 10;

    private Dag dag;
    private Tensor x;
    private Tensor u;
    private Tensor w;
    private Tensor b;
    private Tensor g;
    private DMatrixRMaj upstream;

    @Setup
    public void setUp() {
        dag = SpatialGraph.dag(Layouts.seed62(), Direction.TOP_LEFT);
        SplittableRandom rng = new SplittableRandom(1);
        int rows = 9 * batch;
        x = Tensor.constant(random(rows, N * D, 1.0, rng));
        u = Tensor.variable("U", random(H, D, 0.3, rng));
        w = Tensor.variable("W", random(H, H, 0.15, rng));
        b = Tensor.variable("b", random(1, H, 0.1, rng));
        g = Tensor.variable("G", random(N, K, 0.2, rng));
        upstream = random(rows, H * K, 1.0, rng);
    }

    private static DMatrixRMaj random(int rows, int cols, double scale, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = scale * rng.nextGaussian();
        }
        return m;
    }

    private Tensor composed() {
        int rows = x.rows();
        Tensor xw = Ops.reshape(Ops.matmulTransB(Ops.reshape(x, rows * N, D), u), rows, N * H);
        Tensor[] hs = new Tensor[N];
        for (int v : dag.order()) {
            Tensor pre = Ops.addRow(Ops.sliceCols(xw, v * H, H), b);
            int[] preds = dag.predecessors(v);
            if (preds.length > 0) {
                Tensor sum = hs[preds[0]];
                for (int k = 1; k < preds.length; k++) {
                    sum = Ops.add(sum, hs[preds[k]]);
                }
                pre = Ops.add(pre, Ops.matmulTransB(sum, w));
            }
            hs[v] = Ops.relu(pre);
        }
        return Ops.mixBlocks(Ops.concatCols(List.of(hs)), g, H);
    }

    private Tensor fused() {
        return Ops.spatialRecurrence(x, u, w, b, g, dag, Activation.RELU);
    }

    private void zeroGrads() {
        for (Tensor t : List.of(u, w, b, g)) {
            t.zeroGrad();
        }
    }

    @Benchmark
    public Tensor fusedForward() {
        return fused();
    }

    @Benchmark
    public Tensor fusedForwardBackward() {
        zeroGrads();
        Tensor y = fused();
        y.backward(upstream);
        return y;
    }

    @Benchmark
    public Tensor composedForward() {
        return composed();
    }

    @Benchmark
    public Tensor composedForwardBackward() {
        zeroGrads();
        Tensor y = composed();
        y.backward(upstream);
        return y;
    }
}
