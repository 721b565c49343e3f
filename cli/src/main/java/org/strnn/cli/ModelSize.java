package org.strnn.cli;

import java.util.Locale;
import org.strnn.model.Merge;
import org.strnn.model.StrnnConfig;

/**
 * A model's size before it is built: the parameter count in {@code long} arithmetic (the
 * parameter shapes of {@link org.strnn.model.StrnnModel}), so that a model too large for Java's
 * arrays or for the heap is refused with its size instead of failing with an overflow.
 */
final class ModelSize {

    private ModelSize() {
    }

    /** The number of scalars in all parameters of a model with {@code c}. */
    static long parameters(StrnnConfig c) {
        long r = c.directions().size();
        long d = c.features();
        long ds = c.spatialHidden();
        long dt = c.temporalHidden();
        long kt = c.temporalRegions();
        long dm = ds * c.spatialRegions() * (c.merge() == Merge.SUM ? 1 : r);
        long spatial = r * ds * d + (c.spatialRecurrence() ? r * ds * ds : 0) + r * ds + r * c.vertices()
                * (long) c.spatialRegions();
        long oneTemporal = dt * dm + dt + (c.temporalRecurrence() ? dt * dt : 0);
        long head = 2L * c.classes() * dt * kt + c.classes();
        return spatial + 2 * oneTemporal + 2 * c.steps() * kt + head;
    }

    /**
     * Fails with "model too large: N parameters" when the weights, their gradients and Adam's two
     * moments (8 bytes each) would not fit the heap, or the count does not fit an {@code int}.
     */
    static void check(StrnnConfig c) {
        long n = parameters(c);
        long bytes = 4 * 8 * n;
        long heap = Runtime.getRuntime().maxMemory();
        if (n > Integer.MAX_VALUE || bytes > heap) {
            throw CliException.failure(String.format(Locale.ROOT, "model too large: %,d parameters (%.1f GB for the "
                    + "weights, gradients and Adam's state; Java may use %.1f GB); use smaller --ds, --ks, --dt or "
                    + "--kt, or give Java more heap with STRNN_JAVA_OPTS=-Xmx16g", n, bytes / 1e9, heap / 1e9));
        }
    }
}
