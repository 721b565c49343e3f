package org.strnn.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.source.DataSources;

/**
 * Refuses test data that the model also trains on. Samples are compared by value (a 64-bit hash of
 * their bits, confirmed element by element), so the check catches the same recording named twice,
 * in any order and under any name.
 */
final class LeakCheck {

    private LeakCheck() {
    }

    /** Fails with one line when {@code test} names the same data as {@code train}, or shares samples with it. */
    static void refuseOverlap(DataSources.Loaded data, SampleSet train, DataSources.Loaded testData, SampleSet test) {
        if (data.identity().equals(testData.identity())) {
            throw CliException.usage("--test names the same data as --data (" + data.identity() + "); leave --test "
                    + "out to test on the source's own held-out part, or name unseen data");
        }
        int shared = sharedSamples(train, test);
        if (shared > 0) {
            throw CliException.usage(shared + " of " + test.size() + " test samples (" + testData.identity()
                    + ") are also in the training data (" + data.identity() + "); the test data must be unseen: "
                    + "remove the overlap from --data or --test");
        }
    }

    /** How many samples of {@code test} equal (bit for bit) some sample of {@code train}. */
    static int sharedSamples(SampleSet train, SampleSet test) {
        if (train.sampleLength() != test.sampleLength() || train.size() == 0 || test.size() == 0) {
            return 0;
        }
        Map<Long, List<Integer>> byHash = new HashMap<>();
        double[] a = new double[train.sampleLength()];
        for (int i = 0; i < train.size(); i++) {
            train.copySample(i, a, 0);
            byHash.computeIfAbsent(hash(a), k -> new ArrayList<>()).add(i);
        }
        double[] b = new double[test.sampleLength()];
        int shared = 0;
        for (int j = 0; j < test.size(); j++) {
            test.copySample(j, b, 0);
            List<Integer> candidates = byHash.get(hash(b));
            if (candidates != null && anyEqual(train, candidates, a, b)) {
                shared++;
            }
        }
        return shared;
    }

    private static boolean anyEqual(SampleSet train, List<Integer> candidates, double[] buffer, double[] sample) {
        for (int i : candidates) {
            train.copySample(i, buffer, 0);
            if (Arrays.equals(buffer, sample)) {
                return true;
            }
        }
        return false;
    }

    private static long hash(double[] values) {
        long h = 0x9e3779b97f4a7c15L;
        for (double v : values) {
            h = (h ^ Double.doubleToLongBits(v)) * 0xbf58476d1ce4e5b9L;
            h ^= h >>> 29;
        }
        return h;
    }
}
