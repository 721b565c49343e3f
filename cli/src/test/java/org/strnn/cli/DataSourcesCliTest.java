package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strnn.cli.CliRunner.run;
import static org.strnn.cli.CliRunner.userError;
import static org.strnn.cli.CliRunner.with;

import java.io.IOException;
import java.net.URISyntaxException;
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
import org.strnn.datasets.seed.SeedIvSynthesizer;
import org.strnn.formats.Json;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;

/** Every data source and protocol, run from the command line as a user would. */
class DataSourcesCliTest {

    private static final String[] SMALL = {"--ds", "4", "--ks", "2", "--dt", "4", "--kt", "2", "--batch", "6",
        "--epochs", "1", "--no-plots", "--quiet"};
    private static final String[] SMALL_EXPERIMENT = {"--ds", "4", "--ks", "2", "--dt", "4", "--kt", "2", "--batch",
        "32", "--epochs", "1", "--quiet"};
    static final List<String> EPOC = List.of("AF3", "F7", "F3", "FC5", "T7", "P7", "O1", "O2", "P8", "T8", "FC6", "F4",
            "F8", "AF4");
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

    @Test
    void edfErrorsAreOneLine() {
        List<String> labels = new ArrayList<>(EPOC.stream().map(n -> "EEG " + n).toList());
        labels.add("EEG X3");
        Path a = recording("X.edf", false, labels, 1, 5);
        userError(run(with(new String[] {"train", "--data", "edf:" + a, "--events", "sad,happy"}, SMALL)), 1,
                "\"EEG X3\" has no 10-05 position", "--drop EEG X3");
        userError(run(with(new String[] {"train", "--data", "edf:" + a, "--events", "T1,T2", "--drop", "EEG X3"},
                SMALL)), 2, "one file cannot be split");
        userError(run(with(new String[] {"train", "--data", "edf:" + a + "," + a, "--events", "T1,T2", "--drop",
            "EEG X3"}, SMALL)), 1, "has no event named T1 or T2 (its annotations: sad x1, neutral x1, happy x1)");
        userError(run(with(new String[] {"train", "--data", "edf:" + a, "--events", "sad,happy", "--drop", "X3",
            "--protocol", "loso"}, SMALL)), 1, "two or more subjects");
        userError(run(with(new String[] {"train", "--data", "edf:" + a, "--events", "sad,happy", "--drop", "X3",
            "--protocol", "kfold", "--fold", "9"}, SMALL)), 2, "--fold 9 does not exist", "0..4");
        userError(run(with(new String[] {"train", "--data", "synthetic", "--protocol", "xval"}, SMALL)), 2,
                "unknown protocol 'xval'");
        userError(run(with(new String[] {"train", "--data", "synthetic", "--protocol", "loso"}, SMALL)), 2,
                "synthetic has only its own split");
    }

    private static Path example() throws URISyntaxException {
        return Path.of(DataSourcesCliTest.class.getResource("/npz/example.npz").toURI());
    }

    @Test
    void theNpzOfTheFormatsExampleTrainsUnderEveryProtocol() throws URISyntaxException {
        String data = "npz:" + example();
        // 3 subjects x 6 trials x 12 windows; T = 9 gives 4 samples per trial
        Map<String, Object> paper = trainJson("--data", data);
        assertEquals(4L * 4, paper.get("train_samples"), "subject 1: the first 60% of 6 trials (4) train");
        assertEquals(2L * 4, paper.get("test_samples"));
        Map<String, Object> kfold = trainJson("--data", data, "--protocol", "kfold", "--folds", "3", "--subject", "2");
        assertEquals(4L * 4, kfold.get("train_samples"));
        assertEquals(2L * 4, kfold.get("test_samples"));
        Map<String, Object> loso = trainJson("--data", data, "--protocol", "loso", "--fold", "2");
        assertEquals(12L * 4, loso.get("train_samples"));
        assertEquals(6L * 4, loso.get("test_samples"));
        assertTrue(((String) loso.get("data")).contains("fold=loso-s3"));
        userError(run(with(new String[] {"train", "--data", data, "--protocol", "cross-session"}, SMALL)), 1,
                "cross-session needs a subject with two or more sessions", "'session' array");

        CliRunner.Result exp = run(with(new String[] {"experiment", data, "--protocol", "kfold", "--folds", "2",
            "--out", tmp.resolve("exp").toString()}, SMALL_EXPERIMENT));
        assertEquals(0, exp.exit(), exp.toString());
        assertTrue(exp.out().contains("s1-fold0") && exp.out().contains("s3-fold1"), exp.out());
        assertTrue(exp.out().contains("\u00b1"), exp.out());
    }

