package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.kernel.SpatialBackward;
import org.strnn.autograd.kernel.SpatialForward;
import org.strnn.autograd.kernel.SpatialGradients;
import org.strnn.autograd.kernel.SpatialScratch;
import org.strnn.autograd.kernel.SpatialWeights;
import org.strnn.autograd.types.Activation;
import org.strnn.autograd.types.Dag;

/**
 * One direction of STRNN's spatial layer as a single op (spec sections 3 and 4): the input
 * projection, the recurrence over a {@link Dag} and the sparse projection, for every row at once.
 * The math is in the kernels {@link SpatialForward} and {@link SpatialBackward}; this class checks
 * shapes and joins them to the graph.
 *
 * <p>Slices are split into {@link Parallel} chunks. The forward pass keeps each chunk's hidden
 * states for the backward pass; weight gradients are summed per chunk and the chunk sums added in
 * chunk order, so results do not depend on the thread count.
 */
final class SpatialRecurrence {

    private SpatialRecurrence() {
    }

    static Tensor apply(Tensor x, Tensor u, Tensor w, Tensor b, Tensor g, Dag dag, Activation act) {
        int n = dag.size();
        int h = w.rows();
        int d = u.cols();
        int k = g.cols();
        String op = "spatialRecurrence";
        ShapeCheck.require(w.cols() == h, op, "W must be square, got " + w.shape());
        ShapeCheck.require(u.rows() == h, op, "U " + u.shape() + " must have h=" + h + " rows to match W " + w.shape());
        ShapeCheck.require(b.rows() == 1 && b.cols() == h, op, "b must be 1x" + h + " to match W " + w.shape()
                + ", got " + b.shape());
        ShapeCheck.require(g.rows() == n, op, "G " + g.shape() + " must have one row per vertex (the DAG has " + n + ")");
        ShapeCheck.require(x.cols() == n * d, op, "input " + x.shape() + " must have n*d = " + n + "*" + d + " = "
                + n * d + " columns (the DAG has " + n + " vertices, U is " + u.shape() + ")");
        int rows = x.rows();
        int chunks = Parallel.chunks(rows);
        SpatialWeights wt = SpatialWeights.pack(dag, u.value.data, w.value.data, b.value.data, g.value.data, d, h, k);
        DMatrixRMaj out = new DMatrixRMaj(rows, h * k);
        // Each chunk keeps its own hidden states, allocated (and zeroed) on the thread that fills them.
        SpatialScratch[] states = new SpatialScratch[chunks];
        double[] xs = x.value.data;
        double[] ys = out.data;
        Parallel.forEach(chunks, c -> {
            int r0 = Parallel.chunkStart(c, chunks, rows);
            int r1 = Parallel.chunkStart(c + 1, chunks, rows);
            states[c] = new SpatialScratch(wt, r1 - r0);
            SpatialForward.rows(act, wt, xs, ys, r0, r1, states[c]);
        });
        return Tensor.derived(op, out, grad -> {
            boolean wantUb = u.requiresGrad() || b.requiresGrad();
            double[] dx = x.requiresGrad() ? x.gradData() : null;
            SpatialGradients[] parts = new SpatialGradients[chunks];
            Parallel.forEach(chunks, c -> {
                parts[c] = new SpatialGradients(wt, w.requiresGrad(), wantUb, g.requiresGrad());
                SpatialBackward.rows(act, wt, xs, states[c], grad.data, dx, parts[c],
                        Parallel.chunkStart(c, chunks, rows), Parallel.chunkStart(c + 1, chunks, rows));
            });
            SpatialGradients total = parts[0];
            for (int c = 1; c < chunks; c++) {
                total.add(parts[c]);
            }
            total.addTo(wt, w.requiresGrad() ? w.gradData() : null, u.requiresGrad() ? u.gradData() : null,
                    b.requiresGrad() ? b.gradData() : null, g.requiresGrad() ? g.gradData() : null);
        }, x, u, w, b, g);
    }
}
