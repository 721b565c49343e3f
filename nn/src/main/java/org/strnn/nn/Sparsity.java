package org.strnn.nn;

import java.util.List;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;

/**
 * Two ways to make chosen parameters sparse (STRNN's projection matrices G, spec section 6).
 *
 * <ul>
 *   <li>{@link #l1Penalty}: a loss term {@code lambda * sum |w|}. Its (sub)gradient is
 *       {@code lambda * sign(w)}, 0 at 0; an optimiser step with it moves weights towards zero but
 *       rarely lands exactly on zero.</li>
 *   <li>{@link #proximalL1}: after the optimiser step on the loss without the penalty, the
 *       soft-threshold {@code w <- sign(w) max(|w| - tau, 0)}, the proximal operator of
 *       {@code tau |w|}. It sets every weight with {@code |w| <= tau} to exactly zero.</li>
 * </ul>
 *
 * <p>For plain gradient descent with learning rate {@code lr} and penalty {@code lambda}, step then
 * threshold with {@code tau = lr * lambda} is exactly the proximal-gradient (ISTA) step for
 * {@code loss + lambda |w|_1}. With momentum or Adam the effective per-weight step differs (Adam's
 * is {@code lr / (sqrt(v_hat) + eps)}), so {@code tau = lr * lambda} there is the common heuristic,
 * not an exact proximal step.
 */
public final class Sparsity {

    private Sparsity() {
    }

    /** {@code lambda * sum_p sum_ij |p_ij|} as a 1x1 tensor (0 for no parameters), to be added to a loss. */
    public static Tensor l1Penalty(List<Tensor> params, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("L1 penalty lambda must be finite and >= 0, got " + lambda);
        }
        if (params.isEmpty()) {
            return Tensor.scalar(0.0);
        }
        Tensor total = Ops.l1(params.get(0));
        for (int i = 1; i < params.size(); i++) {
            total = Ops.add(total, Ops.l1(params.get(i)));
        }
        return Ops.scale(total, lambda);
    }

    /**
     * Soft-thresholds every value in place: {@code w <- sign(w) max(|w| - threshold, 0)}. A NaN is
     * left as it is.
     *
     * @return how many values are exactly zero afterwards
     */
    public static int proximalL1(List<Tensor> params, double threshold) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("soft-threshold must be finite and >= 0, got " + threshold);
        }
        int zeros = 0;
        for (Tensor p : params) {
            double[] w = p.data();
            for (int i = 0; i < w.length; i++) {
                double a = Math.abs(w[i]) - threshold;
                if (a > 0) {
                    w[i] = Math.copySign(a, w[i]);
                } else if (a <= 0) {
                    w[i] = 0.0;
                } // NaN stays NaN rather than being hidden as a zero
                if (w[i] == 0.0) {
                    zeros++;
                }
            }
        }
        return zeros;
    }
}
