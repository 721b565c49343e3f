package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;

/**
 * Anomaly detection for the current thread: inside
 * {@code try (var on = Anomaly.detect()) { ... }} every op checks its output, and the backward
 * sweep checks every gradient it produces, and the first NaN or infinity throws an
 * {@link AnomalyException} that names the op. Off by default, because it costs a pass over every
 * value.
 */
public final class Anomaly {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Anomaly() {
    }

    public static boolean isEnabled() {
        return DEPTH.get()[0] > 0;
    }

    /** Turns anomaly detection on for this thread until the returned scope is closed. */
    public static Scope detect() {
        return new Scope(DEPTH.get());
    }

    static void checkForward(String op, DMatrixRMaj value) {
        if (isEnabled()) {
            int bad = firstNonFinite(value);
            if (bad >= 0) {
                throw new AnomalyException("op '" + op + "' produced " + value.data[bad] + " at ("
                        + bad / value.numCols + ", " + bad % value.numCols + ") of its " + value.numRows + "x"
                        + value.numCols + " output");
            }
        }
    }

    static void checkBackward(Tensor node) {
        if (isEnabled()) {
            Tensor[] parents = node.parentArray();
            for (int i = 0; i < parents.length; i++) {
                Tensor p = parents[i];
                if (!p.hasGrad()) {
                    continue;
                }
                DMatrixRMaj g = p.gradBuffer();
                int bad = firstNonFinite(g);
                if (bad >= 0) {
                    throw new AnomalyException("backward of op '" + node.op() + "' produced " + g.data[bad]
                            + " in the gradient of input " + i + " (" + p.op() + ", " + p.shape() + ") at ("
                            + bad / g.numCols + ", " + bad % g.numCols + ")");
                }
            }
        }
    }

    private static int firstNonFinite(DMatrixRMaj m) {
        int n = m.numRows * m.numCols;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(m.data[i])) {
                return i;
            }
        }
        return -1;
    }
}
