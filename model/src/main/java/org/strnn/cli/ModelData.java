package org.strnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.io.StrnnFile;
import org.strnn.train.DataFit;
import org.strnn.train.Evaluation;

/** Loading a model together with the data it is applied to, and checking that they fit. */
final class ModelData {

    static final Option PART = Option.value("part", "NAME", "test",
            "which samples of --data: test, train or all (edf sources are always all)");

    private ModelData() {
    }

    /** The samples of {@code --data} selected by {@code --part}. */
    static SampleSet samples(Args args) {
        String part = args.choice("part", "test", "train", "all");
        String spec = args.required("data");
        boolean edf = spec.trim().toLowerCase(java.util.Locale.ROOT).startsWith("edf:");
        DataSources.Loaded loaded = DataSources.load(spec, args,
                edf ? DataSources.Role.ALL_TEST : DataSources.Role.OWN_SPLIT);
        Split s = loaded.split();
        if (edf) {
            return s.test();
        }
        return switch (part) {
            case "train" -> s.train();
            case "all" -> s.train().concat(s.test());
            default -> s.test();
        };
    }

    /** A model file, the data it scores, and the scores: what {@code eval} and {@code predict} share. */
    record Scored(StrnnFile.Contents model, SampleSet data, Evaluation evaluation) {

        /** The options {@link #of} reads: {@code --model}, {@code --data}, {@code --part} and the data options. */
        static List<Option> options() {
            List<Option> o = new ArrayList<>();
            o.add(Option.value("model", "FILE", null, "a model file written by train or init"));
            o.add(Option.value("data", "SOURCE", null, "the data to score"));
            o.add(PART);
            o.addAll(DataSources.OPTIONS);
            return o;
        }

        /** Loads {@code --model} and {@code --data}, checks that they fit, and scores every sample. */
        static Scored of(Args args, Path modelPath) {
            StrnnFile.Contents model = StrnnFile.load(modelPath);
            SampleSet data = samples(args);
            checkFits(model, data, modelPath);
            return new Scored(model, data, Evaluation.of(StrnnClassifier.of(model.model()), data));
        }
    }

    /** Fails with one line when the data do not fit the model (the same check as training's, {@link DataFit}). */
    static void checkFits(StrnnFile.Contents model, SampleSet data, Path modelPath) {
        try {
            DataFit.check(model.model().config(), model.classNames(), data, "given");
        } catch (IllegalArgumentException e) {
            throw CliException.failure(modelPath + ": " + e.getMessage());
        }
    }
}
