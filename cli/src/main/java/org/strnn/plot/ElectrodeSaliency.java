package org.strnn.plot;

import java.util.List;
import java.util.Objects;

/**
 * How much each spatial vertex feeds the virtual regions, read off the sparse spatial projections
 * (spec section 4).
 *
 * <p>Column {@code k} of {@code G_r} (n x Ks) mixes the vertices into region {@code k}, and the L1
 * penalty drives the weights of unused vertices to zero. The saliency of vertex {@code v} is
 *
 * <pre>    s_v = sum_r sum_k |G_r[v][k]|,</pre>
 *
 * divided by the largest {@code s_v}, so the most salient vertex scores 1 and a vertex that no
 * direction uses scores 0.
 */
public final class ElectrodeSaliency {

    private ElectrodeSaliency() {
    }

    /**
     * The saliency of each vertex from the spatial projections of all directions.
     *
     * @param projections {@code G_0 .. G_3} (or any number of directions), each {@code n x Ks}, rows in vertex order
     * @return {@code n} values in {@code [0, 1]}, all 0 when every weight is 0
     * @throws IllegalArgumentException when there are no matrices, their shapes differ, or a weight is not finite
     */
    public static double[] of(List<double[][]> projections) {
        return sum(projections);
    }

    /** {@link #of(List)} for the matrices given one by one: {@code of(g0, g1, g2, g3)}. */
    public static double[] of(double[][]... projections) {
        return sum(List.of(projections));
    }

    private static double[] sum(List<double[][]> projections) {
        Objects.requireNonNull(projections, "projections");
        if (projections.isEmpty()) {
            throw new IllegalArgumentException("saliency needs at least one spatial projection G_r");
        }
        double[][] first = Objects.requireNonNull(projections.get(0), "G_0");
        int n = first.length;
        if (n == 0 || first[0].length == 0) {
            throw new IllegalArgumentException("G_0 is empty");
        }
        int regions = first[0].length;
        double[] s = new double[n];
        for (int r = 0; r < projections.size(); r++) {
            double[][] g = Objects.requireNonNull(projections.get(r), "G_" + r);
            if (g.length != n) {
                throw new IllegalArgumentException("G_" + r + " has " + g.length + " rows, G_0 has " + n);
            }
            for (int v = 0; v < n; v++) {
                if (g[v].length != regions) {
                    throw new IllegalArgumentException("G_" + r + " row " + v + " has " + g[v].length
                            + " columns, G_0 has " + regions);
                }
                for (int k = 0; k < regions; k++) {
                    double w = g[v][k];
                    if (!Double.isFinite(w)) {
                        throw new IllegalArgumentException("G_" + r + "[" + v + "][" + k + "] is " + w);
                    }
                    s[v] += Math.abs(w);
                }
            }
        }
        double max = 0;
        for (double x : s) {
            max = Math.max(max, x);
        }
        if (max > 0) {
            for (int v = 0; v < n; v++) {
                s[v] /= max;
            }
        }
        return s;
    }
}
