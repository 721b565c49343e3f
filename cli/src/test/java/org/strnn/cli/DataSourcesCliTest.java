package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strnn.cli.CliRunner.run;
import static org.strnn.cli.CliRunner.userError;
import static org.strnn.cli.CliRunner.with;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Parallel;
import org.strnn.datasets.deap.Deap;
import org.strnn.datasets.deap.DeapSynthesizer;
import org.strnn.datasets.edf.EdfWriter;
import org.strnn.datasets.npz.NpzFixtures;
import org.strnn.datasets.seed.SeedIvSynthesizer;
import org.strnn.datasets.synthetic.SourceSynthesizer;
import org.strnn.formats.Json;

/**
 * Every data source and protocol, run from the command line as a user would. How the readers
 * split the npz files and the words of their errors are datasets' DataSourcesTest; here, that the
 * options reach them and their errors reach the user as one line with the exit code of their kind.
 */
class DataSourcesCliTest {

    private static final String[] SMALL = {"--ds", "4", "--ks", "2", "--dt", "4", "--kt", "2", "--batch", "6",
        "--epochs", "1", "--no-plots", "--quiet"};
    private static final String[] SMALL_EXPERIMENT = {"--ds", "4", "--ks", "2", "--dt", "4", "--kt", "2", "--batch",
        "32", "--epochs", "1", "--quiet"};
    static final List<String> EPOC = SourceSynthesizer.EPOC;
    private static final List<String> CLASSES = List.of("sad", "neutral", "happy");

    @TempDir
    Path tmp;

    @AfterEach
    void oneThread() {
        Parallel.setThreads(1);
    }

    /** Back-to-back 20-s events, one per class per round; the 10-Hz amplitude depends on the class. */
    private Path recording(String name, boolean bdf, List<String> labels, int rounds, long seed) {
        int rate = 128;
        int seconds = 20 * CLASSES.size() * rounds;
        double[][] x = new double[labels.size()][seconds * rate];
        SplittableRandom random = new SplittableRandom(seed);
        List<EdfWriter.Event> events = new ArrayList<>();
        for (int e = 0; e < CLASSES.size() * rounds; e++) {
            int cls = e % CLASSES.size();
            events.add(new EdfWriter.Event(20 * e, 20, CLASSES.get(cls)));
            for (int c = 0; c < labels.size(); c++) {
                for (int i = 20 * e * rate; i < 20 * (e + 1) * rate; i++) {
                    x[c][i] = (5 + 10 * cls) * Math.sin(2 * Math.PI * 10 * i / rate + c) + 3 * random.nextDouble(-1, 1);
                }
            }
        }
        Path file = tmp.resolve(name);
        EdfWriter.write(file, bdf, "X X X X", labels, rate, x, events, false);
        return file;
    }

    private Map<String, Object> trainJson(String... args) {
        CliRunner.Result r = run(with(with(new String[] {"train"}, SMALL), with(args, "--json", "--out",
                tmp.resolve("run" + System.nanoTime()).toString())));
        assertEquals(0, r.exit(), r.toString());
        return Json.parseObject(r.out().strip());
    }

    @Test
    void fourteenChannelEdfPlusWithTwentySecondEventsGivesManySamplesPerEvent() {
        List<String> labels = EPOC.stream().map(n -> "EEG " + n).toList();
        Path a = recording("A.edf", false, labels, 2, 1);
        Path b = recording("B.edf", false, labels, 1, 2);
        Map<String, Object> json = trainJson("--data", "edf:" + a, "--test", "edf:" + b, "--events",
                "sad,neutral,happy");
        // T = 4 (edf's default), 1-s slices, stride 1: 20 - 4 + 1 = 17 samples per 20-s event
        assertEquals(6L * 17, json.get("train_samples"));
        assertEquals(3L * 17, json.get("test_samples"));
        Map<String, Object> one = trainJson("--data", "edf:" + a, "--test", "edf:" + b, "--events",
                "sad,neutral,happy", "--one-per-event");
        assertEquals(6L, one.get("train_samples"));
        Map<String, Object> strided = trainJson("--data", "edf:" + a, "--test", "edf:" + b, "--events",
                "sad,neutral,happy", "--steps", "5", "--stride", "4");
        assertEquals(6L * 4, strided.get("train_samples"), "starts 0, 4, 8, 12 fit a 20-window event at T = 5");
    }

