package org.strnn.datasets.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The trials of one subject in one session, in recording order (trial {@code k}, 1-based, is
 * {@code trials().get(k - 1)}).
 */
public record Recording(String subject, String session, List<Trial> trials) {
    public Recording {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(session, "session");
        trials = List.copyOf(trials);
    }
}
