package org.strnn.train;

import java.util.Objects;

/**
 * How a model is trained. The optimiser is Adam (spec section 7), with decoupled weight decay
 * (AdamW) when {@code weightDecay > 0}. {@link #defaults()} is the project's measured recipe; the
 * section "The default recipe" of docs/results.md gives the measurements behind each default.
 *
 * @param epochs             the most passes over the training data (fewer when training stops early)
 * @param batchSize          samples per optimiser step
 * @param learningRate       Adam's base step size
 * @param clipNorm           clip the global gradient norm to this value; 0 turns clipping off
 * @param seed               seeds the shuffling, the validation carve-out and dropout (and, by
 *                           convention of the callers, the weights); the same seed and data give the same model
 * @param weightDecay        decoupled weight decay per unit learning rate (AdamW); 0 for none
 * @param schedule           the learning rate over the run
 * @param dropout            probability of zeroing each (standardised) input value in training; 0 for none
 * @param selection          which epoch's weights are kept
 * @param validationFraction share of the training trials, per class, held out for validation when
 *                           {@code selection} is {@link Selection#VALIDATION}
 * @param patience           with validation selection, stop after this many epochs without a lower validation loss
 * @param refit              with validation selection, retrain from the initial weights on all training data
 *                           (validation included) for the selected number of epochs
 */
public record TrainSettings(int epochs, int batchSize, double learningRate, double clipNorm, long seed,
                            double weightDecay, Schedule schedule, double dropout, Selection selection,
                            double validationFraction, int patience, boolean refit) {

    public TrainSettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(selection, "selection");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("clip norm must be >= 0 and finite, got " + clipNorm);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0 and finite, got " + weightDecay);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        if (refit && selection != Selection.VALIDATION) {
            throw new IllegalArgumentException("refit needs validation selection");
        }
    }

    /**
     * The plain loop of earlier versions: Adam at a constant rate, no decay, no dropout, and the
     * last epoch's weights kept (no validation set).
     */
    public TrainSettings(int epochs, int batchSize, double learningRate, double clipNorm, long seed) {
        this(epochs, batchSize, learningRate, clipNorm, seed, 0.0, Schedule.CONSTANT, 0.0, Selection.LAST, 0.0,
                Integer.MAX_VALUE, false);
    }

    /** The default recipe (docs/results.md, "The default recipe", has the measurements behind it). */
    public static TrainSettings defaults() {
        return new TrainSettings(DEFAULT_EPOCHS, 32, 1e-3, DEFAULT_CLIP, 1L, 0.0, Schedule.CONSTANT, 0.0,
                Selection.VALIDATION, DEFAULT_VALIDATION, DEFAULT_PATIENCE, false);
    }

    /** Default most epochs: training normally stops earlier, on the validation loss. */
    public static final int DEFAULT_EPOCHS = 40;
    /** Default gradient clipping norm. */
    public static final double DEFAULT_CLIP = 1.0;
    /** Default share of training trials (per class) held out for validation. */
    public static final double DEFAULT_VALIDATION = 0.2;
    /** Default early-stopping patience in epochs. */
    public static final int DEFAULT_PATIENCE = 8;

    public TrainSettings withEpochs(int e) {
        return new TrainSettings(e, batchSize, learningRate, clipNorm, seed, weightDecay, schedule, dropout,
                selection, validationFraction, patience, refit);
    }

    public TrainSettings withSelection(Selection s, double fraction, int patienceEpochs, boolean refitAll) {
        return new TrainSettings(epochs, batchSize, learningRate, clipNorm, seed, weightDecay, schedule, dropout, s,
                fraction, patienceEpochs, refitAll);
    }

    public TrainSettings withRegularisation(double decay, Schedule sched, double drop) {
        return new TrainSettings(epochs, batchSize, learningRate, clipNorm, seed, decay, sched, drop, selection,
                validationFraction, patience, refit);
    }

    /** Whether a validation set is carved out of the training data. */
    public boolean validates() {
        return selection == Selection.VALIDATION && validationFraction > 0;
    }

    /** The settings as a run's result reports them (the selection by its label). */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch", batchSize);
        m.put("lr", learningRate);
        m.put("clip", clipNorm);
        m.put("weight_decay", weightDecay);
        m.put("schedule", schedule.key());
        m.put("dropout", dropout);
        m.put("selection", selection.label());
        m.put("validation", validationFraction);
        m.put("patience", patience);
        m.put("refit", refit);
        m.put("seed", seed);
        return m;
    }
}
