package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strnn.cli.CliRunner.run;
import static org.strnn.cli.CliRunner.with;

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
import org.strnn.datasets.edf.EdfWriter;
import org.strnn.formats.Json;

/**
 * {@code describe}, {@code predict}'s onsets and the "no samples" explanation on recordings that
 * are not the 64-channel cap: a 14-channel EDF+ (labels {@code EEG AF3} ...) with events of uneven
 * onsets and lengths, cut into sliding windows, and a 32-channel BDF+.
 */
class EdfEventsTest {

    private static final String[] SMALL = {"--ds", "4", "--ks", "2", "--dt", "4", "--kt", "2", "--batch", "6",
        "--epochs", "1", "--no-plots", "--quiet"};
    private static final List<String> CLASSES = List.of("sad", "neutral", "happy");

    /** Onset, duration and text of the events of every test recording. */
    private static final List<EdfWriter.Event> EVENTS = List.of(
            new EdfWriter.Event(2, 3, "rest"),
            new EdfWriter.Event(2.5, 9, "sad"),
            new EdfWriter.Event(13.25, 7.5, "happy"),
            new EdfWriter.Event(22, 2, "neutral"),
            new EdfWriter.Event(25, 12, "sad"),
            new EdfWriter.Event(40, 6, "neutral"),
            new EdfWriter.Event(50, 10.5, "happy"),
            new EdfWriter.Event(70, 5, "rest"));

    @TempDir
    Path tmp;

    @AfterEach
    void oneThread() {
        Parallel.setThreads(1);
    }

