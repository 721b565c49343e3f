package org.strnn.datasets.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.deap.Deap;
import org.strnn.datasets.deap.DeapSynthesizer;
import org.strnn.datasets.edf.EventSynthesizer;
import org.strnn.datasets.seed.SeedIvSynthesizer;

/**
 * Writes synthetic files in the exact layouts of the EDF+/BDF+, SEED-IV and DEAP sources, for
 * trying the readers and the command line without the real data.
 */
public final class SourceSynthesizer {

    /** Emotiv EPOC's 14 channels, in the order the headset records them. */
    public static final List<String> EPOC = List.of("AF3", "F7", "F3", "FC5", "T7", "P7", "O1", "O2", "P8", "T8",
            "FC6", "F4", "F8", "AF4");

    private SourceSynthesizer() {
    }

    /**
     * Writes the {@code kind} ({@code edf}, {@code bdf}, {@code seed-iv} or {@code deap}) files
     * into {@code dir}, which must be new or empty, and returns one line that says what was written.
     * {@code sessions} is used by SEED-IV, {@code trials} by DEAP.
     */
    public static String write(String kind, Path dir, int subjects, int sessions, int trials, RandomGenerator rng)
            throws IOException {
        if (Files.exists(dir) && !(Files.isDirectory(dir) && isEmpty(dir))) {
            throw new DatasetException(dir + ": exists and is not an empty directory; synth writes only into a new "
                    + "or empty one");
        }
        Files.createDirectories(dir);
        switch (kind) {
            case "edf", "bdf" -> {
                boolean bdf = kind.equals("bdf");
                List<String> labels = new ArrayList<>();
                if (bdf) {
                    labels.addAll(Deap.CHANNELS);
                    labels.add("Status");
                } else {
                    EPOC.forEach(n -> labels.add("EEG " + n));
                }
                List<String> classes = List.of("sad", "neutral", "happy");
                EventSynthesizer.write(dir.resolve("A." + kind), bdf, labels, classes, 20, 4, bdf ? 256 : 128, rng);
                EventSynthesizer.write(dir.resolve("B." + kind), bdf, labels, classes, 20, 2, bdf ? 256 : 128, rng);
                return "wrote A." + kind + " (12 events of 20 s) and B." + kind + " (6 events) to " + dir;
            }
            case "seed-iv" -> {
                int[] windows = new int[24];
                Arrays.fill(windows, 20);
                Path written = SeedIvSynthesizer.write(dir, subjects, sessions, windows, rng);
                return "wrote " + subjects + " subjects of SEED-IV features to " + written;
            }
            case "deap" -> {
                Path folder = Files.createDirectories(dir.resolve("data_preprocessed_matlab"));
                for (int s = 1; s <= subjects; s++) {
                    DeapSynthesizer.write(folder.resolve(String.format("s%02d.mat", s)), trials, Deap.SAMPLES, rng);
                }
                return "wrote " + subjects + " DEAP participant files of " + trials + " trials to " + folder;
            }
            default -> throw new IllegalStateException(kind);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
