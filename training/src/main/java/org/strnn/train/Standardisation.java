package org.strnn.train;

import org.strnn.datasets.SampleSet;
import org.strnn.model.InputScaling;

/** Fits the model's input standardisation on a data set (the core model knows no data sets). */
public final class Standardisation {

    private Standardisation() {
    }

    /** The mean and standard deviation of every channel over all samples and time slices of {@code data}. */
    public static InputScaling fit(SampleSet data) {
        return InputScaling.fit(data.size(), data.steps(), data.vertices() * data.features(), data::copySample);
    }
}
