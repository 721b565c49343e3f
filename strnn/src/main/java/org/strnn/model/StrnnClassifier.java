package org.strnn.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import org.strnn.autograd.MixBlocks;
import org.strnn.autograd.Parallel;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.kernel.Elementwise;
import org.strnn.autograd.kernel.Gemm;
import org.strnn.autograd.kernel.SpatialForward;
import org.strnn.autograd.kernel.SpatialScratch;
import org.strnn.autograd.kernel.SpatialWeights;
import org.strnn.autograd.types.Dag;

/**
 * A trained STRNN as a predictor for embedding: thread-safe, records no autograd graph, and once
 * warm allocates nothing per call beyond the returned probabilities (each call borrows a workspace
 * of the classifier's, which grows only for a larger batch; concurrent calls borrow different ones).
 *
 * <pre>{@code
 * StrnnClassifier clf = StrnnClassifier.load(Path.of("model.npz"));
 * double[] p = clf.predict(sample);          // sample is double[T][n][d]
 * }</pre>
 *
 * <p>It computes the same function as {@link StrnnModel#logits} followed by a softmax, with the
 * same kernels, from a snapshot of the model's parameters taken at construction.
 */
public final class StrnnClassifier {

    private final StrnnConfig config;
    private final StrnnDims dims;
    private final List<String> classNames;
    private final InputScaling scaling;
    private final Dag[] dags;
    private final double[][] uT;
    private final double[][] bias;
    private final double[][] g;
    private final SpatialWeights[] spatial;
    private final double[] rfT;
    private final double[] vfT;
    private final double[] bf;
    private final double[] rbT;
    private final double[] vbT;
    private final double[] bb;
    private final double[] gf;
    private final double[] gb;
    private final double[] pfT;
    private final double[] pbT;
    private final double[] c;
    /** The most slices of the spatial layer computed together in inference. */
    private static final int BLOCK_ROWS = 64;

    /**
     * Idle workspaces: a call takes one and gives it back, so concurrent callers never share one,
     * and a steady number of callers allocates nothing. They belong to this classifier and go with
     * it (a per-instance ThreadLocal would leave each classifier's workspace in every long-lived
     * thread that ever called it, until the thread ends).
     */
    private final AtomicReferenceArray<Workspace> idle = new AtomicReferenceArray<>(IDLE_SLOTS);

