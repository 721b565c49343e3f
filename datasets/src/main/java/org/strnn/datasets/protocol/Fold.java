package org.strnn.datasets.protocol;

import java.util.Objects;
import java.util.function.Supplier;
import org.strnn.datasets.Split;

/**
 * One train/test experiment of a protocol, read when {@link #split()} is called.
 *
 * @param name    a file-name-safe name, e.g. {@code s3-fold2}
 * @param subject the subject it belongs to (the test subject for leave-one-subject-out), or null
 * @param session the test session, or null
 */
public record Fold(String name, String subject, String session, Supplier<Split> load) {
    public Fold {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(load, "load");
    }

    public Split split() {
        return load.get();
    }
}
