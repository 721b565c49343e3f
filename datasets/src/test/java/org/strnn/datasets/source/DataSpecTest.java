package org.strnn.datasets.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.datasets.SettingsException;
import org.strnn.datasets.Split;
import org.strnn.datasets.protocol.Fold;
import org.strnn.datasets.protocol.Protocol;
import org.strnn.datasets.seed.SeedSynthesizer;
import org.strnn.datasets.synthetic.SourceSynthesizer;

/**
 * {@link DataSpec} as a Java caller sees it, through its public methods only, on sources the
 * synthesizers write: a source string, the split and folds of a protocol, a setting overridden,
 * the one-line description, and what a wrong source or fold is told.
 */
class DataSpecTest {

    private static final int SUBJECTS = 3;
    private static final int SESSIONS = 3;
    /** SEED's 15 trials of 10 s each: at T = 9, stride 1, 2 samples a trial; at T = 5, 6. */
    private static final int TRIAL_SECONDS = 10;

    @TempDir
    Path tmp;

    private String seed() {
        int[] lengths = new int[15];
        Arrays.fill(lengths, TRIAL_SECONDS);
        Path dir = tmp.resolve("SEED");
        SeedSynthesizer.defaults().withSubjects(SUBJECTS).withSessions(SESSIONS).withTrialLengths(lengths)
                .write(dir, new SplittableRandom(4));
        return "seed:" + dir;
    }

    private static void refused(Executable run, String... fragments) {
        SettingsException e = assertThrows(SettingsException.class, run);
        assertFalse(e.getMessage().contains("\n"), "one line expected: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' expected in: " + e.getMessage());
        }
    }

    @Test
    void syntheticSplitsAsItsSourceStringSaysAndStepsShapeTheSamples() {
        DataSpec spec = DataSpec.parse("synthetic:train=40,test=20,seed=3");
        Split split = spec.split();
        assertEquals(40, split.train().size());
        assertEquals(20, split.test().size());
        assertEquals(9, split.train().steps(), "T = 9 by default");
        assertEquals(62, split.train().vertices(), "the seed62 layout");
        assertEquals(62, spec.layout().size());
        assertEquals(1, spec.folds().size(), "synthetic has only its own split");

        Split shorter = spec.with("steps", "4").split();
        assertEquals(4, shorter.train().steps());
        assertEquals(40, shorter.train().size());
        assertEquals(9, spec.split().train().steps(), "with returns a changed copy; the spec itself is unchanged");
        assertTrue(spec.describe().contains("T=9"), spec.describe());
        assertTrue(spec.with("steps", "4").describe().contains("T=4"), spec.with("steps", "4").describe());
    }

    @Test
    void seedFoldsCountTheSubjectsWritten() {
        DataSpec spec = DataSpec.parse(seed());
        // paper: per subject, the first 9 trials of a session train and the last 6 test
        Split paper = spec.split();
        assertEquals(9 * 2, paper.train().size());
        assertEquals(6 * 2, paper.test().size());
        assertEquals(62, paper.train().vertices());

        Split loso = spec.split(Protocol.LOSO);
        assertEquals((SUBJECTS - 1) * SESSIONS * 15 * 2, loso.train().size(), "every other subject trains");
        assertEquals(SESSIONS * 15 * 2, loso.test().size(), "every session of the left-out subject tests");
        List<Fold> folds = spec.with("protocol", "loso").folds();
        assertEquals(SUBJECTS, folds.size(), "one fold per subject");
        assertEquals(List.of("01", "02", "03"), folds.stream().map(Fold::subject).toList());
        assertEquals(SUBJECTS * 2, spec.folds().size(),
                "paper: one fold per session of each subject, of sessions 1-2 (as the paper) by default");
        assertEquals(SUBJECTS * SESSIONS, spec.with("sessions", "3").folds().size());

        Split longer = spec.with("steps", "5").split(Protocol.LOSO);
        assertEquals(5, longer.train().steps());
        assertEquals(SESSIONS * 15 * (TRIAL_SECONDS - 5 + 1), longer.test().size());
        assertEquals(2, spec.with("protocol", "kfold").with("folds", "2").with("subject", "1").folds().size(),
                "kfold: --folds folds of the one subject asked for");
        assertEquals(SUBJECTS * 4, spec.with("protocol", "kfold").with("folds", "4").folds().size());
    }

    @Test
    void describeNamesTheSettingsThatShapeTheSamples() {
        DataSpec spec = DataSpec.parse(seed());
        assertEquals("seed:SEED,de_LDS,sessions=1-2,T=9,stride=1,protocol=paper", spec.describe());
        String loso = spec.with("protocol", "loso").with("stride", "2").with("features", "de_movingave").describe();
        assertEquals("seed:SEED,de_movingAve,sessions=1-3,T=9,stride=2,protocol=loso", loso);
        assertTrue(spec.with("protocol", "kfold").with("folds", "4").describe().endsWith("protocol=kfold,folds=4"),
                spec.with("protocol", "kfold").with("folds", "4").describe());
    }

    @Test
    void deapWrittenBySourceSynthesizerTakesItsTarget() throws IOException {
        Path dir = tmp.resolve("DEAP");
        SourceSynthesizer.write("deap", dir, 2, 1, 2, new SplittableRandom(5));
        DataSpec spec = DataSpec.parse("deap:" + dir);
        assertTrue(spec.describe().contains("target=valence"), spec.describe());
        DataSpec arousal = spec.with("target", "arousal");
        assertTrue(arousal.describe().contains("target=arousal"), arousal.describe());
        assertEquals(2, arousal.with("protocol", "loso").folds().size(), "one fold per participant file");
        assertEquals(List.of("low-valence", "high-valence"), spec.split(Protocol.LOSO).train().classNames());
        assertEquals(List.of("low-arousal", "high-arousal"), arousal.split(Protocol.LOSO).train().classNames());
        assertEquals(32, arousal.layout().size(), "DEAP's 32 EEG channels");
    }

    @Test
    void anUnknownSourceAndAMissingFoldAreOneLineSettingsErrors() {
        refused(() -> DataSpec.parse("nonsense:/x").split(), "unknown data source 'nonsense:/x'", "seed:DIR");
        refused(() -> DataSpec.parse("seed").folds(), "data source 'seed:' needs a path after the colon");
        DataSpec spec = DataSpec.parse(seed());
        refused(() -> spec.with("fold", String.valueOf(SUBJECTS)).split(Protocol.LOSO),
                "--fold " + SUBJECTS + " does not exist", "loso has " + SUBJECTS + " fold(s) here, numbered 0..2");
        refused(() -> spec.with("steps", "0").split(), "--steps must be between 1 and 1000, got 0");
        refused(() -> spec.with("protcol", "loso"), "unknown setting 'protcol'", "protocol, folds, fold");
    }
}
