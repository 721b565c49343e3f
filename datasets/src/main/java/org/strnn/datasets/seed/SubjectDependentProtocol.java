package org.strnn.datasets.seed;

import org.strnn.layout.Layouts;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

/**
 * SEED's subject-dependent protocol (spec section 9). Each experiment is one session of one
 * subject: trials 1-9 train and trials 10-15 test. A sample is {@code T} consecutive seconds of one
 * trial (stride 1), a {@code T x 62 x 5} volume on {@link org.strnn.layout.Layouts#seed62()},
 * labelled with the trial's class ({@link Seed#CLASS_NAMES}). With {@code T = 9} and SEED's trial
 * lengths an experiment has 1938 training and 1336 test samples.
 *
 * <p>The paper reports the mean and std of accuracy over 15 subjects x sessions 1-2; sessions 1-3
 * are a switch. {@link #splits(SeedDirectory)} loads experiments one at a time, so a full run holds
 * one session's data at once.
 */
public final class SubjectDependentProtocol {

    /** Trials {@code 1..TRAIN_TRIALS} train, the rest test. */
    public static final int TRAIN_TRIALS = 9;

    /** The default window length {@code T} in seconds. */
    public static final int DEFAULT_STEPS = 9;

    private final int steps;
    private final FeatureKind kind;
    private final SeedSessions sessions;

    /**
     * @param steps    window length {@code T} in seconds, at least 1
     * @param kind     which feature variables to read
     * @param sessions which sessions of each subject to evaluate
     */
    public SubjectDependentProtocol(int steps, FeatureKind kind, SeedSessions sessions) {
        if (steps < 1) {
            throw new IllegalArgumentException("the window length T must be at least 1, got " + steps);
        }
        this.steps = steps;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** {@code T = 9}, {@code de_LDS}, sessions 1-2: the paper's set-up. */
    public static SubjectDependentProtocol defaults() {
        return new SubjectDependentProtocol(DEFAULT_STEPS, FeatureKind.DE_LDS, SeedSessions.FIRST_TWO);
    }

    public int steps() {
        return steps;
    }

    public FeatureKind kind() {
        return kind;
    }

    public SeedSessions sessions() {
        return sessions;
    }

    /** The experiments this protocol runs over {@code dir}, by subject then session. Reads no feature file. */
    public List<SeedExperiment> experiments(SeedDirectory dir) {
        return dir.experiments(sessions);
    }

    /**
     * Reads one experiment's file and splits it.
     *
     * @throws DatasetException if the file is bad or a trial is shorter than {@code T}
     */
    public Split load(SeedDirectory dir, SeedExperiment experiment) {
        return split(dir.load(experiment, kind));
    }

    /**
     * The split of a loaded session, named like {@code s01-session1}: windows of trials 1-9 train,
     * windows of trials 10-15 test.
     *
     * @throws DatasetException if a trial is shorter than {@code T}
     */
    public Split split(SeedRecording recording) {
        SampleSet train = SlidingWindows.of(recording, 1, TRAIN_TRIALS, steps);
        SampleSet test = SlidingWindows.of(recording, TRAIN_TRIALS + 1, Seed.TRIALS, steps);
        return new Split(recording.experiment().name(), train, test);
    }

    /**
     * The splits of every experiment, each read from disk only when the iterator reaches it (and
     * not kept), so memory holds one session at a time.
     */
    public Iterable<Split> splits(SeedDirectory dir) {
        List<SeedExperiment> list = experiments(dir);
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < list.size();
            }

            @Override
            public Split next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return load(dir, list.get(next++));
            }
        };
    }

    /** Samples per experiment for trial lengths {@code lengths} (trials 1..15): {@code {train, test}}. */
    public int[] sampleCounts(int[] lengths) {
        if (lengths.length != Seed.TRIALS) {
            throw new IllegalArgumentException("expected " + Seed.TRIALS + " trial lengths, got " + lengths.length);
        }
        int[] counts = new int[2];
        for (int k = 1; k <= Seed.TRIALS; k++) {
            counts[k <= TRAIN_TRIALS ? 0 : 1] += SlidingWindows.count(lengths[k - 1], steps);
        }
        return counts;
    }

    @Override
    public String toString() {
        return "SEED subject-dependent: T=" + steps + ", " + kind.prefix() + ", sessions 1-" + sessions.count();
    }
}
