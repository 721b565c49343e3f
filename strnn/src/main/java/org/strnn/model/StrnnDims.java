package org.strnn.model;

/**
 * The sizes of an STRNN, derived once from a {@link StrnnConfig}, under the spec's names.
 *
 * @param n       vertices
 * @param d       features per vertex
 * @param steps   T, slices per sample
 * @param ds      width of the spatial hidden state
 * @param ks      Ks, columns of each G_r
 * @param dt      width of the temporal hidden state
 * @param kt      Kt, columns of Gf and Gb
 * @param classes C
 * @param directions R, the number of spatial directions
 * @param merged  dim m: ds*Ks for a sum, R*ds*Ks for a concatenation
 */
public record StrnnDims(int n, int d, int steps, int ds, int ks, int dt, int kt, int classes, int directions,
                        int merged) {

    /** The sizes of {@code c}. */
    public static StrnnDims of(StrnnConfig c) {
        return new StrnnDims(c.vertices(), c.features(), c.steps(), c.spatialHidden(), c.spatialRegions(),
                c.temporalHidden(), c.temporalRegions(), c.classes(), c.directions().size(), c.mergedSize());
    }

    /** n*d, the values of one slice. */
    public int sliceSize() {
        return n * d;
    }

    /** T*n*d, the values of one sample. */
    public int sampleSize() {
        return steps * n * d;
    }

    /** ds*Ks, the width of one direction's projection S_r. */
    public int spatialWidth() {
        return ds * ks;
    }

    /** dt*Kt, the width of vec(Qf) and vec(Qb). */
    public int temporalWidth() {
        return dt * kt;
    }
}
