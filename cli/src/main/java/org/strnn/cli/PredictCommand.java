package org.strnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.strnn.datasets.SampleSet;
import org.strnn.model.io.StrnnFile;
import org.strnn.train.Evaluation;

/** {@code strnn predict}: per-sample class probabilities as CSV. */
final class PredictCommand implements Command {

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "write per-sample class probabilities (CSV) of a saved model";
    }

    @Override
    public String description() {
        return """
                Columns: sample (index within the selected part), label (the data's class, if known),
                predicted, then one probability column per class named p_<class>.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = ModelData.Scored.options();
        o.add(Option.value("out", "FILE", null, "write the CSV here instead of stdout"));
        o.add(Option.flag("force", "replace an existing --out file"));
        o.add(ModelOptions.THREADS);
        return o;
    }

    @Override
    public int run(Args args, Console console) {
        args.positionalCount(0, 0, "no positional arguments");
        Path modelPath = Path.of(args.required("model"));
        args.required("data");
        Path out = args.path("out");
        if (out != null && Files.exists(out) && !args.flag("force")) {
            throw CliException.failure(out + ": exists; add --force to replace it");
        }
        ModelOptions.threads(args);
        ModelData.Scored scored = ModelData.Scored.of(args, modelPath);
        StrnnFile.Contents model = scored.model();
        SampleSet data = scored.data();
        Evaluation e = scored.evaluation();
        List<String> classes = model.classNames();
        StringBuilder sb = new StringBuilder("sample,label,predicted");
        for (String c : classes) {
            sb.append(",p_").append(c);
        }
        sb.append('\n');
        for (int i = 0; i < data.size(); i++) {
            double[] p = e.probabilities()[i];
            sb.append(i).append(',').append(classes.get(data.label(i))).append(',')
                    .append(classes.get(Evaluation.argmax(p)));
            for (double v : p) {
                sb.append(',').append(String.format(Locale.ROOT, "%.17g", v));
            }
            sb.append('\n');
        }
        if (out == null) {
            console.out().print(sb);
        } else {
            Results.writeText(out, sb.toString());
            console.info("wrote " + data.size() + " predictions to " + out);
        }
        return 0;
    }
}
