package org.strnn.train;

import java.util.List;
import org.strnn.datasets.SampleSet;
import org.strnn.model.StrnnConfig;

/**
 * The one check that data fit a model: the same layout, {@code T} and {@code d}, the same classes,
 * and at least one sample. Training, evaluation and prediction all use it, so they agree on what
 * fits and say so in the same words.
 */
public final class DataFit {

    private DataFit() {
    }

    /**
     * Fails with one line when {@code data} do not fit a model of {@code config}.
     *
     * @param classNames the model's class names, or null to compare only the class count
     * @param what       names the data in the message, e.g. "training" or "test"
     * @throws IllegalArgumentException naming the first mismatch
     */
    public static void check(StrnnConfig config, List<String> classNames, SampleSet data, String what) {
        if (!data.layout().equals(config.layout())) {
            throw new IllegalArgumentException("the model is for layout " + config.layout().name() + " ("
                    + config.vertices() + " vertices), but the " + what + " data use " + data.layout().name() + " ("
                    + data.vertices() + " vertices)");
        }
        if (data.steps() != config.steps() || data.features() != config.features()) {
            throw new IllegalArgumentException("the model expects T=" + config.steps() + " x d=" + config.features()
                    + " per sample, but the " + what + " data have T=" + data.steps() + " x d=" + data.features()
                    + " (set --steps to match)");
        }
        if (classNames != null && !data.classNames().equals(classNames)) {
            throw new IllegalArgumentException("the model's classes are " + classNames + ", but the " + what
                    + " data's are " + data.classNames());
        }
        if (data.numClasses() != config.classes()) {
            throw new IllegalArgumentException("the " + what + " data have " + data.numClasses()
                    + " classes but the model has C=" + config.classes());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("the " + what + " data hold no samples");
        }
    }
}
