package org.strnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.strnn.model.StrnnModel;
import org.strnn.train.TrainSettings;

/** Checks around a training run that a user would otherwise learn about too late, and the interrupt message. */
final class RunChecks {

    private RunChecks() {
    }

    /**
     * About how many bytes a training run writes: the checkpoint (weights and Adam's two moments,
     * with its temporary copy during the atomic replace) and a megabyte for history, result and pictures.
     */
    static long bytesNeeded(StrnnModel model) {
        return 2L * 3 * 8 * model.parameterCount() + 1_000_000L;
    }

    /**
     * Stops a run whose loss has blown up (more than {@value #FACTOR} times its first step's loss),
     * instead of training on with numbers that mean nothing.
     */
    static final class Divergence {
        static final double FACTOR = 1e4;
        private final TrainSettings settings;
        private double first = Double.NaN;

        Divergence(TrainSettings settings) {
            this.settings = settings;
        }

        void check(int epoch, int step, double loss) {
            if (Double.isNaN(first)) {
                first = Math.max(loss, 1.0);
            }
            if (!(loss <= FACTOR * first)) {
                throw CliException.failure(String.format(Locale.ROOT, "the training loss diverged: %.3g in epoch %d, "
                        + "step %d (it began at %.3g); try a smaller --lr (now %s) or --clip 1", loss, epoch, step,
                        first, settings.learningRate()));
            }
        }
    }

    /**
     * The one line after an interrupt: what was saved and the command that continues the run
     * (the data options the user gave, the checkpoint and the epoch target).
     */
    static String interruptedLine(Args args, Path model, int epochsDone, int epochs) {
        List<String> cmd = new ArrayList<>(List.of("bin/strnn", "train", "--resume", model.toString()));
        for (Option o : resumeOptions()) {
            if (args.has(o.name())) {
                cmd.add("--" + o.name());
                if (!o.isFlag()) {
                    cmd.add(quote(args.string(o.name())));
                }
            }
        }
        cmd.add("--epochs");
        cmd.add(String.valueOf(epochs));
        return "strnn: interrupted; " + epochsDone + " of " + epochs + " epochs are saved in " + model
                + " (history.csv, result.json and pictures beside it); continue with: " + String.join(" ", cmd);
    }

    private static List<Option> resumeOptions() {
        List<Option> options = new ArrayList<>();
        options.add(Option.value("data", "SOURCE", null, ""));
        options.add(Option.value("test", "SOURCE", null, ""));
        options.addAll(DataOptions.OPTIONS);
        return options;
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_.,:=/+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
