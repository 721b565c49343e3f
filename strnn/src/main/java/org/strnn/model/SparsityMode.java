package org.strnn.model;

/** How the projection matrices G_r, Gf and Gb are made sparse (spec section 6). */
public enum SparsityMode {
    /** L1 penalty terms in the loss, with subgradient 0 at 0 (the paper). */
    L1,
    /** A soft-threshold step after every optimiser update, which produces exact zeros. */
    PROXIMAL,
    /** No sparsity (an ablation). */
    NONE
}
