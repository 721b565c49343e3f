package org.strnn.datasets.faces;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One labelled CK+ sequence: its subject ({@code "S005"}), its sequence directory ({@code "001"}),
 * its frame files sorted by frame number, its emotion and the label file it came from.
 */
public record CkPlusSequence(String subject, String sequence, List<Path> frames, CkPlusEmotion emotion,
        Path labelFile) {

    public CkPlusSequence {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(labelFile, "labelFile");
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("sequence " + subject + "/" + sequence + " has no frames");
        }
    }

    /** {@code "S005/001"}. */
    public String id() {
        return subject + "/" + sequence;
    }
}
