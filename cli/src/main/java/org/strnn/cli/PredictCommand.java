package org.strnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strnn.datasets.SampleSet;
import org.strnn.formats.Json;
import org.strnn.train.Evaluation;
import org.strnn.train.Results;

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
                Columns: sample (index within the selected part), file (the EDF/BDF file the sample was
                cut from, or the source), onset_seconds (the second in that file where the sample's first
                slice starts: its event's onset plus the window's offset in the event; empty for other
                sources), label (the data's class, if known), predicted, then one probability column per
                class named p_<class>. Numbers are written in the shortest form that reads back exactly.
                Data options left out (--events, --steps, --slice, ...) are taken from the model file.
                With --json, one JSON object with the same rows instead.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = ModelData.Scored.options();
        o.add(Option.value("out", "FILE", null, "write the CSV here instead of stdout"));
        o.add(Option.flag("force", "replace an existing --out file"));
        o.add(Option.flag("json", "print one JSON object (classes and rows) instead of CSV"));
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
        ModelData.Scored scored = ModelData.Scored.of(args, modelPath, console);
        SampleSet data = scored.data();
        List<String> classes = scored.model().classNames();
        String text = args.flag("json") ? json(scored, classes, modelPath, args.required("data"))
                : csv(scored, classes);
        if (out == null) {
            console.out().print(text);
        } else {
            Results.writeText(out, text);
            console.info("wrote " + data.size() + " predictions to " + out);
        }
        return 0;
    }

    private static String csv(ModelData.Scored scored, List<String> classes) {
        SampleSet data = scored.data();
        StringBuilder sb = new StringBuilder("sample,file,onset_seconds,label,predicted");
        for (String c : classes) {
            sb.append(",p_").append(c);
        }
        sb.append('\n');
        for (int i = 0; i < data.size(); i++) {
            double[] p = scored.evaluation().probabilities()[i];
            double onset = scored.located().onsets()[i];
            sb.append(i).append(',').append(csvField(scored.located().files().get(i))).append(',')
                    .append(Double.isNaN(onset) ? "" : Double.toString(onset)).append(',')
                    .append(classes.get(data.label(i))).append(',').append(classes.get(Evaluation.argmax(p)));
            for (double v : p) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String json(ModelData.Scored scored, List<String> classes, Path modelPath, String source) {
        SampleSet data = scored.data();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            double[] p = scored.evaluation().probabilities()[i];
            double onset = scored.located().onsets()[i];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sample", i);
            row.put("file", scored.located().files().get(i));
            row.put("onset_seconds", Double.isNaN(onset) ? null : onset);
            row.put("label", classes.get(data.label(i)));
            row.put("predicted", classes.get(Evaluation.argmax(p)));
            List<Object> probs = new ArrayList<>();
            for (double v : p) {
                probs.add(v);
            }
            row.put("probabilities", probs);
            rows.add(row);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", modelPath.toString());
        r.put("data", source);
        r.put("classes", classes);
        r.put("rows", rows);
        return Json.write(r) + "\n";
    }
}
