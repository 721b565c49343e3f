package org.strnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.formats.Json;
import org.strnn.train.Evaluation;

/** {@code strnn eval}: accuracy and confusion matrix of a saved model on data. */
final class EvalCommand implements Command {

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "report a saved model's accuracy and confusion matrix on data";
    }

    @Override
    public List<Option> options() {
        List<Option> o = ModelData.Scored.options();
        o.add(ModelOptions.THREADS);
        o.add(Option.flag("json", "print one JSON object on stdout"));
        return o;
    }

    @Override
    public int run(Args args, Console console) {
        args.positionalCount(0, 0, "no positional arguments");
        Path modelPath = Path.of(args.required("model"));
        args.required("data");
        ModelOptions.threads(args);
        ModelData.Scored scored = ModelData.Scored.of(args, modelPath, console);
        Evaluation e = scored.evaluation();
        List<String> classes = scored.model().classNames();
        if (args.flag("json")) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("samples", e.samples());
            r.put("accuracy", e.accuracy());
            r.put("loss", e.loss());
            r.put("classes", classes);
            List<Object> rows = new ArrayList<>();
            for (int[] row : e.confusion()) {
                List<Object> cells = new ArrayList<>();
                for (int c : row) {
                    cells.add(c);
                }
                rows.add(cells);
            }
            r.put("confusion", rows);
            r.put("model", modelPath.toString());
            r.put("data", args.required("data"));
            console.out().println(Json.write(r));
            return 0;
        }
        console.out().println(String.format(Locale.ROOT, "%d samples: accuracy %.2f%%, mean cross-entropy %.4f",
                e.samples(), 100 * e.accuracy(), e.loss()));
        console.out().print(confusionTable(classes, e.confusion()));
        return 0;
    }

    /** The confusion matrix as an aligned table: rows are true classes, columns predictions. */
    static String confusionTable(List<String> classes, int[][] confusion) {
        int width = 9;
        for (String c : classes) {
            width = Math.max(width, c.length() + 1);
        }
        StringBuilder sb = new StringBuilder("confusion (rows: true class, columns: predicted)\n");
        sb.append(String.format("%-" + width + "s", ""));
        for (String c : classes) {
            sb.append(String.format("%" + width + "s", c));
        }
        sb.append('\n');
        for (int i = 0; i < classes.size(); i++) {
            sb.append(String.format("%-" + width + "s", classes.get(i)));
            for (int j = 0; j < classes.size(); j++) {
                sb.append(String.format("%" + width + "d", confusion[i][j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
