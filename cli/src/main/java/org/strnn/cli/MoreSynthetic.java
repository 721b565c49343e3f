package org.strnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.strnn.datasets.deap.Deap;
import org.strnn.datasets.deap.DeapSynthesizer;
import org.strnn.datasets.edf.EventSynthesizer;
import org.strnn.datasets.seed.SeedIvSynthesizer;

/** The {@code synth} kinds of the newer sources: EDF+/BDF+ recordings, SEED-IV and DEAP. */
final class MoreSynthetic {

    /** Emotiv EPOC's 14 channels. */
    private static final List<String> EPOC = List.of("AF3", "F7", "F3", "FC5", "T7", "P7", "O1", "O2", "P8", "T8",
            "FC6", "F4", "F8", "AF4");

    private MoreSynthetic() {
    }

    static void write(String kind, Path dir, int subjects, Args args, RandomGenerator rng, Console console)
            throws IOException {
        if (Files.exists(dir) && !(Files.isDirectory(dir) && isEmpty(dir))) {
            throw CliException.failure(dir + ": exists and is not an empty directory; synth writes only into a new "
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
                console.info("wrote A." + kind + " (12 events of 20 s) and B." + kind + " (6 events) to " + dir);
            }
            case "seed-iv" -> {
                int[] windows = new int[24];
                Arrays.fill(windows, 20);
                Path written = SeedIvSynthesizer.write(dir, subjects, args.integer("sessions", 1, 3), windows, rng);
                console.info("wrote " + subjects + " subjects of SEED-IV features to " + written);
            }
            case "deap" -> {
                Path folder = Files.createDirectories(dir.resolve("data_preprocessed_matlab"));
                int trials = args.integer("trials", 1, 40);
                for (int s = 1; s <= subjects; s++) {
                    DeapSynthesizer.write(folder.resolve(String.format("s%02d.mat", s)), trials, Deap.SAMPLES, rng);
                }
                console.info("wrote " + subjects + " DEAP participant files of " + trials + " trials to " + folder);
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
