package org.strnn.datasets.faces;

import org.strnn.layout.Layouts;

import java.util.List;
import java.util.Objects;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

/**
 * Face-sequence samples read from a CK+ directory, with where each came from.
 *
 * @param samples     one sample per labelled sequence: {@code T x (h*w) x d}, 7 classes
 *                    ({@link CkPlusEmotion#classNames()}), on {@code Layouts.lattice(h, w)}
 * @param subjects    the subject of sample {@code i} ({@code "S005"})
 * @param sequences   the sequence id of sample {@code i} ({@code "S005/001"})
 * @param unlabelled  ids of the sequences skipped for having no label file
 */
public record CkPlusDataset(SampleSet samples, List<String> subjects, List<String> sequences,
        List<String> unlabelled) {

    public CkPlusDataset {
        Objects.requireNonNull(samples, "samples");
        subjects = List.copyOf(subjects);
        sequences = List.copyOf(sequences);
        unlabelled = List.copyOf(unlabelled);
        if (subjects.size() != samples.size() || sequences.size() != samples.size()) {
            throw new IllegalArgumentException(samples.size() + " samples need as many subjects and sequence ids, got "
                    + subjects.size() + " and " + sequences.size());
        }
    }

    /** Number of sequences skipped for having no label file. */
    public int unlabelledCount() {
        return unlabelled.size();
    }

    /** Number of distinct subjects among the samples. */
    public int subjectCount() {
        return (int) subjects.stream().distinct().count();
    }

    /** Subject-exclusive cross-validation splits {@code fold01..}; see {@link SubjectFolds}. */
    public List<Split> folds(int folds) {
        return SubjectFolds.split(samples, subjects, folds);
    }

    /** The paper's protocol: {@code folds(10)}. */
    public List<Split> tenFold() {
        return folds(10);
    }
}