    @Test
    void thirtyTwoChannelBdfTrainsTheSameWay() {
        List<String> labels = new ArrayList<>(Deap.CHANNELS);
        labels.add("Status");
        Path a = recording("A.bdf", true, labels, 1, 3);
        Path b = recording("B.bdf", true, labels, 1, 4);
        Map<String, Object> json = trainJson("--data", "bdf:" + a, "--test", "edf:" + b, "--events",
                "sad,neutral,happy");
        assertEquals(3L * 17, json.get("train_samples"));
        assertEquals(3L * 17, json.get("test_samples"));
        Map<String, Object> kfold = trainJson("--data", "bdf:" + a + "," + b, "--events", "sad,neutral,happy",
                "--protocol", "kfold", "--folds", "3", "--fold", "1");
        assertEquals(2L * 17, kfold.get("train_samples"), "a 3-event recording: 2 events train, 1 tests");
        assertTrue(((String) kfold.get("data")).contains("protocol=kfold,fold=sA-fold1"), (String) kfold.get("data"));
    }

    /** A data error (exit 1) and a wrong setting (exit 2), each one line; every message's words are DataSourcesTest's. */
    @Test
    void edfErrorsAreOneLine() {
        List<String> labels = new ArrayList<>(EPOC.stream().map(n -> "EEG " + n).toList());
        labels.add("EEG X3");
        Path a = recording("X.edf", false, labels, 1, 5);
        userError(run(with(new String[] {"train", "--data", "edf:" + a, "--events", "sad,happy"}, SMALL)), 1,
                "\"EEG X3\" has no 10-05 position", "--drop EEG X3");
        userError(run(with(new String[] {"train", "--data", "edf:" + a, "--events", "sad,happy", "--drop", "X3",
            "--protocol", "kfold", "--fold", "9"}, SMALL)), 2, "--fold 9 does not exist", "0..4");
    }

    @Test
    void theNpzOfTheFormatsExampleRunsAnExperiment() {
        String data = "npz:" + NpzFixtures.example(tmp);
        CliRunner.Result exp = run(with(new String[] {"experiment", data, "--protocol", "kfold", "--folds", "2",
            "--out", tmp.resolve("exp").toString()}, SMALL_EXPERIMENT));
        assertEquals(0, exp.exit(), exp.toString());
        assertTrue(exp.out().contains("s1-fold0") && exp.out().contains("s3-fold1"), exp.out());
        assertTrue(exp.out().contains("\u00b1"), exp.out());
    }

    @Test
    void npzNotesAndBrokenFilesReachTheUser() {
        String data = "npz:" + NpzFixtures.sessions(tmp, 0, false);
        CliRunner.Result noted = run("train", "--data", data, "--out", tmp.resolve("noted").toString(), "--ds", "4",
                "--ks", "2", "--dt", "4", "--kt", "2", "--epochs", "1", "--no-plots", "--steps", "5");
        assertEquals(0, noted.exit(), noted.toString());
        assertTrue(noted.err().contains("ignoring array 'extra' (not part of docs/features-npz.md)"), noted.err());
        assertTrue(noted.err().contains("npz: 4 recording(s) of 2 subject(s), 2 classes, 14 channels on a 6x4 grid"),
                noted.err());
        userError(run(with(new String[] {"train", "--data", "npz:" + NpzFixtures.sessions(tmp, Double.NaN, false)},
            SMALL)), 1, "array x: holds NaN at window 119, channel AF4, feature 4 (0-based); x must be finite");
    }

