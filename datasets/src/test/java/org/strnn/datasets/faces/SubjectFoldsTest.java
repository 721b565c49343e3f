package org.strnn.datasets.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

class SubjectFoldsTest {

    /** 23 subjects with 1..9 samples each, interleaved. */
    private static List<String> subjects() {
        List<String> out = new ArrayList<>();
        for (int round = 0; round < 9; round++) {
            for (int s = 0; s < 23; s++) {
                if (round < 1 + (s * 7) % 9) {
                    out.add(String.format("S%03d", 10 + s));
                }
            }
        }
        return out;
    }

    /** One value per sample, equal to its index, so splits can be traced back. */
    private static SampleSet indexed(int n) {
        double[] data = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            data[i] = i;
            labels[i] = i % 2;
        }
        return new SampleSet(data, labels, 1, Layouts.lattice(1, 1), 1, List.of("a", "b"));
    }

    @Test
    void tenFoldsAreSubjectExclusiveCompleteAndBalanced() {
        List<String> subjects = subjects();
        SampleSet samples = indexed(subjects.size());
        List<Split> splits = SubjectFolds.split(samples, subjects, 10);
        assertEquals(10, splits.size());
        int largestSubject = Collections.max(counts(subjects).values());
        int minTest = Integer.MAX_VALUE;
        int maxTest = 0;
        Set<Integer> testedOnce = new HashSet<>();
        for (int k = 0; k < 10; k++) {
            Split split = splits.get(k);
            assertEquals(String.format("fold%02d", k + 1), split.name());
            Set<String> trainSubjects = subjectsOf(split.train(), subjects);
            Set<String> testSubjects = subjectsOf(split.test(), subjects);
            assertTrue(Collections.disjoint(trainSubjects, testSubjects), split.name() + " shares a subject");
            assertEquals(samples.size(), split.train().size() + split.test().size());
            for (int i = 0; i < split.test().size(); i++) {
                assertTrue(testedOnce.add((int) split.test().get(i, 0, 0, 0)), "sample tested twice");
            }
            minTest = Math.min(minTest, split.test().size());
            maxTest = Math.max(maxTest, split.test().size());
        }
        assertEquals(samples.size(), testedOnce.size());
        assertTrue(maxTest - minTest <= largestSubject, "fold sizes " + minTest + ".." + maxTest);
        assertTrue(maxTest - minTest <= 2, "greedy balancing should be tight here: " + minTest + ".." + maxTest);
    }

    @Test
    void assignmentDependsOnSubjectsNotSampleOrder() {
        List<String> subjects = subjects();
        int[] fold = SubjectFolds.assign(subjects, 10);
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < fold.length; i++) {
            Integer previous = foldOf.put(subjects.get(i), fold[i]);
            assertTrue(previous == null || previous == fold[i], "subject split across folds");
        }
        List<String> reversed = new ArrayList<>(subjects);
        Collections.reverse(reversed);
        int[] again = SubjectFolds.assign(reversed, 10);
        for (int i = 0; i < again.length; i++) {
            assertEquals(foldOf.get(reversed.get(i)), again[i]);
        }
        assertArrayEquals(fold, SubjectFolds.assign(subjects, 10));
    }

    @Test
    void tooFewSubjectsIsAClearError() {
        List<String> seven = List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S7");
        DatasetException e = assertThrows(DatasetException.class,
                () -> SubjectFolds.split(indexed(seven.size()), seven, 10));
        assertTrue(e.getMessage().contains("has 7"), e.getMessage());
        assertEquals(7, SubjectFolds.split(indexed(seven.size()), seven, 7).size());
        assertThrows(IllegalArgumentException.class, () -> SubjectFolds.assign(seven, 1));
    }

    @Test
    void foldNamesWidenPastNinetyNine() {
        List<String> many = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            many.add("S" + s);
        }
        List<Split> splits = SubjectFolds.split(indexed(100), many, 100);
        assertEquals("fold001", splits.get(0).name());
        assertEquals("fold100", splits.get(99).name());
    }

    private static Map<String, Integer> counts(List<String> subjects) {
        Map<String, Integer> counts = new HashMap<>();
        subjects.forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    private static Set<String> subjectsOf(SampleSet set, List<String> subjects) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            out.add(subjects.get((int) set.get(i, 0, 0, 0)));
        }
        return out;
    }
}
