package org.strnn.train;

/**
 * How a model is trained. Defaults from spec section 7: Adam, learning rate 1e-3, batch 32.
 *
 * @param epochs       passes over the training set
 * @param batchSize    samples per optimiser step
 * @param learningRate Adam's step size
 * @param clipNorm     clip the global gradient norm to this value; 0 turns clipping off
 * @param seed         seeds the weights and the shuffling; the same seed and data give the same model
 */
public record TrainSettings(int epochs, int batchSize, double learningRate, double clipNorm, long seed) {

    public TrainSettings {
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
    }

    public static TrainSettings defaults() {
        return new TrainSettings(20, 32, 1e-3, 0.0, 1L);
    }

    public TrainSettings withEpochs(int e) {
        return new TrainSettings(e, batchSize, learningRate, clipNorm, seed);
    }
}
