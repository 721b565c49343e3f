package org.strnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnConfig;
import org.strnn.model.io.StrnnFile;
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
        String kind = spec.trim().toLowerCase(java.util.Locale.ROOT);
        boolean edf = kind.startsWith("edf:") || kind.startsWith("bdf:");
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

    /** Fails with one line when the data do not fit the model. */
    static void checkFits(StrnnFile.Contents model, SampleSet data, Path modelPath) {
        StrnnConfig c = model.model().config();
        if (!data.layout().equals(c.layout())) {
            throw CliException.failure(modelPath + ": the model is for layout " + c.layout().name() + " ("
                    + c.vertices() + " vertices), but the data use " + data.layout().name() + " (" + data.vertices()
                    + " vertices)");
        }
        if (data.steps() != c.steps() || data.features() != c.features()) {
            throw CliException.failure(modelPath + ": the model expects T=" + c.steps() + " x d=" + c.features()
                    + " per sample, but the data have T=" + data.steps() + " x d=" + data.features()
                    + " (set --steps to match)");
        }
        List<String> modelClasses = model.classNames();
        if (!data.classNames().equals(modelClasses)) {
            throw CliException.failure(modelPath + ": the model's classes are " + modelClasses + ", but the data's are "
                    + data.classNames());
        }
        if (data.size() == 0) {
            throw CliException.failure("the data hold no samples");
        }
    }
}
