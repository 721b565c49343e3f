package org.strnn.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.types.Dag;
import org.strnn.nn.ElmanCell;
import org.strnn.nn.Inits;
import org.strnn.nn.Module;
import org.strnn.nn.Recurrent;

/**
 * The STRNN model of {@code docs/strnn-spec.md}, computed for a whole batch at once.
 *
 * <p>Parameters, with the names and shapes of spec section 8 and in that order: for each
 * direction r, {@code Ur} (ds x d), {@code Wr} (ds x ds), {@code br} (ds), {@code Gr} (n x Ks); then
 * {@code Rf} (dt x dim m), {@code Vf} (dt x dt), {@code bf} (dt), {@code Gf} (T x Kt), the same for
 * the backward direction, and {@code Pf}, {@code Pb} (C x dt*Kt) and {@code c} (C). Vectors are
 * 1 x k tensors. Ablations drop {@code Wr} (no spatial RNN) or {@code Vf}, {@code Vb} (no temporal
 * RNN); fewer directions keep the spec's index r in the names.
 *
 * <p>Data layout: a batch of B samples enters as X, a (T*B) x (n*d) matrix whose row
 * {@code t*B + b} is slice t of sample b, vertex v in columns {@code v*d .. v*d+d-1}. Time-major rows
 * make each time step of the temporal RNN a contiguous block of B rows.
 */
public final class StrnnModel extends Module {

    private final StrnnConfig config;
    private final List<Dag> dags = new ArrayList<>();
    private final List<Tensor> u = new ArrayList<>();
    private final List<Tensor> w = new ArrayList<>();
    private final List<Tensor> b = new ArrayList<>();
    private final List<Tensor> g = new ArrayList<>();
    private final ElmanCell forwardCell;
    private final ElmanCell backwardCell;
    private final Tensor rf;
    private final Tensor bfBias;
    private final Tensor rb;
    private final Tensor bbBias;
    private final Tensor gf;
    private final Tensor gb;
    private final Tensor pf;
    private final Tensor pb;
    private final Tensor c;
    private InputScaling scaling;

    /** A new model with the default {@link WeightInit#SCALED} weights and zero biases, drawn from {@code rng}. */
    public StrnnModel(StrnnConfig config, RandomGenerator rng) {
        this(config, WeightInit.defaultInit(), rng);
    }

    /**
     * A new model with weights drawn from {@code rng} as {@code init} says, and zero biases (spec
     * section 7). {@link WeightInit#XAVIER} gives the same values as public ports' Xavier-normal.
     */
    public StrnnModel(StrnnConfig config, WeightInit init, RandomGenerator rng) {
        this.config = config;
        int n = config.vertices();
        int d = config.features();
        int ds = config.spatialHidden();
        int dt = config.temporalHidden();
        int steps = config.steps();
        int kt = config.temporalRegions();
        for (Direction dir : config.directions()) {
            dags.add(SpatialGraph.dag(config.layout(), dir));
        }
        // Spec order: all U, then all W, all b, all G.
        for (Direction dir : config.directions()) {
            u.add(parameter("U" + dir.ordinal(), ds, d, Inits.xavierNormal(), rng));
        }
        if (config.spatialRecurrence()) {
            for (Direction dir : config.directions()) {
                w.add(parameter("W" + dir.ordinal(), ds, ds, Inits.xavierNormal(), rng));
            }
        }
        for (Direction dir : config.directions()) {
            b.add(parameter("b" + dir.ordinal(), 1, ds, Inits.zeros(), rng));
        }
        for (Direction dir : config.directions()) {
            g.add(parameter("G" + dir.ordinal(), n, config.spatialRegions(), Inits.xavierNormal(), rng));
        }
        int dm = config.mergedSize();
        if (config.temporalRecurrence()) {
            forwardCell = register("", new ElmanCell(dm, dt, config.activation(),
                    new ElmanCell.Names("Rf", "Vf", "bf"), Inits.xavierNormal(), rng));
            rf = null;
            bfBias = null;
        } else {
            forwardCell = null;
            rf = parameter("Rf", dt, dm, Inits.xavierNormal(), rng);
            bfBias = parameter("bf", 1, dt, Inits.zeros(), rng);
        }
        gf = parameter("Gf", steps, kt, Inits.xavierNormal(), rng);
        if (config.temporalRecurrence()) {
            backwardCell = register("", new ElmanCell(dm, dt, config.activation(),
                    new ElmanCell.Names("Rb", "Vb", "bb"), Inits.xavierNormal(), rng));
            rb = null;
            bbBias = null;
        } else {
            backwardCell = null;
            rb = parameter("Rb", dt, dm, Inits.xavierNormal(), rng);
            bbBias = parameter("bb", 1, dt, Inits.zeros(), rng);
        }
        gb = parameter("Gb", steps, kt, Inits.xavierNormal(), rng);
        pf = parameter("Pf", config.classes(), dt * kt, Inits.xavierNormal(), rng);
        pb = parameter("Pb", config.classes(), dt * kt, Inits.xavierNormal(), rng);
        c = parameter("c", 1, config.classes(), Inits.zeros(), rng);
        scaling = InputScaling.identity(n * d);
        init.redraw(this, rng);
    }

