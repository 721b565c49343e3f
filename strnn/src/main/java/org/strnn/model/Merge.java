package org.strnn.model;

/** How the directions' projections are combined (spec sections 4 and 10). */
public enum Merge {
    /** {@code m_t = sum_r vec(S^r_t)}, length {@code ds*Ks}: the paper's figure, the default. */
    SUM,
    /** {@code m_t = [vec(S^0_t), ..., vec(S^{R-1}_t)]}, length {@code R*ds*Ks}: the abstract's wording. */
    CONCAT
}
