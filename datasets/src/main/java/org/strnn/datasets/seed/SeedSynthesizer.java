package org.strnn.datasets.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.strnn.datasets.DatasetException;

/**
 * Writes a SEED-shaped directory of synthetic features, for tests and demos where SEED itself
 * (which may not be redistributed) is absent.
 *
 * <p>{@link #write} creates {@code <target>/ExtractedFeatures/} holding {@code label.mat} (SEED's
 * 15 labels) and, per subject and session, {@code <subject>_<yyyymmdd>.mat} with the double
 * variables {@code de_LDS1..15} and {@code de_movingAve1..15}, trial {@code k} of shape
 * {@code 62 x n_k x 5}, zlib-compressed: the names, shapes and encoding of the real files. A
 * subject's sessions are one to two weeks apart.
 *
 * <p>The values are positive and DE-like (about 10-17 per band, delta highest). Each class raises
 * some bands on its own group of electrodes: negative the low bands on the left hemisphere (lattice
 * columns 0-2), neutral the middle bands on the midline (columns 3-5), positive the high bands on
 * the right hemisphere (columns 6-8), by one noise standard deviation. On top come per-subject,
 * per-session and per-trial offsets, a slow drift and Gaussian noise; {@code de_movingAve} and
 * {@code de_LDS} are two smoothings of the same noisy series. So a model can learn the labels, but
 * a test trial is never a copy of a training trial. The same generator state gives byte-identical
 * files.
 *
 * <p>Instances are immutable; the {@code with...} methods return changed copies.
 */
public final class SeedSynthesizer {

    private static final LocalDate FIRST_DAY = LocalDate.of(2013, 10, 1);

    private final int subjects;
    private final int sessions;
    private final int[] lengths;

    private SeedSynthesizer(int subjects, int sessions, int[] lengths) {
        if (subjects < 1 || subjects > 9999) {
            throw new IllegalArgumentException("subjects must be in 1..9999, got " + subjects);
        }
        if (sessions < 1 || sessions > 50) {
            throw new IllegalArgumentException("sessions must be in 1..50, got " + sessions);
        }
        if (lengths.length != Seed.TRIALS) {
            throw new IllegalArgumentException("expected " + Seed.TRIALS + " trial lengths, got " + lengths.length);
        }
        for (int n : lengths) {
            if (n < 1) {
                throw new IllegalArgumentException("trial lengths must be at least 1 s, got " + n);
            }
        }
        this.subjects = subjects;
        this.sessions = sessions;
        this.lengths = lengths.clone();
    }

    /** SEED's size: 15 subjects, 3 sessions each, the real trial lengths (about 700 MB on disk). */
    public static SeedSynthesizer defaults() {
        return new SeedSynthesizer(15, 3, Seed.trialLengths());
    }

    /** Subjects numbered {@code 1..subjects}. */
    public SeedSynthesizer withSubjects(int subjects) {
        return new SeedSynthesizer(subjects, sessions, lengths);
    }

    /** Session files per subject. */
    public SeedSynthesizer withSessions(int sessions) {
        return new SeedSynthesizer(subjects, sessions, lengths);
    }

    /** The length in seconds of trials 1..15 (15 values, each at least 1), the same in every session. */
    public SeedSynthesizer withTrialLengths(int... lengths) {
        return new SeedSynthesizer(subjects, sessions, lengths);
    }

    public int subjects() {
        return subjects;
    }

    public int sessions() {
        return sessions;
    }

    /** Trial lengths in seconds, trials 1..15; a copy. */
    public int[] trialLengths() {
        return lengths.clone();
    }

    /**
     * Writes the directory and returns its {@code ExtractedFeatures} folder. {@code target} must
     * not exist or be an empty directory: this never overwrites anything.
     *
     * @throws DatasetException if {@code target} is a file or a non-empty directory, or a write fails
     */
    public Path write(Path target, RandomGenerator rng) {
        Objects.requireNonNull(rng, "rng");
        requireEmpty(target);
        Path dir = target.resolve(SeedDirectory.FEATURES_DIR);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot create directory: " + e.getMessage(), e);
        }
        SeedMatWriter.writeLabels(dir.resolve(SeedDirectory.LABEL_FILE), Seed.labels());
        generate(rng, (subject, date, lds, movingAve) -> SeedMatWriter.writeFeatures(
                dir.resolve(subject + "_" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + ".mat"), lds, movingAve));
        return dir;
    }

    /** Receives one generated session; arrays as in {@link SeedMatWriter#writeFeatures}. */
    interface SessionSink {
        void accept(int subject, LocalDate date, double[][] lds, double[][] movingAve);
    }

    /** Generates every session in order (subject 1 session 1, subject 1 session 2, ...) into {@code sink}. */
    void generate(RandomGenerator rng, SessionSink sink) {
        int[] seedLabels = Seed.labels();
        for (int subject = 1; subject <= subjects; subject++) {
            LocalDate date = FIRST_DAY.plusDays(rng.nextInt(60));
            double[] subjectBase = SyntheticDe.subjectBase(rng);
            for (int session = 1; session <= sessions; session++) {
                if (session > 1) {
                    date = date.plusDays(7 + rng.nextInt(8));
                }
                double[] base = SyntheticDe.sessionBase(subjectBase, rng);
                double[][] lds = new double[Seed.TRIALS][];
                double[][] movingAve = new double[Seed.TRIALS][];
                for (int k = 0; k < Seed.TRIALS; k++) {
                    double[][] trial = SyntheticDe.trial(base, Seed.classOf(seedLabels[k]), lengths[k], rng);
                    lds[k] = trial[0];
                    movingAve[k] = trial[1];
                }
                sink.accept(subject, date, lds, movingAve);
            }
        }
    }

    private static void requireEmpty(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new DatasetException(target, "exists and is not a directory; refusing to write SEED files there");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new DatasetException(target, "is not empty; refusing to write SEED files into it");
            }
        } catch (IOException e) {
            throw new DatasetException(target, "cannot list directory: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SeedSynthesizer(" + subjects + " subjects x " + sessions + " sessions)";
    }
}
