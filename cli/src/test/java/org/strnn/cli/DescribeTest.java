package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strnn.cli.CliRunner.run;
import static org.strnn.cli.UsabilityTest.R03;
import static org.strnn.cli.UsabilityTest.R07;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.formats.Json;

/** {@code strnn describe} on each kind of source, as a user runs it. */
class DescribeTest {

    @TempDir
    Path tmp;

    @Test
    void anEdfRecordingShowsChannelsAnnotationsAndWhatTheEventOptionsMakeOfThem() {
        CliRunner.Result r = run("describe", "edf:" + R03 + "," + R07);
        assertEquals(0, r.exit(), r.toString());
        for (String s : List.of("sample rate (Hz): 160.0", "duration (s): 125.0", "Fc5.@3,2", "T0: 15 x, 4.20 s each",
                "T1: 8 x, 4.10 s each", "used: 15", "unlabelled: 15", "the last file is the test file", "T1: 8")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
        CliRunner.Result tooLong = run("describe", "edf:" + R03, "--steps", "5", "--json");
        assertEquals(0, tooLong.exit(), tooLong.toString());
        Map<String, Object> json = Json.parseObject(tooLong.out().strip());
        Map<?, ?> file = (Map<?, ?>) ((List<?>) json.get("files")).get(0);
        Map<?, ?> fate = (Map<?, ?>) file.get("events under --events T1,T2, T=5, stride 1, 5.00 s per sample");
        assertEquals(15L, fate.get("too short"), file.toString());
        assertEquals(0L, fate.get("used"));
    }

    @Test
    void seedAndSyntheticSourcesShowTrialsClassesAndTheSplit() {
        Path dir = tmp.resolve("seed");
        assertEquals(0, run("synth", "seed", dir.toString(), "--subjects", "2", "--sessions", "1", "--trial-seconds",
                "12").exit());
        CliRunner.Result r = run("describe", "seed:" + dir, "--json");
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> json = Json.parseObject(r.out().strip());
        assertEquals(2, ((Map<?, ?>) json.get("subjects and sessions")).size());
        Map<?, ?> samples = (Map<?, ?>) json.get("samples (train --data seed:" + dir + ")");
        Map<?, ?> train = (Map<?, ?>) samples.get("train");
        assertEquals(9L * (12 - 9 + 1), train.get("samples"), "the first 9 trials train, 4 samples of T=9 each");
        CliRunner.Result s = run("describe", "synthetic:train=30,test=12");
        assertEquals(0, s.exit(), s.toString());
        assertTrue(s.out().contains("samples: 30") && s.out().contains("samples: 12") && s.out().contains("FP1@"),
                s.out());
        CliRunner.userError(run("describe", "edf:" + tmp.resolve("missing.edf")), 1, "missing.edf");
        CliRunner.userError(run("describe"), 2, "needs a data source");
    }

    @Test
    void facesShowSequencesAndFolds() {
        Path dir = tmp.resolve("faces");
        assertEquals(0, run("synth", "faces", dir.toString()).exit());
        CliRunner.Result r = run("describe", "faces:" + dir);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("subjects: 10") && r.out().contains("10 subject-exclusive folds"), r.out());
    }
}
