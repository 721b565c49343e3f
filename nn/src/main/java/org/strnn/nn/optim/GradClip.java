package org.strnn.nn.optim;

import java.util.List;
import org.strnn.autograd.Tensor;

/** Gradient clipping. */
public final class GradClip {

    private GradClip() {
    }

    /**
     * Clips by global norm, as PyTorch's {@code clip_grad_norm_}: with
     * {@code n = sqrt(sum over all gradients of g^2)}, if {@code n > maxNorm} every gradient is
     * multiplied by {@code maxNorm / (n + 1e-6)}, so the direction is kept and the norm becomes
     * (just under) {@code maxNorm}. Parameters without a gradient are ignored.
     *
     * @return the norm {@code n} before clipping
     * @throws IllegalStateException if {@code n} is NaN or infinite (gradients are left unchanged)
     */
    public static double clipGlobalNorm(List<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be finite and > 0, got " + maxNorm);
        }
        double sq = 0;
        for (Tensor p : params) {
            if (p.hasGrad()) {
                for (double g : p.gradData()) {
                    sq += g * g;
                }
            }
        }
        double norm = Math.sqrt(sq);
        if (!Double.isFinite(norm)) {
            throw new IllegalStateException("cannot clip gradients: their global norm is " + norm);
        }
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1) {
            for (Tensor p : params) {
                if (p.hasGrad()) {
                    double[] g = p.gradData();
                    for (int i = 0; i < g.length; i++) {
                        g[i] *= coef;
                    }
                }
            }
        }
        return norm;
    }
}
