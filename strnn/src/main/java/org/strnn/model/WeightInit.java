package org.strnn.model;

import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.strnn.autograd.Tensor;

/**
 * How a new {@link StrnnModel}'s weights are drawn. Biases start at zero either way.
 *
 * <p>{@link #XAVIER} is what public ports of STRNN use: Xavier-normal for every weight. Each
 * vertex sums up to three predecessor states through {@code W_r}, so the spatial states grow at
 * every level of the DAG, and on SEED's 13-level grid the initial loss is hundreds of times
 * {@code ln C}.
 *
 * <p>{@link #SCALED} (the default) keeps the second moment of every hidden state near that of
 * the input, stage by stage, for ReLU units on standardised input (fan-in {@code f}, zero-mean
 * Gaussian weights of the given variance):
 * <ul>
 *   <li>{@code U_r}: {@code 2 / d} (He), so a root vertex has {@code E[h^2] ~ 1};</li>
 *   <li>{@code W_r}: {@code 1 / (ds * k^2)} with {@code k} the largest in-degree of the
 *       direction's DAG. Even when a vertex's {@code k} predecessors are perfectly correlated,
 *       the recurrent term then adds at most half the previous level's second moment, so the
 *       levels converge to at most twice the root level instead of growing geometrically;</li>
 *   <li>{@code G_r}: {@code 1 / (n R)} for a sum of {@code R} directions ({@code 1 / n} for a
 *       concatenation), so {@code m_t} keeps the scale of one hidden state;</li>
 *   <li>{@code Rf}, {@code Rb}: {@code 1 / dim(m)}; {@code Vf}, {@code Vb}: {@code 1 / dt}, the
 *       same half-and-half balance along time;</li>
 *   <li>{@code Gf}, {@code Gb}: {@code 1 / T};</li>
 *   <li>{@code Pf}, {@code Pb}: {@code 0.01 / (2 dt Kt)}, so the initial logits have a standard
 *       deviation near 0.1 and the initial loss is close to {@code ln C}.</li>
 * </ul>
 * The tests pin the outcome: the initial loss on N(0,1) input with random labels is at most
 * {@code 1.5 ln C}, and the last DAG level's RMS state is within 0.5x-2x of the first's.
 */
public enum WeightInit {

    /** Scale-preserving initialisation along the DAG (the default; see the class comment). */
    SCALED,
    /** Xavier-normal for every weight, as in public ports (spec section 7's switch). */
    XAVIER;

    /** The default: {@link #SCALED}. */
    public static WeightInit defaultInit() {
        return SCALED;
    }

    /** The lower-case name used on the command line and in model files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The initialisation named {@code key} ({@code scaled} or {@code xavier}). */
    public static WeightInit of(String key) {
        for (WeightInit w : values()) {
            if (w.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown initialisation '" + key + "' (scaled or xavier)");
    }

    /** Redraws the weights of a freshly built (Xavier) model for {@link #SCALED}; biases stay zero. */
    void redraw(StrnnModel model, RandomGenerator rng) {
        if (this == XAVIER) {
            return;
        }
        StrnnConfig c = model.config();
        Map<String, Tensor> p = model.namedParameters();
        int ds = c.spatialHidden();
        int dt = c.temporalHidden();
        int directions = c.directions().size();
        int spread = c.merge() == Merge.SUM ? directions : 1;
        for (int k = 0; k < directions; k++) {
            int r = c.directions().get(k).ordinal();
            fill(p.get("U" + r), 2.0 / c.features(), rng);
            if (c.spatialRecurrence()) {
                int in = Math.max(1, maxInDegree(model.dags().get(k)));
                fill(p.get("W" + r), 1.0 / ((double) ds * in * in), rng);
            }
            fill(p.get("G" + r), 1.0 / ((double) c.vertices() * spread), rng);
        }
        for (String side : new String[] {"f", "b"}) {
            fill(p.get("R" + side), 1.0 / c.mergedSize(), rng);
            if (c.temporalRecurrence()) {
                fill(p.get("V" + side), 1.0 / dt, rng);
            }
            fill(p.get("G" + side), 1.0 / c.steps(), rng);
            fill(p.get("P" + side), 0.01 / (2.0 * dt * c.temporalRegions()), rng);
        }
    }

    private static int maxInDegree(org.strnn.autograd.types.Dag dag) {
        int max = 0;
        for (int v = 0; v < dag.size(); v++) {
            max = Math.max(max, dag.predecessors(v).length);
        }
        return max;
    }

    private static void fill(Tensor t, double variance, RandomGenerator rng) {
        double s = Math.sqrt(variance);
        double[] data = t.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = s * rng.nextGaussian();
        }
    }
}
