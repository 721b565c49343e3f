package org.strnn.datasets.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.strnn.datasets.DatasetException;

/**
 * How a {@link Corpus} is split into train/test folds. No fold puts one trial on both sides.
 */
public enum Protocol {
    /**
     * The source's published subject-dependent split: one fold per recording (subject and
     * session), its first trials train and the rest test ({@link Corpus#paperTrain()}).
     */
    PAPER("paper"),
    /**
     * k-fold cross-validation over the trials of each subject (all its sessions together): fold
     * {@code i} tests on about a {@code k}-th of the trials of every class, and trains on the rest.
     * One fold per subject and {@code i}.
     */
    KFOLD("kfold"),
    /** Leave one subject out: one fold per subject, tested on all its trials, trained on every other subject's. */
    LOSO("loso"),
    /**
     * Cross-session, per subject: one fold per session of a subject with two or more sessions,
     * tested on that session and trained on the subject's other sessions.
     */
    CROSS_SESSION("cross-session");

    private final String option;

    Protocol(String option) {
        this.option = option;
    }

    /** The name on the command line. */
    public String option() {
        return option;
    }

    /** The protocol named {@code name} on the command line. */
    public static Protocol of(String name) {
        for (Protocol p : values()) {
            if (p.option.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "'; use paper, kfold, loso or cross-session");
    }

    /**
     * The folds of this protocol over {@code corpus}, in a fixed order (by subject, then fold or
     * session). Nothing is read until a fold's split is asked for.
     *
     * @param k folds per subject for {@link #KFOLD}; ignored otherwise
     * @throws DatasetException when the corpus cannot be split this way (one subject for LOSO, no
     *     subject with two sessions for cross-session)
     */
    public List<Fold> folds(Corpus corpus, Windowing w, int k) {
        if (corpus.units().isEmpty()) {
            throw new DatasetException(corpus.name() + ": has no recordings to split");
        }
        return switch (this) {
            case PAPER -> paper(corpus, w);
            case KFOLD -> kfold(corpus, w, k);
            case LOSO -> loso(corpus, w);
            case CROSS_SESSION -> crossSession(corpus, w);
        };
    }

    private static List<Fold> paper(Corpus c, Windowing w) {
        List<Fold> out = new ArrayList<>();
        for (Corpus.Unit u : c.units()) {
            String name = safe("s" + u.subject() + "-" + u.session());
            out.add(new Fold(name, u.subject(), u.session(), () -> {
                List<Trial> trials = u.load().get().trials();
                int train = c.paperTrain().applyAsInt(trials.size());
                if (train < 1 || train >= trials.size()) {
                    throw new DatasetException(c.name() + ": subject " + u.subject() + ", session " + u.session()
                            + " has " + trials.size() + " trials, too few for the split (" + c.paperSource() + ")");
                }
                return c.split(name, trials.subList(0, train), trials.subList(train, trials.size()), w);
            }));
        }
        return out;
    }

    private static List<Fold> kfold(Corpus c, Windowing w, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs at least 2 folds, got " + k);
        }
        List<Fold> out = new ArrayList<>();
        for (String subject : c.subjects()) {
            List<Corpus.Unit> units = c.unitsOf(subject);
            for (int i = 0; i < k; i++) {
                int fold = i;
                String name = safe("s" + subject + "-fold" + i);
                out.add(new Fold(name, subject, null, () -> {
                    List<Trial> trials = trialsOf(units);
                    if (trials.size() < k) {
                        throw new DatasetException(c.name() + ": subject " + subject + " has " + trials.size()
                                + " trials, fewer than the " + k + " folds asked for (--folds)");
                    }
                    int[] folds = stratifiedFolds(trials, k);
                    List<Trial> train = new ArrayList<>();
                    List<Trial> test = new ArrayList<>();
                    for (int t = 0; t < trials.size(); t++) {
                        (folds[t] == fold ? test : train).add(trials.get(t));
                    }
                    return c.split(name, train, test, w);
                }));
            }
        }
        return out;
    }

    /**
     * The fold of each trial: the trials of each class, in order, are dealt to folds 0, 1, ...,
     * k-1, 0, ..., each class starting where the previous one stopped, so every fold gets nearly
     * the same number of trials of every class.
     */
    static int[] stratifiedFolds(List<Trial> trials, int k) {
        int classes = trials.stream().mapToInt(Trial::label).max().orElse(0) + 1;
        int[] next = new int[classes];
        int start = 0;
        for (int y = 0; y < classes; y++) {
            next[y] = start;
            int label = y;
            start = (start + (int) trials.stream().filter(t -> t.label() == label).count()) % k;
        }
        int[] out = new int[trials.size()];
        for (int t = 0; t < trials.size(); t++) {
            int y = trials.get(t).label();
            out[t] = next[y];
            next[y] = (next[y] + 1) % k;
        }
        return out;
    }

    private static List<Fold> loso(Corpus c, Windowing w) {
        List<String> subjects = c.subjects();
        if (subjects.size() < 2) {
            throw new DatasetException(c.name() + ": leave-one-subject-out needs two or more subjects, found "
                    + subjects.size() + (subjects.isEmpty() ? "" : " (" + subjects.get(0) + ")"));
        }
        List<Fold> out = new ArrayList<>();
        for (String subject : subjects) {
            String name = safe("loso-s" + subject);
            out.add(new Fold(name, subject, null, () -> {
                List<Trial> train = new ArrayList<>();
                for (String other : subjects) {
                    if (!other.equals(subject)) {
                        train.addAll(trialsOf(c.unitsOf(other)));
                    }
                }
                return c.split(name, train, trialsOf(c.unitsOf(subject)), w);
            }));
        }
        return out;
    }

    private static List<Fold> crossSession(Corpus c, Windowing w) {
        List<Fold> out = new ArrayList<>();
        for (String subject : c.subjects()) {
            List<Corpus.Unit> units = c.unitsOf(subject);
            if (units.size() < 2) {
                continue;
            }
            for (Corpus.Unit test : units) {
                String name = safe("s" + subject + "-test-" + test.session());
                out.add(new Fold(name, subject, test.session(), () -> {
                    List<Corpus.Unit> train = units.stream().filter(u -> u != test).toList();
                    return c.split(name, trialsOf(train), test.load().get().trials(), w);
                }));
            }
        }
        if (out.isEmpty()) {
            throw new DatasetException(c.name() + ": cross-session needs a subject with two or more sessions; every "
                    + "subject here has one" + (c.name().startsWith("npz") ? " (give the npz a 'session' array)" : ""));
        }
        return out;
    }

    private static List<Trial> trialsOf(List<Corpus.Unit> units) {
        List<Trial> out = new ArrayList<>();
        for (Corpus.Unit u : units) {
            out.addAll(u.load().get().trials());
        }
        return out;
    }

    /** {@code name} with every character other than letters, digits, '.', '_' and '-' replaced by '_'. */
    static String safe(String name) {
        char[] cs = name.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            char ch = cs[i];
            boolean ok = ch < 128 && (Character.isLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '-');
            cs[i] = ok ? ch : '_';
        }
        return new String(cs);
    }

    @Override
    public String toString() {
        return option;
    }

    /** The protocol names, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Protocol::option).toList());
    }
}