    /** The standardisation applied by {@link #input}; the identity unless set. */
    public InputScaling inputScaling() {
        return scaling;
    }

    /** Sets the standardisation that {@link #input} applies (fitted on the training set). */
    public void setInputScaling(InputScaling s) {
        if (s.channels() != config.dims().sliceSize()) {
            throw new IllegalArgumentException("input scaling has " + s.channels() + " channels, the model has n*d = "
                    + config.dims().sliceSize());
        }
        scaling = s;
    }

    public StrnnConfig config() {
        return config;
    }

    /** The spatial DAGs, one per configured direction. */
    public List<Dag> dags() {
        return List.copyOf(dags);
    }

    /**
     * The input tensor of a batch: {@code samples} holds B samples one after the other, each
     * {@code T x n x d} in row-major order (as the data readers' {@code SampleSet} stores them).
     * Checks the length, rejects NaN or infinite values (naming the sample), and applies the
     * {@link #inputScaling()}.
     */
    public Tensor input(double[] samples, int batch) {
        StrnnDims z = config.dims();
        if (batch < 1 || samples.length != (long) batch * z.sampleSize()) {
            throw new IllegalArgumentException("a batch of " + batch + " samples of T=" + z.steps() + " x n=" + z.n()
                    + " x d=" + z.d() + " needs " + (long) batch * z.sampleSize() + " values, got " + samples.length);
        }
        double[] x = new double[samples.length];
        timeMajor(config, z, scaling, samples, batch, x);
        return Tensor.constant(z.steps() * batch, z.sliceSize(), x);
    }

    /**
     * Writes {@code batch} samples (each T x n x d, one after the other) into {@code x} in the
     * time-major layout of {@link #input}, standardised by {@code scaling}; rejects NaN or infinite
     * values, naming the sample, the slice, the vertex and the feature. Shared with
     * {@link StrnnClassifier}; allocates nothing.
     */
    static void timeMajor(StrnnConfig config, StrnnDims z, InputScaling scaling, double[] samples, int batch,
                          double[] x) {
        int nd = z.sliceSize();
        for (int s = 0; s < batch; s++) {
            for (int t = 0; t < z.steps(); t++) {
                int src = (s * z.steps() + t) * nd;
                for (int k = 0; k < nd; k++) {
                    double value = samples[src + k];
                    if (!Double.isFinite(value)) {
                        throw new IllegalArgumentException("sample " + s + " has " + value + " at t=" + t + ", vertex "
                                + config.layout().electrode(k / z.d()).name() + ", feature " + k % z.d());
                    }
                }
                int dst = (t * batch + s) * nd;
                for (int k = 0; k < nd; k++) {
                    x[dst + k] = scaling.apply(samples[src + k], k);
                }
            }
        }
    }

