package org.strnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.strnn.datasets.faces.CkPlusSynthesizer;
import org.strnn.datasets.seed.SeedSynthesizer;

/** {@code strnn synth}: writes a synthetic SEED-shaped or CK+-shaped directory to try those paths. */
final class SynthCommand implements Command {

    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "write a synthetic SEED-shaped (seed) or CK+-shaped (faces) directory";
    }

    @Override
    public String usage() {
        return "seed|faces DIR [options]";
    }

    @Override
    public String description() {
        return """
                seed: ExtractedFeatures/ with label.mat and <subject>_<date>.mat files holding de_LDS1..15
                and de_movingAve1..15 (62 x seconds x 5, zlib-compressed, SEED's trial lengths), whose
                values carry a class-dependent spatial pattern. Try it with
                  ./strnn train --data seed:DIR   or   ./strnn experiment seed:DIR
                faces: cohn-kanade-images/ and Emotion/ in CK+'s layout (some sequences unlabelled).
                DIR must not exist or be empty. The files are written into a hidden sibling folder that is
                renamed to DIR when complete, so a failed write (a full disk) leaves nothing behind.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("subjects", "N", null, "subjects to write (default: 3 for seed, 10 for faces, which "
                        + "10-fold cross-validation needs)"),
                Option.value("sessions", "N", "2", "seed: sessions per subject (1-3)"),
                Option.value("trial-seconds", "N", null, "seed: make every trial N seconds long instead of SEED's "
                        + "lengths (smaller files)"),
                Option.value("seed", "N", "1", "random seed"));
    }

    @Override
    public int run(Args args, Console console) {
        args.positionalCount(2, 2, "a kind (seed or faces) and a directory");
        String kind = args.positional().get(0);
        Path dir = Path.of(args.positional().get(1));
        if (!kind.equals("seed") && !kind.equals("faces")) {
            throw CliException.usage("synth: the kind must be seed or faces, got '" + kind + "'");
        }
        int subjects = args.has("subjects") ? args.integer("subjects", 1, 1000) : kind.equals("faces") ? 10 : 3;
        SplittableRandom rng = new SplittableRandom(args.longValue("seed"));
        switch (kind) {
            case "seed" -> {
                SeedSynthesizer s = SeedSynthesizer.defaults().withSubjects(subjects)
                        .withSessions(args.integer("sessions", 1, 3));
                if (args.has("trial-seconds")) {
                    int[] lengths = new int[15];
                    java.util.Arrays.fill(lengths, args.integer("trial-seconds", 1, 10_000));
                    s = s.withTrialLengths(lengths);
                }
                SeedSynthesizer synth = s;
                Path written = StagedFolder.write(dir, staging -> StagedFolder.relocate(synth.write(staging, rng),
                        staging, dir));
                console.info("wrote " + s + " to " + written);
            }
            case "faces" -> {
                CkPlusSynthesizer.Summary summary = StagedFolder.write(dir,
                        staging -> CkPlusSynthesizer.defaults().withSubjects(subjects).write(staging, rng));
                console.info("wrote " + summary.labels().size() + " labelled and " + summary.unlabelled().size()
                        + " unlabelled sequences (" + summary.frames() + " frames) to " + dir);
            }
            default -> throw CliException.usage("synth: the kind must be seed or faces, got '" + kind + "'");
        }
        return 0;
    }
}
