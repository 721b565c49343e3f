package org.strnn.model;

import java.util.List;
import java.util.Objects;
import org.strnn.autograd.types.Activation;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

/**
 * Every hyper-parameter of the STRNN model (spec sections 3-7), including the switches.
 *
 * @param layout          the spatial vertices and their lattice cells (n = layout.size())
 * @param features        d, values per vertex
 * @param steps           T, time slices per sample
 * @param spatialHidden   ds, width of the spatial hidden state
 * @param spatialRegions  Ks, columns of each G_r
 * @param temporalHidden  dt, width of the temporal hidden state
 * @param temporalRegions Kt, columns of Gf and Gb
 * @param classes         C
 * @param activation      nonlinearity of both RNNs (relu by default; tanh is the spec's switch)
 * @param merge           sum (default) or concatenation of the directions
 * @param directions      the spatial traversals used (all four by default; fewer is an ablation)
 * @param spatialRecurrence  false drops W_r (an ablation: h_v = act(U x_v + b))
 * @param temporalRecurrence false drops Vf and Vb (an ablation: f_t = act(Rf m_t + bf))
 * @param sparsity        L1 penalty (default), proximal step, or none
 * @param lambdaSpatial   ls, weight of sum_r |G_r|_1
 * @param lambdaTemporal  lt, weight of |Gf|_1 + |Gb|_1
 */
public record StrnnConfig(
        Layout layout,
        int features,
        int steps,
        int spatialHidden,
        int spatialRegions,
        int temporalHidden,
        int temporalRegions,
        int classes,
        Activation activation,
        Merge merge,
        List<Direction> directions,
        boolean spatialRecurrence,
        boolean temporalRecurrence,
        SparsityMode sparsity,
        double lambdaSpatial,
        double lambdaTemporal) {

    public StrnnConfig {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(merge, "merge");
        Objects.requireNonNull(sparsity, "sparsity");
        directions = List.copyOf(directions);
        positive("d (features)", features);
        positive("T (steps)", steps);
        positive("ds", spatialHidden);
        positive("Ks", spatialRegions);
        positive("dt", temporalHidden);
        positive("Kt", temporalRegions);
        if (classes < 2) {
            throw new IllegalArgumentException("C (classes) must be at least 2, got " + classes);
        }
        if (directions.isEmpty()) {
            throw new IllegalArgumentException("at least one spatial direction is needed");
        }
        if (directions.stream().distinct().count() != directions.size()) {
            throw new IllegalArgumentException("directions repeat: " + directions);
        }
        if (!(lambdaSpatial >= 0) || !(lambdaTemporal >= 0) || Double.isInfinite(lambdaSpatial)
                || Double.isInfinite(lambdaTemporal)) {
            throw new IllegalArgumentException("L1 weights must be finite and >= 0, got ls=" + lambdaSpatial
                    + ", lt=" + lambdaTemporal);
        }
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
    }

    /** The spec's defaults (section 7) on SEED's 62-channel layout. */
    public static StrnnConfig seedDefaults() {
        return defaults(Layouts.seed62(), 5, 9, 3);
    }

    /** The spec's defaults for another layout, feature count, T and class count. */
    public static StrnnConfig defaults(Layout layout, int features, int steps, int classes) {
        return new Builder(layout, features, steps, classes).build();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(layout, features, steps, classes);
        b.spatialHidden = spatialHidden;
        b.spatialRegions = spatialRegions;
        b.temporalHidden = temporalHidden;
        b.temporalRegions = temporalRegions;
        b.activation = activation;
        b.merge = merge;
        b.directions = directions;
        b.spatialRecurrence = spatialRecurrence;
        b.temporalRecurrence = temporalRecurrence;
        b.sparsity = sparsity;
        b.lambdaSpatial = lambdaSpatial;
        b.lambdaTemporal = lambdaTemporal;
        return b;
    }

    /** n, the number of spatial vertices. */
    public int vertices() {
        return layout.size();
    }

    /** The length of m_t: ds*Ks for a sum, R*ds*Ks for a concatenation. */
    public int mergedSize() {
        int one = spatialHidden * spatialRegions;
        return merge == Merge.SUM ? one : one * directions.size();
    }

    /** The sizes, derived once. */
    public StrnnDims dims() {
        return StrnnDims.of(this);
    }

    /** A short description of the shapes and switches. */
    public String describe() {
        return "STRNN(n=" + vertices() + " [" + layout.name() + "], d=" + features + ", T=" + steps + ", ds="
                + spatialHidden + ", Ks=" + spatialRegions + ", dt=" + temporalHidden + ", Kt=" + temporalRegions
                + ", C=" + classes + ", " + activation.name().toLowerCase() + ", " + merge.name().toLowerCase()
                + " of " + directions.size() + " directions" + (spatialRecurrence ? "" : ", no spatial RNN")
                + (temporalRecurrence ? "" : ", no temporal RNN") + ", sparsity " + sparsity.name().toLowerCase()
                + ")";
    }

    /** Builds a configuration from the spec's defaults, changing only what is set. */
    public static final class Builder {
        private Layout layout;
        private int features;
        private int steps;
        private int classes;
        private int spatialHidden = 30;
        private int spatialRegions = 10;
        private int temporalHidden = 30;
        private int temporalRegions = 5;
        private Activation activation = Activation.RELU;
        private Merge merge = Merge.SUM;
        private List<Direction> directions = List.of(Direction.values());
        private boolean spatialRecurrence = true;
        private boolean temporalRecurrence = true;
        private SparsityMode sparsity = SparsityMode.L1;
        private double lambdaSpatial = 1e-4;
        private double lambdaTemporal = 1e-4;

        public Builder(Layout layout, int features, int steps, int classes) {
            this.layout = layout;
            this.features = features;
            this.steps = steps;
            this.classes = classes;
        }

        public Builder layout(Layout l, int d) {
            layout = l;
            features = d;
            return this;
        }

        public Builder steps(int t) {
            steps = t;
            return this;
        }

        public Builder classes(int c) {
            classes = c;
            return this;
        }

        /** ds, Ks, dt, Kt. */
        public Builder sizes(int ds, int ks, int dt, int kt) {
            spatialHidden = ds;
            spatialRegions = ks;
            temporalHidden = dt;
            temporalRegions = kt;
            return this;
        }

        public Builder activation(Activation a) {
            activation = a;
            return this;
        }

        public Builder merge(Merge m) {
            merge = m;
            return this;
        }

        public Builder directions(List<Direction> d) {
            directions = d;
            return this;
        }

        public Builder recurrence(boolean spatial, boolean temporal) {
            spatialRecurrence = spatial;
            temporalRecurrence = temporal;
            return this;
        }

        public Builder sparsity(SparsityMode mode, double ls, double lt) {
            sparsity = mode;
            lambdaSpatial = ls;
            lambdaTemporal = lt;
            return this;
        }

        public StrnnConfig build() {
            return new StrnnConfig(layout, features, steps, spatialHidden, spatialRegions, temporalHidden,
                    temporalRegions, classes, activation, merge, directions, spatialRecurrence, temporalRecurrence,
                    sparsity, lambdaSpatial, lambdaTemporal);
        }
    }
}
