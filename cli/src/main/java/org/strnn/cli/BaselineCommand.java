package org.strnn.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strnn.baseline.Baselines;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.source.DataSources;
import org.strnn.formats.Json;

/** {@code strnn baseline}: shrinkage LDA and logistic regression alone, on the split {@code train} would use. */
final class BaselineCommand implements Command {

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public String summary() {
        return "fit the LDA and logistic-regression baselines and report their test accuracy";
    }

    @Override
    public String description() {
        return """
                Fits shrinkage LDA (Ledoit-Wolf) and L2 multinomial logistic regression (C = 1) on the
                flattened T x n x d training samples, standardised with training statistics only, and
                scores them on the test samples: the same split as 'train' with the same --data and --test.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("data", "SOURCE", "synthetic", "training data (and its own test split)"));
        o.add(Option.value("test", "SOURCE", null, "evaluate on this source instead of --data's test split"));
        o.addAll(DataOptions.OPTIONS);
        o.add(Option.flag("json", "print one JSON result object on stdout"));
        return o;
    }

    @Override
    public int run(Args args, Console console) {
        args.positionalCount(0, 0, "no positional arguments");
        TrainTest tt = TrainTest.load(args);
        DataSources.Loaded data = tt.data();
        DataSources.Loaded testData = tt.testData();
        SampleSet train = tt.train();
        SampleSet test = tt.test();
        List<Baselines.Result> results = Baselines.evaluate(train, test);
        if (args.flag("json")) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("train_samples", train.size());
            r.put("test_samples", test.size());
            Map<String, Object> b = new LinkedHashMap<>();
            for (Baselines.Result res : results) {
                Map<String, Object> m = res.metrics().json();
                m.put("seconds", res.seconds());
                b.put(res.name(), m);
            }
            r.put("baselines", b);
            r.put("data", data.identity());
            r.put("test_data", testData.identity());
            console.out().println(Json.write(r));
        } else {
            for (Baselines.Result res : results) {
                console.out().println(String.format(Locale.ROOT, "%-7s test accuracy %.2f%%, macro-F1 %.3f",
                        res.name(), 100 * res.metrics().accuracy(), res.metrics().macroF1()));
            }
        }
        return 0;
    }
}
