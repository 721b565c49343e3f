package org.strnn.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

/**
 * Carves a validation set out of training data, by trial and stratified by class: whole trials
 * (events, clips, sequences; {@link SampleSet#trial}) go to one side only, and each class gives
 * {@code round(fraction * its trials)} of its trials, at least one when it has two or more, never
 * all of them. The choice is a seeded shuffle, so the same seed gives the same carve.
 *
 * <p>For SEED's paper protocol (trials 1-9 train, three per class) the default fraction 0.2
 * takes one trial of each class, i.e. three of the nine training trials, as validation.
 */
public final class ValidationSplit {

    private ValidationSplit() {
    }

    /**
     * The validation carve of the default recipe: {@link #carve(SampleSet, double, long)} with the
     * settings' fraction and seed when they validate, else all of {@code train} to fit and none held out.
     */
    public static Split carve(SampleSet train, TrainSettings settings) {
        if (!settings.validates()) {
            return new Split("validation", train, train.subset(new int[0]));
        }
        return carve(train, settings.validationFraction(), settings.seed());
    }

    /**
     * {@code train} split into the samples to fit ({@code Split.train()}) and those to validate
     * on ({@code Split.test()}); the validation side is empty when {@code fraction} is 0 or no
     * class has two trials.
     *
     * @throws IllegalArgumentException if a trial holds samples of more than one class
     */
    public static Split carve(SampleSet train, double fraction, long seed) {
        Map<Integer, List<Integer>> samplesOfTrial = new LinkedHashMap<>();
        Map<Integer, Integer> classOfTrial = new LinkedHashMap<>();
        for (int i = 0; i < train.size(); i++) {
            int trial = train.trial(i);
            samplesOfTrial.computeIfAbsent(trial, k -> new ArrayList<>()).add(i);
            Integer before = classOfTrial.putIfAbsent(trial, train.label(i));
            if (before != null && before != train.label(i)) {
                throw new IllegalArgumentException("trial " + trial + " holds samples of two classes ("
                        + train.classNames().get(before) + ", " + train.classNames().get(train.label(i))
                        + "), so it cannot be held out as a whole");
            }
        }
        List<List<Integer>> trialsOfClass = new ArrayList<>();
        for (int c = 0; c < train.numClasses(); c++) {
            trialsOfClass.add(new ArrayList<>());
        }
        for (Map.Entry<Integer, Integer> e : classOfTrial.entrySet()) {
            trialsOfClass.get(e.getValue()).add(e.getKey());
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5f3759df_2b7e1516L);
        boolean[] held = new boolean[train.size()];
        for (List<Integer> trials : trialsOfClass) {
            int take = count(trials.size(), fraction);
            shuffle(trials, rng);
            for (int k = 0; k < take; k++) {
                for (int i : samplesOfTrial.get(trials.get(k))) {
                    held[i] = true;
                }
            }
        }
        int heldCount = 0;
        for (boolean h : held) {
            heldCount += h ? 1 : 0;
        }
        int[] fit = new int[train.size() - heldCount];
        int[] validation = new int[heldCount];
        int f = 0;
        int v = 0;
        for (int i = 0; i < train.size(); i++) {
            if (held[i]) {
                validation[v++] = i;
            } else {
                fit[f++] = i;
            }
        }
        return new Split("validation", train.subset(fit), train.subset(validation));
    }

    /** Trials held out of a class with {@code trials} trials. */
    static int count(int trials, double fraction) {
        if (fraction <= 0 || trials < 2) {
            return 0;
        }
        return Math.min(trials - 1, Math.max(1, (int) Math.round(fraction * trials)));
    }

    private static void shuffle(List<Integer> xs, SplittableRandom rng) {
        for (int i = xs.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = xs.get(i);
            xs.set(i, xs.get(j));
            xs.set(j, t);
        }
    }
}
