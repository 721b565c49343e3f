package org.strnn.datasets.seed;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One session of one subject: the unit of the subject-dependent protocol, backed by one
 * {@code <subject>_<yyyymmdd>.mat} file. Listing an experiment reads nothing from the file.
 *
 * @param subject the subject number from the file name (SEED uses 1..15)
 * @param session 1-based rank of {@code date} among this subject's files (1 = earliest)
 * @param date    the recording date from the file name
 * @param file    the feature file
 */
public record SeedExperiment(int subject, int session, LocalDate date, Path file) {

    public SeedExperiment {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(file, "file");
        if (subject < 0 || session < 1) {
            throw new IllegalArgumentException("bad experiment: subject " + subject + ", session " + session);
        }
    }

    /** The split name, e.g. {@code "s01-session1"}. */
    public String name() {
        return String.format("s%02d-session%d", subject, session);
    }

    @Override
    public String toString() {
        return name() + " (" + file.getFileName() + ")";
    }
}
