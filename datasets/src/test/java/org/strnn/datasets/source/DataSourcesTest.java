package org.strnn.datasets.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.SettingsException;
import org.strnn.datasets.Split;
import org.strnn.datasets.edf.EventSynthesizer;
import org.strnn.datasets.npz.NpzFixtures;
import org.strnn.datasets.protocol.Protocol;
import org.strnn.datasets.synthetic.SourceSynthesizer;

/**
 * Sources read and split by their settings, without the command line: the npz example and an npz
 * with sessions under every protocol, and what a wrong setting (a {@link SettingsException}) or
 * bad data (a {@link DatasetException}) is told in one line. That these reach the user with the
 * exit code of their kind is the command line's DataSourcesCliTest.
 */
class DataSourcesTest {

    @TempDir
    Path tmp;

    /** {@code spec} split by its own protocol under {@code settings} (name, value, name, value, ...). */
    private static DataSources.Loaded load(String spec, String... settings) {
        SourceSettings s = SourceSettings.defaults();
        for (int i = 0; i < settings.length; i += 2) {
            s = s.with(settings[i], settings[i + 1]);
        }
        return DataSources.load(spec, s, DataSources.Role.OWN_SPLIT);
    }

    /** The exception of {@code type} that {@code run} throws, its message one line holding each fragment. */
    private static <E extends RuntimeException> E refused(Class<E> type, Executable run, String... fragments) {
        E e = assertThrows(type, run);
        assertFalse(e.getMessage().contains("\n"), "one line expected: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' expected in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void theNpzOfTheFormatsExampleSplitsUnderEveryProtocol() {
        String data = "npz:" + NpzFixtures.example(tmp);
        // 3 subjects x 6 trials x 12 windows; T = 9 gives 4 samples per trial
        Split paper = DataSpec.parse(data).split();
        assertEquals(4 * 4, paper.train().size(), "subject 1: the first 60% of 6 trials (4) train");
        assertEquals(2 * 4, paper.test().size());
        Split kfold = DataSpec.parse(data).with("protocol", "kfold").with("folds", "3").with("subject", "2").split();
        assertEquals(4 * 4, kfold.train().size());
        assertEquals(2 * 4, kfold.test().size());
        DataSources.Loaded loso = load(data, "protocol", "loso", "fold", "2");
        assertEquals(12 * 4, loso.split().train().size());
        assertEquals(6 * 4, loso.split().test().size());
        assertTrue(loso.identity().contains("fold=loso-s3"), loso.identity());
        refused(DatasetException.class, () -> DataSpec.parse(data).split(Protocol.CROSS_SESSION),
                "cross-session needs a subject with two or more sessions", "'session' array");
    }

    @Test
    void npzWithSessionsSplitsCrossSessionAndRefusesBrokenFiles() {
        String data = "npz:" + NpzFixtures.sessions(tmp, 0, false);
        DataSources.Loaded cross = load(data, "protocol", "cross-session", "subject", "P1", "session", "2",
                "steps", "5");
        // one subject's other session trains: 3 trials x (10 - 5 + 1)
        assertEquals(3 * 6, cross.split().train().size());
        assertEquals(3 * 6, cross.split().test().size());
        assertTrue(cross.identity().contains("fold=sP1-test-2"), cross.identity());
        String notes = String.join("\n", load(data, "steps", "5").notes());
        assertTrue(notes.contains("ignoring array 'extra' (not part of docs/features-npz.md)"), notes);
        assertTrue(notes.contains("npz: 4 recording(s) of 2 subject(s), 2 classes, 14 channels on a 6x4 grid"), notes);

        refused(DatasetException.class, () -> load("npz:" + NpzFixtures.sessions(tmp, Double.NaN, false)),
                "array x: holds NaN at window 119, channel AF4, feature 4 (0-based); x must be finite");
        refused(DatasetException.class, () -> load("npz:" + NpzFixtures.sessions(tmp, 0, true)),
                "array trial: the windows of trial 1 of subject P0, session 1 are not consecutive");
        refused(DatasetException.class, () -> load("npz:" + tmp.resolve("none.npz")), "none.npz");
    }

    @Test
    void edfAndProtocolErrorsAreOneLineOfTheirKind() {
        List<String> labels = new ArrayList<>(SourceSynthesizer.EPOC.stream().map(n -> "EEG " + n).toList());
        labels.add("EEG X3");
        Path a = EventSynthesizer.write(tmp.resolve("X.edf"), false, labels, List.of("sad", "neutral", "happy"), 20, 1,
                128, new SplittableRandom(5));
        DataSpec edf = DataSpec.parse("edf:" + a);
        refused(DatasetException.class, () -> edf.with("events", "sad,happy").split(),
                "\"EEG X3\" has no 10-05 position", "--drop EEG X3");
        refused(SettingsException.class, () -> edf.with("events", "T1,T2").with("drop", "EEG X3").split(),
                "one file cannot be split");
        refused(DatasetException.class, () -> DataSpec.parse("edf:" + a + "," + a).with("events", "T1,T2")
                .with("drop", "EEG X3").split(), "has no event named T1 or T2 (its annotations: sad x1, neutral x1, "
                + "happy x1)");
        DataSpec dropped = edf.with("events", "sad,happy").with("drop", "X3");
        refused(DatasetException.class, () -> dropped.split(Protocol.LOSO), "two or more subjects");
        refused(SettingsException.class, () -> dropped.with("fold", "9").split(Protocol.KFOLD),
                "--fold 9 does not exist", "0..4");
        refused(SettingsException.class, () -> DataSpec.parse("synthetic").with("protocol", "xval").split(),
                "unknown protocol 'xval'");
        refused(SettingsException.class, () -> DataSpec.parse("synthetic").split(Protocol.LOSO),
                "synthetic has only its own split");
    }
}