    /** 80 s at 128 Hz; inside each event a 10-Hz rhythm whose amplitude depends on the class. */
    private Path recording(String name, boolean bdf, List<String> labels, long seed) {
        int rate = 128;
        double[][] x = new double[labels.size()][80 * rate];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < labels.size(); c++) {
            for (int i = 0; i < x[c].length; i++) {
                x[c][i] = 3 * random.nextDouble(-1, 1);
            }
        }
        for (EdfWriter.Event e : EVENTS) {
            int cls = CLASSES.indexOf(e.text());
            for (int c = 0; c < labels.size() && cls >= 0; c++) {
                for (int i = (int) (e.onsetSeconds() * rate); i < (e.onsetSeconds() + e.durationSeconds()) * rate; i++) {
                    x[c][i] += (5 + 10 * cls) * Math.sin(2 * Math.PI * 10 * i / rate + c);
                }
            }
        }
        Path file = tmp.resolve(name);
        EdfWriter.write(file, bdf, "X X X X", labels, rate, x, EVENTS, false);
        return file;
    }

    private Path epoc(String name, long seed) {
        return recording(name, false, DataSourcesCliTest.EPOC.stream().map(n -> "EEG " + n).toList(), seed);
    }

    /**
     * The onsets a sample of each labelled event starts at, worked out by hand: 1-s slices from the
     * onset while a slice ends inside the event, then T = 3 of them every 2 slices.
     */
    private static final List<String> WINDOWED = List.of(
            "sad@2.5", "sad@4.5", "sad@6.5", "sad@8.5",
            "happy@13.25", "happy@15.25", "happy@17.25",
            "sad@25.0", "sad@27.0", "sad@29.0", "sad@31.0", "sad@33.0",
            "neutral@40.0", "neutral@42.0",
            "happy@50.0", "happy@52.0", "happy@54.0", "happy@56.0");

    @Test
    void predictSaysWhichFileAndSecondEachWindowedSampleStartsAt() {
        Path a = epoc("A.edf", 1);
        Path b = epoc("B.edf", 2);
        Path out = tmp.resolve("m");
        CliRunner.Result t = run(with(new String[] {"train", "--data", "edf:" + b, "--test", "edf:" + a, "--events",
            "sad,neutral,happy", "--steps", "3", "--stride", "2", "--out", out.toString()}, SMALL));
        assertEquals(0, t.exit(), t.toString());
        String model = out.resolve("model.npz").toString();

        CliRunner.Result p = run("predict", "--model", model, "--data", "edf:" + b + "," + a);
        assertEquals(0, p.exit(), p.toString());
        List<String> lines = p.out().lines().toList();
        assertEquals("sample,file,onset_seconds,label,predicted,p_sad,p_neutral,p_happy", lines.get(0));
        assertEquals(1 + 2 * WINDOWED.size(), lines.size(), p.out());
        List<String> fromB = new ArrayList<>();
        List<String> fromA = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            (f[1].equals("B.edf") ? fromB : fromA).add(f[3] + "@" + f[2]);
        }
        assertEquals(WINDOWED, fromB);
        assertEquals(WINDOWED, fromA);

        CliRunner.Result one = run("predict", "--model", model, "--data", "edf:" + a, "--one-per-event", "--json");
        assertEquals(0, one.exit(), one.toString());
        List<String> firsts = new ArrayList<>();
        for (Object row : (List<?>) Json.parseObject(one.out().strip()).get("rows")) {
            Map<?, ?> r = (Map<?, ?>) row;
            assertEquals("A.edf", r.get("file"));
            firsts.add(r.get("label") + "@" + ((Number) r.get("onset_seconds")).doubleValue());
        }
        assertEquals(List.of("sad@2.5", "happy@13.25", "sad@25.0", "neutral@40.0", "happy@50.0"), firsts,
                "one sample per event, at its onset; the 2-s neutral event is shorter than T");
    }

    @Test
    void describeShowsTheMontageUsedTheEventsSamplesAndEachProtocol() {
        Path a = epoc("A.edf", 1);
        Path b = epoc("B.edf", 2);
        CliRunner.Result r = run("describe", "edf:" + a + "," + b, "--events", "sad,neutral,happy", "--steps", "3",
                "--stride", "2", "--json");
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> json = Json.parseObject(r.out().strip());
        Map<?, ?> file = (Map<?, ?>) ((List<?>) json.get("files")).get(0);
        List<?> channels = (List<?>) entry(file, "channels (14, label@row,col on montage-14, ");
        List<?> vertices = (List<?>) ((Map<?, ?>) json.get("layout")).get("vertices (name@row,col)");
        for (String name : DataSourcesCliTest.EPOC) {
            String cell = vertices.stream().map(Object::toString).filter(v -> v.startsWith(name + "@")).findFirst()
                    .orElseThrow();
            assertTrue(channels.contains("EEG " + cell), "EEG " + cell + " in " + channels);
        }
        Map<?, ?> fate = (Map<?, ?>) file.get("events under --events sad,neutral,happy, T=3, stride 2, 3.00 s per "
                + "sample");
        assertEquals(Map.of("used", 5L, "no duration", 0L, "too short", 1L, "unlabelled", 2L, "samples",
                (long) WINDOWED.size()), fate);
        assertEquals(List.of("sad@2.5 s: 4", "happy@13.25 s: 3", "neutral@22.0 s: 0", "sad@25.0 s: 5",
                "neutral@40.0 s: 2", "happy@50.0 s: 4"), file.get("samples per labelled event (class@onset: samples)"));
        Map<?, ?> protocols = (Map<?, ?>) json.get("samples per protocol (--protocol, --fold)");
        assertEquals(List.of("edf: 18 train, 18 test"), protocols.get("paper"));
        assertEquals(List.of("loso-sA: 18 train, 18 test", "loso-sB: 18 train, 18 test"), protocols.get("loso"));
        assertTrue(protocols.get("cross-session").toString().startsWith("not applicable: "), protocols.toString());
        assertEquals(10, ((List<?>) protocols.get("kfold")).size(), protocols.toString());
    }

    @Test
    void describeAThirtyTwoChannelBdfPlacesItsChannelsAndLeavesStatusOut() {
        List<String> labels = new ArrayList<>(Deap.CHANNELS);
        labels.add("Status");
        Path a = recording("A.bdf", true, labels, 3);
        CliRunner.Result r = run("describe", "bdf:" + a, "--events", "sad,neutral,happy", "--json");
        assertEquals(0, r.exit(), r.toString());
        Map<?, ?> file = (Map<?, ?>) ((List<?>) Json.parseObject(r.out().strip()).get("files")).get(0);
        String channels = entry(file, "channels (33, label@row,col on montage-32, ").toString();
        assertTrue(channels.contains("Status (not used)") && channels.contains("Fp1@0,"), channels);
        assertTrue(!channels.contains("cap64"), channels);
    }

    /** The value whose key starts with {@code prefix}. */
    private static Object entry(Map<?, ?> m, String prefix) {
        return m.entrySet().stream().filter(e -> e.getKey().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(prefix + " not in " + m.keySet())).getValue();
    }

    @Test
    void noSamplesSaysWhyInOneLine() {
        Path a = epoc("A.edf", 1);
        Path b = epoc("B.edf", 2);
        CliRunner.Result tooLong = run(with(new String[] {"train", "--data", "edf:" + a, "--test", "edf:" + b,
            "--events", "sad,neutral,happy", "--steps", "13", "--out", tmp.resolve("x").toString()}, SMALL));
        CliRunner.userError(tooLong, 1, "the training data hold no samples",
                "the 6 labelled events last at most 12.0 s, but one sample needs T=13 slices of 1.0 s (13.0 s); use a "
                + "smaller --steps or --slice");
        CliRunner.Result wrongCase = run(with(new String[] {"train", "--data", "edf:" + a, "--test", "edf:" + b,
            "--events", "SAD,Neutral=calm,HAPPY", "--out", tmp.resolve("y").toString()}, SMALL));
        CliRunner.userError(wrongCase, 1, "A.edf: has no event named SAD or Neutral or HAPPY (its "
                + "annotations: rest x2, sad x2, happy x2, neutral x2)",
                "annotation names are case-sensitive: try --events sad,neutral=calm,happy");
    }
}
