package org.strnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.strnn.datasets.faces.CkPlusSynthesizer;
import org.strnn.datasets.seed.SeedSynthesizer;
import org.strnn.datasets.synthetic.SourceSynthesizer;

/** {@code strnn synth}: writes a synthetic SEED-shaped or CK+-shaped directory to try those paths. */
final class SynthCommand implements Command {

    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "write a synthetic SEED, SEED-IV, DEAP, CK+ or EDF/BDF data set, to try those paths";
    }

    @Override
    public String usage() {
        return "edf|bdf|seed-iv|deap|seed|faces DIR [options]";
    }

    @Override
    public String description() {
        return """
                seed: ExtractedFeatures/ with label.mat and <subject>_<date>.mat files holding de_LDS1..15
                and de_movingAve1..15 (62 x seconds x 5, zlib-compressed, SEED's trial lengths), whose
                values carry a class-dependent spatial pattern. Try it with
                  bin/strnn train --data seed:DIR   or   bin/strnn experiment seed:DIR
                faces: cohn-kanade-images/ and Emotion/ in CK+'s layout (some sequences unlabelled).
                edf, bdf: A.edf and B.edf (or .bdf): 14-channel EDF+ (labels EEG AF3 ...) or 32-channel BDF+
                (BioSemi, with its Status channel) with 20-s events sad, neutral, happy; try
                  bin/strnn train --data edf:DIR/A.edf --test edf:DIR/B.edf --events sad,neutral,happy
                seed-iv: eeg_feature_smooth/{1,2,3}/ in SEED-IV's layout; deap: data_preprocessed_matlab/sNN.mat.
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
                Option.value("trials", "N", "8", "deap: trials per participant (DEAP has 40)"),
                Option.value("seed", "N", "1", "random seed"));
    }

    @Override
    public int run(Args args, Console console) throws java.io.IOException {
        args.positionalCount(2, 2, "a kind (edf, bdf, seed-iv, deap, seed or faces) and a directory");
        String kind = args.positional().get(0);
        Path dir = Path.of(args.positional().get(1));
        if (!List.of("edf", "bdf", "seed-iv", "deap", "seed", "faces").contains(kind)) {
            throw CliException.usage("synth: the kind must be edf, bdf, seed-iv, deap, seed or faces, got '" + kind
                    + "'");
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
            case "edf", "bdf", "seed-iv", "deap" -> StagedFolder.write(dir, staging -> {
                try {
                    console.info(SourceSynthesizer.write(kind, staging, subjects,
                            kind.equals("seed-iv") ? args.integer("sessions", 1, 3) : 0,
                            kind.equals("deap") ? args.integer("trials", 1, 40) : 0, rng));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return dir;
            });
            default -> throw CliException.usage("synth: the kind must be edf, bdf, seed-iv, deap, seed or faces, got '"
                    + kind + "'");
        }
        return 0;
    }
}
