package org.strnn.datasets;

import java.util.Objects;

/** A train/test split of one experiment. */
public record Split(String name, SampleSet train, SampleSet test) {
    public Split {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.steps() != test.steps() || train.features() != test.features()
                || !train.layout().equals(test.layout()) || !train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("split " + name + ": train (" + train.describe()
                    + ") and test (" + test.describe() + ") differ in shape");
        }
    }
}