    /** The logits o (B x C) of a batch built by {@link #input}. */
    public Tensor logits(Tensor x) {
        StrnnDims z = config.dims();
        int steps = z.steps();
        if (x.cols() != z.sliceSize() || x.rows() % steps != 0) {
            throw new IllegalArgumentException("the input must be (T*B) x (n*d) = (" + steps + "*B) x "
                    + z.sliceSize() + ", got " + x.shape());
        }
        Tensor m = spatial(x);
        List<Tensor> fs;
        List<Tensor> gs;
        if (config.temporalRecurrence()) {
            // m is time-major (slice t is rows t*B .. t*B+B-1): each cell's input terms R m_t for
            // all slices are one product
            fs = Recurrent.unrollStacked(forwardCell, m, steps);
            gs = Recurrent.unrollReversedStacked(backwardCell, m, steps);
        } else {
            int batch = x.rows() / steps;
            List<Tensor> slices = new ArrayList<>(steps);
            for (int t = 0; t < steps; t++) {
                slices.add(Ops.sliceRows(m, t * batch, batch));
            }
            fs = feedForward(slices, rf, bfBias);
            gs = feedForward(slices, rb, bbBias);
        }
        Tensor qf = Ops.mixBlocks(Ops.concatCols(fs), gf, z.dt());
        Tensor qb = Ops.mixBlocks(Ops.concatCols(gs), gb, z.dt());
        return Ops.addRow(Ops.add(Ops.matmulTransB(qf, pf), Ops.matmulTransB(qb, pb)), c);
    }

    /** m (T*B x dim m): the merged spatial projections of every slice (spec sections 3 and 4). */
    Tensor spatial(Tensor x) {
        StrnnDims z = config.dims();
        int n = z.n();
        int ds = z.ds();
        int rows = x.rows();
        Tensor vertexRows = config.spatialRecurrence() ? null : Ops.reshape(x, rows * n, z.d());
        List<Tensor> projections = new ArrayList<>(dags.size());
        for (int k = 0; k < dags.size(); k++) {
            if (config.spatialRecurrence()) {
                projections.add(Ops.spatialRecurrence(x, u.get(k), w.get(k), b.get(k), g.get(k), dags.get(k),
                        config.activation()));
            } else {
                Tensor inputTerm = Ops.matmulTransB(vertexRows, u.get(k));
                Tensor h = Ops.reshape(Ops.activate(Ops.addRow(inputTerm, b.get(k)), config.activation()), rows,
                        n * ds);
                projections.add(Ops.mixBlocks(h, g.get(k), ds));
            }
        }
        if (config.merge() == Merge.CONCAT) {
            return Ops.concatCols(projections);
        }
        Tensor m = projections.get(0);
        for (int k = 1; k < projections.size(); k++) {
            m = Ops.add(m, projections.get(k));
        }
        return m;
    }

    private List<Tensor> feedForward(List<Tensor> slices, Tensor r, Tensor bias) {
        List<Tensor> out = new ArrayList<>(slices.size());
        for (Tensor mt : slices) {
            out.add(Ops.activate(Ops.addRow(Ops.matmulTransB(mt, r), bias), config.activation()));
        }
        return out;
    }

    /**
     * The training loss of spec section 6: mean cross-entropy, plus the L1 terms when sparsity is
     * {@link SparsityMode#L1}.
     */
    public Tensor loss(Tensor logits, int[] labels) {
        Tensor ce = Ops.softmaxCrossEntropy(logits, labels);
        if (config.sparsity() != SparsityMode.L1) {
            return ce;
        }
        return Ops.add(ce, penalty());
    }

    /** {@code ls * sum_r |G_r|_1 + lt * (|Gf|_1 + |Gb|_1)}, 1x1. */
    public Tensor penalty() {
        Tensor spatial = Ops.l1(g.get(0));
        for (int k = 1; k < g.size(); k++) {
            spatial = Ops.add(spatial, Ops.l1(g.get(k)));
        }
        Tensor temporal = Ops.add(Ops.l1(gf), Ops.l1(gb));
        return Ops.add(Ops.scale(spatial, config.lambdaSpatial()), Ops.scale(temporal, config.lambdaTemporal()));
    }

    /** The spatial projection matrices G_r, in direction order. */
    public List<Tensor> spatialProjections() {
        return List.copyOf(g);
    }

    /** Gf and Gb. */
    public List<Tensor> temporalProjections() {
        return List.of(gf, gb);
    }
}
