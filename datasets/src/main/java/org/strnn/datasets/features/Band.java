package org.strnn.datasets.features;

import java.util.List;
import java.util.Objects;

/**
 * A frequency band, the half-open interval {@code [lowHz, highHz)}.
 *
 * <p>Half-open so that adjacent bands (delta 1–4 Hz, theta 4–8 Hz) never share a frequency: a
 * component at exactly 4 Hz belongs to theta.
 */
public record Band(String name, double lowHz, double highHz) {

    /** The five SEED bands: delta 1–4, theta 4–8, alpha 8–14, beta 14–31, gamma 31–50 Hz. */
    public static final List<Band> SEED = List.of(
            new Band("delta", 1, 4),
            new Band("theta", 4, 8),
            new Band("alpha", 8, 14),
            new Band("beta", 14, 31),
            new Band("gamma", 31, 50));

    public Band {
        Objects.requireNonNull(name, "name");
        if (!(lowHz >= 0) || !(highHz > lowHz) || Double.isInfinite(highHz)) {
            throw new IllegalArgumentException("band " + name + " needs 0 <= low < high < infinity, got ["
                    + lowHz + ", " + highHz + ") Hz");
        }
    }

    /** Whether frequency {@code hz} (non-negative) lies in this band. */
    public boolean contains(double hz) {
        return hz >= lowHz && hz < highHz;
    }

    @Override
    public String toString() {
        return name + " [" + lowHz + ", " + highHz + ") Hz";
    }
}
