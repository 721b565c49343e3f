package org.strnn.datasets.seed;

import java.util.ArrayList;
import java.util.List;
import org.strnn.layout.Layouts;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Recording;
import org.strnn.datasets.protocol.Trial;

/**
 * A SEED {@code ExtractedFeatures} directory as a {@link Corpus}: one recording per subject file
 * (subject {@code 01}, session {@code session1} ...), trials 1-15 of 1-s DE windows on
 * {@link Layouts#seed62()}. Its published split is spec section 9's: trials 1-9 train, 10-15 test.
 */
public final class SeedCorpus {

    private SeedCorpus() {
    }

    /**
     * @param sessions the sessions of each subject to include: the first {@code sessions}, by date
     */
    public static Corpus of(SeedDirectory dir, FeatureKind kind, int sessions) {
        List<Corpus.Unit> units = new ArrayList<>();
        for (int subject : dir.subjects()) {
            List<SeedExperiment> list = dir.sessions(subject);
            for (SeedExperiment e : list.subList(0, Math.min(sessions, list.size()))) {
                String s = String.format("%02d", e.subject());
                String session = "session" + e.session();
                units.add(new Corpus.Unit(s, session, () -> recording(dir.load(e, kind), s, session)));
            }
        }
        return new Corpus("seed", Layouts.seed62(), Seed.BANDS, Seed.CLASS_NAMES, units,
                n -> SubjectDependentProtocol.TRAIN_TRIALS, "SEED: trials 1-9 train, 10-15 test (spec section 9)");
    }

    static Recording recording(SeedRecording r, String subject, String session) {
        List<Trial> trials = new ArrayList<>();
        for (int k = 1; k <= r.trials(); k++) {
            trials.add(new Trial(r.label(k), r.length(k), r.slices(k)));
        }
        return new Recording(subject, session, trials);
    }
}
