package org.strnn.nn.optim;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.strnn.autograd.Tensor;

/** Argument checks shared by the optimisers. */
final class Params {

    private Params() {
    }

    /** An immutable copy of {@code params}, each a gradient-taking tensor that appears once. */
    static List<Tensor> checked(String optimizer, List<Tensor> params) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Tensor p : params) {
            if (!p.requiresGrad() || !p.isLeaf()) {
                throw new IllegalArgumentException(optimizer + ": " + p + " is not a parameter (a gradient-taking leaf)");
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException(optimizer + ": " + p + " is listed twice, so it would be updated twice");
            }
        }
        return List.copyOf(params);
    }

    static double learningRate(String optimizer, double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(optimizer + ": learning rate must be finite and >= 0, got " + lr);
        }
        return lr;
    }

    static double inRange(String optimizer, String what, double x, double lo, double hiExclusive) {
        if (!(x >= lo && x < hiExclusive)) {
            throw new IllegalArgumentException(optimizer + ": " + what + " must be in [" + lo + ", " + hiExclusive
                    + "), got " + x);
        }
        return x;
    }
}
