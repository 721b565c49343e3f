package org.strnn.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.baseline.Baselines;
import org.strnn.datasets.SampleSet;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnModel;
import org.strnn.train.Evaluation;
import org.strnn.train.Metrics;
import org.strnn.train.Results;
import org.strnn.train.Selection;
import org.strnn.train.TrainingOutcome;

/**
 * The result of one training run as the user sees it: the selected model's test metrics (the
 * headline), how it was selected, the last epoch's test accuracy, and the baselines on the same
 * split. Shared by {@code train} and {@code experiment}.
 *
 * @param outcome   what the trainer selected
 * @param metrics   the selected model's metrics on the test set
 * @param baselines the baselines' results on the same split; empty when switched off
 */
public record TrainReport(TrainingOutcome outcome, Metrics metrics, List<Baselines.Result> baselines) {

    /** Scores the model (holding the selected weights) on {@code test} and, unless switched off, the baselines. */
    public static TrainReport of(TrainingOutcome outcome, StrnnModel model, SampleSet train, SampleSet test,
                          boolean baselines) {
        Evaluation eval = Evaluation.of(StrnnClassifier.of(model), test);
        return new TrainReport(outcome, Metrics.of(eval.confusion()),
                baselines ? Baselines.evaluate(train, test) : List.of());
    }

    /** The contract fields of {@code train --json} (CONTRACTS.md), added to {@code r}. */
    public void addTo(Map<String, Object> r) {
        r.put("selection", outcome.selection().label());
        r.put("selected_epoch", outcome.selectedEpoch());
        r.put("test_accuracy", metrics.accuracy());
        r.put("last_epoch_test_accuracy", outcome.lastEpochTestAccuracy());
        r.put("validation_samples", outcome.validationSamples());
        r.put("validation_loss", Results.orNull(outcome.validationLoss()));
        r.put("validation_accuracy", Results.orNull(outcome.validationAccuracy()));
        r.put("fit_samples", outcome.fitSamples());
        r.put("stopped_early", outcome.stoppedEarly());
        r.put("refit", outcome.refit());
        r.put("metrics", metrics.json());
        if (!baselines.isEmpty()) {
            r.put("baselines", Baselines.json(baselines));
        }
    }

    /** How the headline was selected, in words. */
    public String selectionText() {
        String how = switch (outcome.selection()) {
            case VALIDATION -> "selected on validation (" + outcome.validationSamples() + " held-out samples), epoch "
                    + outcome.selectedEpoch() + (outcome.refit() ? ", refitted on all training data" : "");
            case LAST -> "last epoch, " + outcome.selectedEpoch() + ", no validation set";
            case TEST_OPTIMISTIC -> "epoch " + outcome.selectedEpoch() + " selected on the TEST data: optimistic";
        };
        return how;
    }

    /** The human-readable lines of {@code train}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "test accuracy (%s): %.2f%%, macro-F1 %.3f", selectionText(),
                100 * metrics.accuracy(), metrics.macroF1()));
        if (outcome.selection() != Selection.LAST || outcome.refit()) {
            out.add(String.format(Locale.ROOT, outcome.refit() ? "test accuracy (last epoch before the refit): %.2f%%"
                    : "test accuracy (last epoch trained): %.2f%%",
                    100 * outcome.lastEpochTestAccuracy()));
        }
        for (Baselines.Result b : baselines) {
            out.add(String.format(Locale.ROOT, "baseline %-7s test accuracy %.2f%%, macro-F1 %.3f (same split)",
                    b.name(), 100 * b.metrics().accuracy(), b.metrics().macroF1()));
        }
        return out;
    }

    /** The accuracy of baseline {@code name}, or NaN when it was not run. */
    public double baselineAccuracy(String name) {
        for (Baselines.Result b : baselines) {
            if (b.name().equals(name)) {
                return b.metrics().accuracy();
            }
        }
        return Double.NaN;
    }

    /** The macro-F1 of baseline {@code name}, or NaN when it was not run. */
    public double baselineMacroF1(String name) {
        for (Baselines.Result b : baselines) {
            if (b.name().equals(name)) {
                return b.metrics().macroF1();
            }
        }
        return Double.NaN;
    }
}
