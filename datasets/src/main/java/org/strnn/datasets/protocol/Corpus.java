package org.strnn.datasets.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.strnn.layout.Layout;
import org.strnn.datasets.Split;

/**
 * A data source seen as recordings of subjects in sessions, each a list of trials of feature
 * windows on one layout: what every {@link Protocol} splits. Recordings are read only when a fold
 * needs them ({@link Unit#load()}), so a protocol over many subjects holds only what one fold uses.
 *
 * @param name        the source, for fold names and messages, e.g. {@code "seed-iv"}
 * @param layout      where the electrodes sit; every window is {@code layout.size() x features}
 * @param features    {@code d}
 * @param classNames  class names by index
 * @param units       the recordings, by subject then session
 * @param paperTrain  the source's published subject-dependent split: how many leading trials of a
 *                    recording of {@code n} trials train (the rest test); see {@link #genericPaperTrain}
 * @param paperSource where {@code paperTrain} comes from, for the user, e.g. {@code "SEED: trials 1-9 train"}
 */
public record Corpus(String name, Layout layout, int features, List<String> classNames, List<Unit> units,
        java.util.function.IntUnaryOperator paperTrain, String paperSource) {

    /** One recording, read on demand; each call of {@code load} reads it again. */
    public record Unit(String subject, String session, Supplier<Recording> load) {
        public Unit {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(load, "load");
        }
    }

    public Corpus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        classNames = List.copyOf(classNames);
        units = List.copyOf(units);
        Objects.requireNonNull(paperTrain, "paperTrain");
        Objects.requireNonNull(paperSource, "paperSource");
    }

    /**
     * The split used for sources without a published one, modelled on SEED's (9 of 15 trials
     * train): the first {@code round(0.6 n)} trials of each recording train, the rest test.
     */
    public static int genericPaperTrain(int trials) {
        return Math.max(1, Math.min(trials - 1, (int) Math.round(0.6 * trials)));
    }

    /** The text for {@link #genericPaperTrain}. */
    public static final String GENERIC_PAPER = "no published split: the first 60% of each recording's trials train, "
            + "the rest test (as SEED's 9 of 15)";

    /** The subjects, in order of first appearance. */
    public List<String> subjects() {
        List<String> out = new ArrayList<>();
        for (Unit u : units) {
            if (!out.contains(u.subject())) {
                out.add(u.subject());
            }
        }
        return out;
    }

    /** The units of one subject, in order. */
    public List<Unit> unitsOf(String subject) {
        return units.stream().filter(u -> u.subject().equals(subject)).toList();
    }

    /** A train/test split of this corpus's trials. */
    Split split(String foldName, List<Trial> train, List<Trial> test, Windowing w) {
        return new Split(foldName, w.samples(train, layout, features, classNames),
                w.samples(test, layout, features, classNames));
    }
}