    /** How many idle workspaces a classifier keeps; more concurrent callers allocate their own. */
    private static final int IDLE_SLOTS = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());

    private StrnnClassifier(StrnnModel model, List<String> classNames) {
        this.config = model.config();
        this.dims = config.dims();
        this.classNames = List.copyOf(classNames);
        this.scaling = model.inputScaling();
        Map<String, Tensor> p = model.namedParameters();
        int d = dims.d();
        int ds = dims.ds();
        int dt = dims.dt();
        int dm = dims.merged();
        List<Direction> dirs = config.directions();
        dags = model.dags().toArray(new Dag[0]);
        uT = new double[dirs.size()][];
        bias = new double[dirs.size()][];
        g = new double[dirs.size()][];
        spatial = new SpatialWeights[dirs.size()];
        for (int k = 0; k < dirs.size(); k++) {
            int r = dirs.get(k).ordinal();
            uT[k] = transposed(p.get("U" + r), ds, d);
            bias[k] = p.get("b" + r).data().clone();
            g[k] = p.get("G" + r).data().clone();
            spatial[k] = config.spatialRecurrence() ? SpatialWeights.pack(dags[k], p.get("U" + r).data(),
                    p.get("W" + r).data(), bias[k], g[k], d, ds, dims.ks()) : null;
        }
        rfT = transposed(p.get("Rf"), dt, dm);
        rbT = transposed(p.get("Rb"), dt, dm);
        vfT = config.temporalRecurrence() ? transposed(p.get("Vf"), dt, dt) : null;
        vbT = config.temporalRecurrence() ? transposed(p.get("Vb"), dt, dt) : null;
        bf = p.get("bf").data().clone();
        bb = p.get("bb").data().clone();
        gf = p.get("Gf").data().clone();
        gb = p.get("Gb").data().clone();
        pfT = transposed(p.get("Pf"), dims.classes(), dims.temporalWidth());
        pbT = transposed(p.get("Pb"), dims.classes(), dims.temporalWidth());
        c = p.get("c").data().clone();
    }

    private static double[] transposed(Tensor t, int rows, int cols) {
        double[] out = new double[rows * cols];
        Gemm.transpose(t.data(), 0, rows, cols, out, 0);
        return out;
    }

    /**
     * Loads a model file written by {@code strnn train} or {@code strnn init}.
     *
     * @throws org.strnn.formats.FormatException naming the file and the problem
     */
    public static StrnnClassifier load(java.nio.file.Path path) {
        org.strnn.model.StrnnFile.Contents file = org.strnn.model.StrnnFile.load(path);
        return new StrnnClassifier(file.model(), file.classNames());
    }

    /** A predictor over a snapshot of {@code model}'s current parameters. */
    public static StrnnClassifier of(StrnnModel model) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < model.config().classes(); i++) {
            names.add("class" + i);
        }
        return new StrnnClassifier(model, names);
    }

    /** The class names, in the order of the probabilities. */
    public List<String> classNames() {
        return classNames;
    }

    public StrnnConfig config() {
        return config;
    }

    /** Class probabilities for one sample, {@code double[T][n][d]}. */
    public double[] predict(double[][][] sample) {
        Workspace ws = acquire();
        try {
            ws.ensure(1);
            fill(ws.x, 0, 1, 0, sample);
            double[] out = new double[dims.classes()];
            run(ws, 1);
            System.arraycopy(ws.probs, 0, out, 0, out.length);
            return out;
        } finally {
            release(ws);
        }
    }

    /** Class probabilities for a batch, {@code double[B][T][n][d]}; row b is sample b. */
    public double[][] predict(double[][][][] batch) {
        if (batch.length == 0) {
            return new double[0][];
        }
        Workspace ws = acquire();
        try {
            ws.ensure(batch.length);
            for (int s = 0; s < batch.length; s++) {
                fill(ws.x, s, batch.length, s, batch[s]);
            }
            double[][] out = new double[batch.length][dims.classes()];
            run(ws, batch.length);
            for (int s = 0; s < batch.length; s++) {
                System.arraycopy(ws.probs, s * dims.classes(), out[s], 0, dims.classes());
            }
            return out;
        } finally {
            release(ws);
        }
    }

    /**
     * Class probabilities for {@code batch} samples stored one after the other, each
     * {@code T x n x d} row-major (as the data readers' {@code SampleSet} stores them), written
     * into {@code out} (batch x C, row-major). Allocates nothing once the workspace is warm.
     */
    public void predict(double[] samples, int batch, double[] out) {
        int per = dims.sampleSize();
        int classes = dims.classes();
        if (batch < 1 || samples.length < batch * per || out.length < batch * classes) {
            throw new IllegalArgumentException("predict: " + batch + " samples of " + per + " values need "
                    + batch * per + " inputs and " + batch * classes + " outputs, got " + samples.length + " and "
                    + out.length);
        }
        Workspace ws = acquire();
        try {
            ws.ensure(batch);
            StrnnModel.timeMajor(config, dims, scaling, samples, batch, ws.x);
            run(ws, batch);
            System.arraycopy(ws.probs, 0, out, 0, batch * classes);
        } finally {
            release(ws);
        }
    }

    /** An idle workspace, or a new one when every kept one is in use. */
    private Workspace acquire() {
        for (int i = 0; i < IDLE_SLOTS; i++) {
            Workspace w = idle.get(i);
            if (w != null && idle.compareAndSet(i, w, null)) {
                return w;
            }
        }
        return new Workspace();
    }

    /** Gives {@code ws} back; dropped when every slot is full. */
    private void release(Workspace ws) {
        for (int i = 0; i < IDLE_SLOTS; i++) {
            if (idle.get(i) == null && idle.compareAndSet(i, null, ws)) {
                return;
            }
        }
    }

    private void fill(double[] x, int s, int batch, int index, double[][][] sample) {
        int steps = dims.steps();
        int n = dims.n();
        int d = dims.d();
        if (sample.length != steps) {
            throw new IllegalArgumentException("sample " + index + " has " + sample.length + " time slices, the model "
                    + "expects T=" + steps);
        }
        for (int t = 0; t < steps; t++) {
            if (sample[t].length != n) {
                throw new IllegalArgumentException("sample " + index + ", slice " + t + " has " + sample[t].length
                        + " vertices, the model expects n=" + n + " (" + config.layout().name() + ")");
            }
            int row = (t * batch + s) * n * d;
            for (int v = 0; v < n; v++) {
                double[] f = sample[t][v];
                if (f.length != d) {
                    throw new IllegalArgumentException("sample " + index + ", slice " + t + ", vertex "
                            + config.layout().electrode(v).name() + " has " + f.length + " features, the model "
                            + "expects d=" + d);
                }
                for (int k = 0; k < d; k++) {
                    if (!Double.isFinite(f[k])) {
                        throw new IllegalArgumentException("sample " + index + " has " + f[k] + " at t=" + t
                                + ", vertex " + config.layout().electrode(v).name() + ", feature " + k);
                    }
                    x[row + v * d + k] = scaling.apply(f[k], v * d + k);
                }
            }
        }
    }

    /**
     * The forward pass on ws.x (T*B x n*d), leaving softmax probabilities in ws.probs (B x C). It
     * takes the steps of {@link StrnnModel#logits} in the same order, each with the kernel that
     * the corresponding graph op runs forward ({@link Gemm}, {@link Elementwise},
     * {@link MixBlocks}, {@link SpatialForward}), so both compute the same bits.
     */
    private void run(Workspace ws, int batch) {
        int steps = dims.steps();
        int dt = dims.dt();
        int kt = dims.kt();
        int classes = dims.classes();
        int rows = steps * batch;
        for (int k = 0; k < dags.length; k++) {
            spatial(ws, k, rows);
            merge(ws, k, rows);
        }
        temporal(ws, batch, rfT, vfT, bf, ws.fcat, false);
        temporal(ws, batch, rbT, vbT, bb, ws.gcat, true);
        MixBlocks.forwardRows(ws.fcat, gf, ws.qf, 0, batch, steps, dt, kt);
        MixBlocks.forwardRows(ws.gcat, gb, ws.qb, 0, batch, steps, dt, kt);
        // o = (qf Pf^T + qb Pb^T) + c, then the softmax
        Gemm.mult(ws.qf, 0, pfT, 0, ws.logits, 0, batch, dt * kt, classes, false);
        Gemm.mult(ws.qb, 0, pbT, 0, ws.tmp, 0, batch, dt * kt, classes, false);
        Elementwise.add(ws.logits, 0, ws.tmp, 0, ws.logits, 0, batch * classes);
        Elementwise.addRow(ws.logits, 0, c, ws.logits, 0, batch, classes);
        Elementwise.softmaxRows(ws.logits, ws.probs, batch, classes);
    }

    /** Direction k's spatial RNN and projection S (rows x ds*Ks) into ws.s. */
    private void spatial(Workspace ws, int k, int rows) {
        int n = dims.n();
        int ds = dims.ds();
        if (config.spatialRecurrence()) {
            // Rows are independent, so the chunks (run in parallel if Parallel allows) give the same bits.
            ws.spatialTask.set(k, rows);
            Parallel.forEach(ws.spatialTask.chunks, ws.spatialTask);
        } else {
            // h = act(x U^T + b) per vertex
            Gemm.mult(ws.x, 0, uT[k], 0, ws.xu, 0, rows * n, dims.d(), ds, false);
            Elementwise.addRow(ws.xu, 0, bias[k], ws.h, 0, rows * n, ds);
            Elementwise.activate(config.activation(), ws.h, 0, ws.h, 0, rows * n * ds);
            MixBlocks.forwardRows(ws.h, g[k], ws.s, 0, rows, n, ds, dims.ks());
        }
    }

    /** Merges direction k's projection in ws.s into m: the sum of the directions, or their concatenation. */
    private void merge(Workspace ws, int k, int rows) {
        int sw = dims.spatialWidth();
        if (config.merge() == Merge.CONCAT) {
            Elementwise.placeColumns(ws.s, rows, sw, ws.m, dims.merged(), k * sw);
        } else if (k == 0) {
            System.arraycopy(ws.s, 0, ws.m, 0, rows * sw);
        } else {
            Elementwise.add(ws.m, 0, ws.s, 0, ws.m, 0, rows * sw);
        }
    }

    /**
     * One direction of the temporal RNN, {@code h_t = act((m_t R^T + h_prev V^T) + b)} (without V
     * for the ablation, and without the V term at the first step, where h_prev = 0), in natural
     * or reverse time order; state t goes to columns {@code t*dt ..} of {@code cat} (B x T*dt).
     */
    private void temporal(Workspace ws, int batch, double[] rT, double[] vT, double[] bias, double[] cat,
                          boolean reverse) {
        int steps = dims.steps();
        int dt = dims.dt();
        int dm = dims.merged();
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            Gemm.mult(ws.m, t * batch * dm, rT, 0, ws.state, 0, batch, dm, dt, false);
            if (vT != null && k > 0) {
                Gemm.mult(ws.previous, 0, vT, 0, ws.recur, 0, batch, dt, dt, false);
                Elementwise.add(ws.state, 0, ws.recur, 0, ws.state, 0, batch * dt);
            }
            Elementwise.addRow(ws.state, 0, bias, ws.state, 0, batch, dt);
            Elementwise.activate(config.activation(), ws.state, 0, ws.previous, 0, batch * dt);
            Elementwise.placeColumns(ws.previous, batch, dt, cat, steps * dt, t * dt);
        }
    }

    /**
     * One direction's spatial layer for a chunk of rows, with one scratch per chunk: a reusable
     * {@link Parallel} body. A chunk is worked in blocks of at most {@link #BLOCK_ROWS} slices, which
     * bounds the scratch (about 1 MB per chunk at the SEED shape: n x 64 slices x 32 values) for a
     * large batch; the results do not depend on the blocks.
     */
    private final class SpatialTask implements IntConsumer {
        private final Workspace ws;
        private final SpatialScratch[] scratch;
        private int k;
        private int rows;
        int chunks;

        SpatialTask(Workspace ws) {
            this.ws = ws;
            this.scratch = new SpatialScratch[Parallel.ROW_CHUNKS];
        }

        void set(int direction, int rowCount) {
            k = direction;
            rows = rowCount;
            chunks = Parallel.threads() == 1 ? 1 : Parallel.chunks(rowCount);
            int most = (rowCount + chunks - 1) / chunks;
            for (int c = 0; c < chunks; c++) {
                if (scratch[c] == null || scratch[c].capacity() < Math.min(most, BLOCK_ROWS)) {
                    scratch[c] = new SpatialScratch(spatial[direction], Math.min(most, BLOCK_ROWS));
                }
            }
        }

        @Override
        public void accept(int c) {
            SpatialForward.rows(config.activation(), spatial[k], ws.x, ws.s,
                    Parallel.chunkStart(c, chunks, rows), Parallel.chunkStart(c + 1, chunks, rows), scratch[c]);
        }
    }

    /** One call's buffers, sized for the largest batch seen so far. */
    private final class Workspace {
        int capacity;
        double[] x;
        double[] xu;
        double[] h;
        double[] s;
        final SpatialTask spatialTask = new SpatialTask(this);
        double[] m;
        double[] state;
        double[] recur;
        double[] previous;
        double[] fcat;
        double[] gcat;
        double[] qf;
        double[] qb;
        double[] logits;
        double[] tmp;
        double[] probs;

        void ensure(int batch) {
            if (batch <= capacity) {
                return;
            }
            int steps = dims.steps();
            int n = dims.n();
            int ds = dims.ds();
            int dt = dims.dt();
            int kt = dims.kt();
            int rows = steps * batch;
            x = new double[rows * n * dims.d()];
            boolean recurrent = config.spatialRecurrence();
            xu = recurrent ? null : new double[rows * n * ds];
            h = recurrent ? null : new double[rows * n * ds];
            s = new double[rows * dims.spatialWidth()];
            m = new double[rows * dims.merged()];
            state = new double[batch * dt];
            recur = new double[batch * dt];
            previous = new double[batch * dt];
            fcat = new double[batch * steps * dt];
            gcat = new double[batch * steps * dt];
            qf = new double[batch * dt * kt];
            qb = new double[batch * dt * kt];
            logits = new double[batch * dims.classes()];
            tmp = new double[batch * dims.classes()];
            probs = new double[batch * dims.classes()];
            capacity = batch;
        }
    }
}
