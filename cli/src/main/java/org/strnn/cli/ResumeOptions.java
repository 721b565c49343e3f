package org.strnn.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.strnn.datasets.SampleSet;
import org.strnn.model.StrnnConfig;
import org.strnn.train.TrainSettings;

/**
 * What {@code train --resume} does with the options of a new run. A resumed run continues exactly
 * the run that was stopped, so its settings come from the checkpoint: {@code --epochs} is the only
 * setting it takes (without it, the checkpoint's own epoch count), and an option that would change
 * anything else is refused with one line. Giving the checkpoint's own value is accepted, so the
 * original command line with {@code --resume} added works.
 */
final class ResumeOptions {

    private static final Map<String, Function<StrnnConfig, Object>> MODEL = new LinkedHashMap<>();

    static {
        MODEL.put("ds", StrnnConfig::spatialHidden);
        MODEL.put("ks", StrnnConfig::spatialRegions);
        MODEL.put("dt", StrnnConfig::temporalHidden);
        MODEL.put("kt", StrnnConfig::temporalRegions);
        MODEL.put("activation", StrnnConfig::activation);
        MODEL.put("merge", StrnnConfig::merge);
        MODEL.put("directions", StrnnConfig::directions);
        MODEL.put("no-spatial-rnn", StrnnConfig::spatialRecurrence);
        MODEL.put("no-temporal-rnn", StrnnConfig::temporalRecurrence);
        MODEL.put("sparsity", StrnnConfig::sparsity);
        MODEL.put("lambda-s", StrnnConfig::lambdaSpatial);
        MODEL.put("lambda-t", StrnnConfig::lambdaTemporal);
    }

    private ResumeOptions() {
    }

    /**
     * The settings of the resumed run: the checkpoint's, with {@code --epochs} if given. Fails when
     * {@code args} asks for another batch size, learning rate, clip norm, seed or model shape.
     */
    static TrainSettings settings(Args args, TrainSettings saved, StrnnConfig savedConfig, boolean savedStandardized,
                                  SampleSet train, String file) {
        TrainSettings asked = ModelOptions.settings(args);
        same(args, "batch", asked.batchSize(), saved.batchSize(), file);
        same(args, "lr", asked.learningRate(), saved.learningRate(), file);
        same(args, "clip", asked.clipNorm(), saved.clipNorm(), file);
        same(args, "seed", asked.seed(), saved.seed(), file);
        StrnnConfig askedConfig = ModelOptions.config(args, train);
        for (Map.Entry<String, Function<StrnnConfig, Object>> e : MODEL.entrySet()) {
            same(args, e.getKey(), e.getValue().apply(askedConfig), e.getValue().apply(savedConfig), file);
        }
        if (args.flag("no-standardize") && savedStandardized) {
            throw CliException.usage("--no-standardize changes the model of the checkpoint (" + file + "), which "
                    + "standardises its inputs; leave --no-standardize out, or start a new run");
        }
        return args.has("epochs") ? saved.withEpochs(asked.epochs()) : saved;
    }

    private static void same(Args args, String option, Object asked, Object saved, String file) {
        if (args.has(option) && !asked.equals(saved)) {
            if (option.startsWith("no-")) {
                throw CliException.usage("--" + option + " changes the model of the checkpoint (" + file + "); a "
                        + "resumed run keeps its settings: leave --" + option + " out, or start a new run");
            }
            throw refused(option, args.string(option), String.valueOf(saved), file);
        }
    }

    private static CliException refused(String option, String asked, String saved, String file) {
        return CliException.usage("--" + option + " " + asked + " differs from the checkpoint's " + saved + " ("
                + file + "); a resumed run keeps its settings: leave --" + option + " out, or start a new run");
    }
}
