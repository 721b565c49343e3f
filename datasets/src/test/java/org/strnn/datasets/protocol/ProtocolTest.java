package org.strnn.datasets.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

/** The protocols on a small corpus whose every window value names its trial. */
class ProtocolTest {

    private static final Layout LAYOUT = Layouts.lattice(1, 2);

    /** Trial k of (subject s, session e) has 5 + k windows, every value 1000 s + 100 e + k. */
    private static Corpus corpus(int subjects, int sessions, int trials) {
        List<Corpus.Unit> units = new ArrayList<>();
        for (int s = 1; s <= subjects; s++) {
            for (int e = 1; e <= sessions; e++) {
                int subject = s;
                int session = e;
                units.add(new Corpus.Unit("" + s, "session" + e, () -> {
                    List<Trial> list = new ArrayList<>();
                    for (int k = 0; k < trials; k++) {
                        int w = 5 + k;
                        double[] v = new double[w * 2];
                        java.util.Arrays.fill(v, 1000 * subject + 100 * session + k);
                        list.add(new Trial(k % 3, w, v));
                    }
                    return new Recording("" + subject, "session" + session, list);
                }));
            }
        }
        return new Corpus("test", LAYOUT, 1, List.of("a", "b", "c"), units, Corpus::genericPaperTrain,
                Corpus.GENERIC_PAPER);
    }

    private static Set<Double> trialsIn(SampleSet s) {
        Set<Double> out = new HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.get(i, 0, 0, 0));
            assertEquals(s.get(i, 0, 0, 0), s.get(i, s.steps() - 1, 1, 0), "a sample never spans two trials");
        }
        return out;
    }

    private static void assertDisjoint(Split split) {
        Set<Double> train = trialsIn(split.train());
        for (double t : trialsIn(split.test())) {
            assertTrue(!train.contains(t), "trial " + t + " on both sides of " + split.name());
        }
    }

    @Test
    void windowingCountsAndTrialIds() {
        Windowing w = new Windowing(3, 2, false);
        assertEquals(0, w.count(2));
        assertEquals(1, w.count(3));
        assertEquals(2, w.count(6));
        assertEquals(3, w.count(7));
        assertEquals(1, new Windowing(3, 2, true).count(7));
        List<Trial> trials = List.of(new Trial(0, 2, new double[4]), new Trial(1, 7, new double[14]));
        SampleSet s = w.samples(trials, LAYOUT, 1, List.of("a", "b"));
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {1, 1, 1}, s.trials());
        assertEquals(1, w.tooShort(trials));
    }

    @Test
    void paperSplitsEachRecordingByTrialOrder() {
        List<Fold> folds = Protocol.PAPER.folds(corpus(2, 2, 10), new Windowing(3, 1, false), 0);
        assertEquals(4, folds.size());
        assertEquals("s1-session1", folds.get(0).name());
        Split s = folds.get(3).split();
        assertEquals(Set.of(2200.0, 2201.0, 2202.0, 2203.0, 2204.0, 2205.0), trialsIn(s.train()));
        assertEquals(Set.of(2206.0, 2207.0, 2208.0, 2209.0), trialsIn(s.test()));
    }

    @Test
    void kfoldCoversEveryTrialOnceAndIsStratified() {
        Corpus c = corpus(2, 2, 9);
        List<Fold> folds = Protocol.KFOLD.folds(c, new Windowing(3, 1, false), 3);
        assertEquals(6, folds.size());
        Set<Double> tested = new HashSet<>();
        for (Fold f : folds.subList(0, 3)) {
            Split s = f.split();
            assertDisjoint(s);
            Set<Double> t = trialsIn(s.test());
            assertEquals(6, t.size());
            for (double x : t) {
                assertTrue(tested.add(x), "trial " + x + " tested twice");
            }
            int[] counts = new int[3];
            for (double x : t) {
                counts[(int) (x % 100) % 3]++;
            }
            assertArrayEquals(new int[] {2, 2, 2}, counts, "each fold holds every class");
        }
        assertEquals(18, tested.size());
        assertTrue(tested.stream().allMatch(x -> x < 2000), "subject 1's folds hold subject 1 only");
    }

    @Test
    void losoTestsOnOneSubjectAndTrainsOnTheOthers() {
        List<Fold> folds = Protocol.LOSO.folds(corpus(3, 1, 4), new Windowing(3, 1, false), 0);
        assertEquals(List.of("loso-s1", "loso-s2", "loso-s3"), folds.stream().map(Fold::name).toList());
        Split s = folds.get(1).split();
        assertTrue(trialsIn(s.test()).stream().allMatch(x -> x >= 2000 && x < 3000));
        assertTrue(trialsIn(s.train()).stream().noneMatch(x -> x >= 2000 && x < 3000));
        assertEquals(8, trialsIn(s.train()).size());
        DatasetException e = assertThrows(DatasetException.class,
                () -> Protocol.LOSO.folds(corpus(1, 2, 4), new Windowing(3, 1, false), 0));
        assertTrue(e.getMessage().contains("two or more subjects"), e.getMessage());
    }

    @Test
    void crossSessionTestsOnEachSessionOfEachSubject() {
        List<Fold> folds = Protocol.CROSS_SESSION.folds(corpus(2, 3, 4), new Windowing(3, 1, false), 0);
        assertEquals(6, folds.size());
        Split s = folds.get(4).split();
        assertEquals("s2-test-session2", s.name());
        assertTrue(trialsIn(s.test()).stream().allMatch(x -> x >= 2200 && x < 2300));
        assertTrue(trialsIn(s.train()).stream().allMatch(x -> x >= 2000 && x < 3000 && (x < 2200 || x >= 2300)));
        assertThrows(DatasetException.class,
                () -> Protocol.CROSS_SESSION.folds(corpus(2, 1, 4), new Windowing(3, 1, false), 0));
    }

    @Test
    void protocolNames() {
        assertEquals(Protocol.CROSS_SESSION, Protocol.of("Cross-Session"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Protocol.of("xval"));
        assertTrue(e.getMessage().contains("paper, kfold, loso or cross-session"));
    }
}
