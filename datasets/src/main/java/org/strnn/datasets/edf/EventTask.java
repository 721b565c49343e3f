package org.strnn.datasets.edf;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.strnn.datasets.SampleSet;

/**
 * Labelled samples cut from annotated events, with an account of what each file gave.
 *
 * @param samples one sample per usable event: {@code T x n x d} DE values ({@code d} bands)
 * @param files what happened in each file, in input order
 */
public record EventTask(SampleSet samples, List<FileReport> files) {

    public EventTask {
        Objects.requireNonNull(samples, "samples");
        files = List.copyOf(files);
    }

    /**
     * The account of one file.
     *
     * @param annotations annotations in the file
     * @param unlabelled annotations whose text has no class (e.g. {@code T0} when only T1/T2 are mapped)
     * @param used labelled events that became samples
     * @param tooShort labelled events skipped because their {@code T} slices do not fit inside the
     *     event (or the recording), or the event states no duration
     * @param dropped channels left out on request, normalised
     */
    public record FileReport(Path file, int annotations, int unlabelled, int used, int tooShort, List<String> dropped) {
        public FileReport {
            Objects.requireNonNull(file, "file");
            dropped = List.copyOf(dropped);
        }

        @Override
        public String toString() {
            return file.getFileName() + ": " + annotations + " annotations, " + used + " used, " + tooShort
                    + " too short, " + unlabelled + " unlabelled" + (dropped.isEmpty() ? "" : ", dropped " + dropped);
        }
    }

    /** Labelled events skipped as too short, over all files. */
    public int tooShort() {
        return files.stream().mapToInt(FileReport::tooShort).sum();
    }
}