    /** An npz written from Java: two subjects, two sessions, trial ids repeating across them. */
    private Path sessionsNpz(double poison, boolean scatter) {
        List<String> channels = EPOC;
        int trials = 3;
        int windows = 10;
        int rows = 2 * 2 * trials * windows;
        double[] x = new double[rows * channels.size() * 5];
        long[] y = new long[rows];
        long[] trial = new long[rows];
        String[] subject = new String[rows];
        long[] session = new long[rows];
        SplittableRandom random = new SplittableRandom(9);
        int i = 0;
        for (int s = 0; s < 2; s++) {
            for (int e = 0; e < 2; e++) {
                for (int t = 0; t < trials; t++) {
                    for (int w = 0; w < windows; w++, i++) {
                        y[i] = t % 2;
                        trial[i] = scatter && w % 2 == 0 ? 1 - t % 2 : t;
                        subject[i] = "P" + s;
                        session[i] = e + 1;
                        for (int k = 0; k < channels.size() * 5; k++) {
                            x[i * channels.size() * 5 + k] = random.nextGaussian() + y[i] * (k % 5 == 2 ? 1 : 0);
                        }
                    }
                }
            }
        }
        x[x.length - 1] = poison;
        Path f = tmp.resolve("s" + System.nanoTime() + ".npz");
        Npz.write(f, List.of(NpyArray.ofDoubles("x", new int[] {rows, channels.size(), 5}, x),
                NpyArray.ofLongs("y", new int[] {rows}, y), NpyArray.ofLongs("trial", new int[] {rows}, trial),
                NpyArray.ofStrings("subject", new int[] {rows}, subject),
                NpyArray.ofLongs("session", new int[] {rows}, session),
                NpyArray.ofStrings("channels", new int[] {channels.size()}, channels.toArray(String[]::new)),
                NpyArray.ofLongs("extra", new int[] {1}, new long[] {1})), false);
        return f;
    }

    @Test
    void npzWithSessionsRunsCrossSessionAndRefusesBrokenFiles() {
        String data = "npz:" + sessionsNpz(0, false);
        Map<String, Object> cross = trainJson("--data", data, "--protocol", "cross-session", "--subject", "P1",
                "--session", "2", "--steps", "5");
        // one subject's other session trains: 3 trials x (10 - 5 + 1)
        assertEquals(3L * 6, cross.get("train_samples"));
        assertEquals(3L * 6, cross.get("test_samples"));
        assertTrue(((String) cross.get("data")).contains("fold=sP1-test-2"), (String) cross.get("data"));
        CliRunner.Result noted = run("train", "--data", data, "--out", tmp.resolve("noted").toString(), "--ds", "4",
                "--ks", "2", "--dt", "4", "--kt", "2", "--epochs", "1", "--no-plots", "--steps", "5");
        assertEquals(0, noted.exit(), noted.toString());
        assertTrue(noted.err().contains("ignoring array 'extra' (not part of docs/features-npz.md)"), noted.err());
        assertTrue(noted.err().contains("npz: 4 recording(s) of 2 subject(s), 2 classes, 14 channels on a 6x4 grid"),
                noted.err());

        userError(run(with(new String[] {"train", "--data", "npz:" + sessionsNpz(Double.NaN, false)}, SMALL)), 1,
                "array x: holds NaN at window 119, channel AF4, feature 4 (0-based); x must be finite");
        userError(run(with(new String[] {"train", "--data", "npz:" + sessionsNpz(0, true)}, SMALL)), 1,
                "array trial: the windows of trial 1 of subject P0, session 1 are not consecutive");
        userError(run(with(new String[] {"train", "--data", "npz:" + tmp.resolve("none.npz")}, SMALL)), 1,
                "none.npz");
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
