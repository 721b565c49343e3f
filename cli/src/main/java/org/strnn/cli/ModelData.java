package org.strnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.datasets.source.DataSources;
import org.strnn.datasets.source.EdfEvents;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnFile;
import org.strnn.train.DataFit;
import org.strnn.train.Evaluation;

/** Loading a model together with the data it is applied to, and checking that they fit. */
final class ModelData {

    static final Option PART = Option.value("part", "NAME", "test",
            "which samples of --data: test, train or all (edf sources are always all)");

    private ModelData() {
    }

    /**
     * Samples with where each came from: the file's name (or the source) and, for EDF/BDF events,
     * the second its first window starts at (the event's onset plus the window's offset within the
     * event; NaN when unknown).
     */
    record Located(SampleSet samples, List<String> files, double[] onsets) {
    }

    /** The samples of {@code --data} selected by {@code --part}; EDF sources are always all, file by file. */
    static Located samples(Args args) {
        String part = args.choice("part", "test", "train", "all");
        String spec = args.required("data");
        List<Path> edfFiles = EdfEvents.files(spec);
        if (!edfFiles.isEmpty()) {
            return edf(edfFiles, args);
        }
        Split s = DataSources.load(spec, args.source(), DataSources.Role.OWN_SPLIT).split();
        SampleSet samples = switch (part) {
            case "train" -> s.train();
            case "all" -> s.train().concat(s.test());
            default -> s.test();
        };
        double[] onsets = new double[samples.size()];
        java.util.Arrays.fill(onsets, Double.NaN);
        return new Located(samples, java.util.Collections.nCopies(samples.size(), spec), onsets);
    }

    private static Located edf(List<Path> files, Args args) {
        SampleSet all = null;
        List<String> names = new ArrayList<>();
        List<Double> onsets = new ArrayList<>();
        for (Path f : files) {
            SampleSet one = DataSources.load("edf:" + f, args.source(), DataSources.Role.ALL_TEST).split().test();
            double[] at = EdfEvents.scan(f, args.source()).onsets(one);
            for (int i = 0; i < one.size(); i++) {
                names.add(f.getFileName().toString());
                onsets.add(at[i]);
            }
            all = all == null ? one : all.concat(one);
        }
        return new Located(all, names, onsets.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A model file, the data it scores, and the scores: what {@code eval} and {@code predict} share. */
    record Scored(StrnnFile.Contents model, Located located, Evaluation evaluation) {

        SampleSet data() {
            return located.samples();
        }

        /** The options {@link #of} reads: {@code --model}, {@code --data}, {@code --part} and the data options. */
        static List<Option> options() {
            List<Option> o = new ArrayList<>();
            o.add(Option.value("model", "FILE", null, "a model file written by train or init"));
            o.add(Option.value("data", "SOURCE", null, "the data to score"));
            o.add(PART);
            o.addAll(DataOptions.OPTIONS);
            return o;
        }

        /**
         * Loads {@code --model} and {@code --data}, checks that they fit, and scores every sample. Data
         * options the user leaves out (--events, --steps, --slice, ...) are the ones the model was trained with.
         */
        static Scored of(Args given, Path modelPath, Console console) {
            StrnnFile.Contents model = StrnnFile.load(modelPath);
            DataOptions.Fallback fallback = DataOptions.fromModel(given, model);
            Args args = fallback.args();
            Located data = samples(args);
            if (data.samples().size() == 0) {
                throw CliException.failure("the data hold no samples" + EdfEvents.whyNoSamples(args.source().required("data"),
                        args.source()));
            }
            checkFits(model, data.samples(), modelPath);
            if (!fallback.note().isEmpty()) {
                console.info(fallback.note());
            }
            return new Scored(model, data, Evaluation.of(StrnnClassifier.of(model.model()), data.samples()));
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