    @Test
    void seedIvAndDeapRunTheirProtocols() throws IOException {
        int[] windows = new int[24];
        java.util.Arrays.fill(windows, 6);
        SeedIvSynthesizer.write(tmp.resolve("seed4"), 2, 2, windows, new SplittableRandom(1));
        CliRunner.Result iv = run(with(new String[] {"experiment", "seed-iv:" + tmp.resolve("seed4"), "--protocol",
            "cross-session", "--steps", "3", "--out", tmp.resolve("e4").toString()}, SMALL_EXPERIMENT));
        assertEquals(0, iv.exit(), iv.toString());
        List<String> rows = Files.readAllLines(tmp.resolve("e4").resolve("results.csv"), StandardCharsets.UTF_8);
        assertEquals(5, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("s01-test-session1,96,96,"), rows.get(1));
        Map<String, Object> paper = trainJson("--data", "seed-iv:" + tmp.resolve("seed4"), "--steps", "3",
                "--subject", "2", "--session", "2");
        assertEquals(16L * 4, paper.get("train_samples"), "trials 1-16 train");
        assertEquals(8L * 4, paper.get("test_samples"));

        Path deap = Files.createDirectories(tmp.resolve("deap").resolve("data_preprocessed_matlab"));
        DeapSynthesizer.write(deap.resolve("s01.mat"), 4, 8 * 128, new SplittableRandom(2));
        DeapSynthesizer.write(deap.resolve("s02.mat"), 4, 8 * 128, new SplittableRandom(3));
        CliRunner.Result d = run(with(new String[] {"experiment", "deap:" + tmp.resolve("deap"), "--protocol", "loso",
            "--target", "quadrant", "--steps", "3", "--out", tmp.resolve("ed").toString(), "--json"},
                SMALL_EXPERIMENT));
        assertEquals(0, d.exit(), d.toString());
        Map<String, Object> json = Json.parseObject(d.out().strip());
        assertEquals(2L, json.get("experiments"));
        // 4 trials of 5 one-second windows (8 s minus the 3-s baseline), T = 3: 3 samples each
        assertTrue(json.get("rows").toString().contains("train_samples=12"), json.toString());
    }

    @Test
    void synthWritesEdfThatTrains() {
        Path dir = tmp.resolve("synth-edf");
        CliRunner.Result w = run("synth", "edf", dir.toString());
        assertEquals(0, w.exit(), w.toString());
        Map<String, Object> json = trainJson("--data", "edf:" + dir.resolve("A.edf"), "--test", "edf:"
                + dir.resolve("B.edf"), "--events", "sad,neutral,happy");
        assertEquals(12L * 17, json.get("train_samples"));
        userError(run("synth", "bdf", dir.toString()), 1, "is not empty; choose a new directory");
    }

    @Test
    void montageCommandPrintsAndDrawsTheGrid() {
        CliRunner.Result r = run("montage", "--channels", String.join(",", EPOC));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("14 channels on a 6x4 grid:\n-   AF3 AF4 -\nF7  F3  F4  F8\n-   FC5 FC6 -\n"),
                r.out());
        Path a = recording("M.edf", false, EPOC.stream().map(n -> "EEG " + n + "-REF").toList(), 1, 1);
        Path png = tmp.resolve("m.png");
        CliRunner.Result drawn = run("montage", "--data", "edf:" + a, "--events", "sad,happy", "--png", png.toString());
        assertEquals(0, drawn.exit(), drawn.toString());
        assertTrue(Files.isRegularFile(png));
        userError(run("montage", "--data", "edf:" + a, "--events", "sad,happy", "--png", png.toString()), 1,
                "m.png");
        userError(run("montage", "--channels", "Fp1,Fpz,Xx9"), 1, "\"Xx9\" has no 10-05 position");
        userError(run("montage"), 2, "exactly one of --data SOURCE and --channels LIST");
    }

    @Test
    void aMontageFilePlacesChannelsWithoutStandardNames() throws IOException {
        List<String> labels = List.of("EEG A", "EEG B", "EEG C", "EEG D");
        Path a = recording("G.edf", false, labels, 1, 1);
        Path grid = Files.writeString(tmp.resolve("grid.txt"), "# my cap\nA B\nC D\n");
        CliRunner.Result r = run("montage", "--data", "edf:" + a, "--events", "sad,happy", "--montage", grid.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("A B\nC D\n"), r.out());
    }
}
