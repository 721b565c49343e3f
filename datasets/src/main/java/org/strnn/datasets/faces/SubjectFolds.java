package org.strnn.datasets.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

/**
 * K-fold cross-validation in which every subject's samples sit in exactly one fold, so no subject
 * is in both the train and the test set of a split.
 *
 * <p><b>Assignment.</b> Subjects are sorted by sample count, largest first (ties by name), and each
 * in turn goes to the fold that holds the fewest samples so far (ties to the lowest fold). This is
 * deterministic, needs no seed, and keeps the folds balanced in sample count (the largest and the
 * smallest fold differ by at most the largest subject's count). Classes are not stratified.
 *
 * <p><b>Too few subjects.</b> With fewer subjects than folds some fold would be empty, so this is
 * a {@link DatasetException} that says how many subjects there are; ask for fewer folds instead.
 */
public final class SubjectFolds {

    private SubjectFolds() {
    }

    /**
     * The fold ({@code 0..folds-1}) of each sample. {@code subjectOfSample.get(i)} is the subject
     * of sample {@code i}.
     */
    public static int[] assign(List<String> subjectOfSample, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String s : subjectOfSample) {
            counts.merge(s, 1, Integer::sum);
        }
        if (counts.size() < folds) {
            throw new DatasetException(folds + "-fold subject-exclusive cross-validation needs at least " + folds
                    + " subjects, but the data has " + counts.size() + "; use at most " + counts.size() + " folds");
        }
        List<String> subjects = new ArrayList<>(counts.keySet());
        subjects.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        int[] load = new int[folds];
        Map<String, Integer> foldOf = new HashMap<>();
        for (String s : subjects) {
            int best = 0;
            for (int f = 1; f < folds; f++) {
                if (load[f] < load[best]) {
                    best = f;
                }
            }
            foldOf.put(s, best);
            load[best] += counts.get(s);
        }
        int[] out = new int[subjectOfSample.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = foldOf.get(subjectOfSample.get(i));
        }
        return out;
    }

    /**
     * One {@link Split} per fold, named {@code fold01}, {@code fold02}, ...: fold {@code k}'s
     * samples are the test set, all others the train set, each in the original sample order.
     */
    public static List<Split> split(SampleSet samples, List<String> subjectOfSample, int folds) {
        if (subjectOfSample.size() != samples.size()) {
            throw new IllegalArgumentException(samples.size() + " samples but " + subjectOfSample.size() + " subjects");
        }
        int[] fold = assign(subjectOfSample, folds);
        int width = Math.max(2, Integer.toString(folds).length());
        List<Split> out = new ArrayList<>(folds);
        for (int k = 0; k < folds; k++) {
            int testCount = 0;
            for (int f : fold) {
                testCount += f == k ? 1 : 0;
            }
            int[] train = new int[fold.length - testCount];
            int[] test = new int[testCount];
            int a = 0;
            int b = 0;
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == k) {
                    test[b++] = i;
                } else {
                    train[a++] = i;
                }
            }
            String name = String.format("fold%0" + width + "d", k + 1);
            out.add(new Split(name, samples.subset(train), samples.subset(test)));
        }
        return out;
    }
}
