package org.strnn.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strnn.datasets.SampleSet;
import org.strnn.train.Metrics;

/**
 * The built-in baselines, fitted and scored on exactly the split STRNN sees: shrinkage LDA and L2
 * multinomial logistic regression on the flattened {@code T x n x d} samples, standardised with
 * the training samples' statistics only. They use all the training samples (they have no
 * epochs to select, so they need no validation set).
 */
public final class Baselines {

    /** One baseline's result on the test set. */
    public record Result(String name, Metrics metrics, double seconds) {

        /** {@code {"accuracy", "macro_f1"}}, the short form in result files. */
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accuracy", metrics.accuracy());
            m.put("macro_f1", metrics.macroF1());
            return m;
        }
    }

    /** The names, in the order {@link #evaluate} reports them. */
    public static final List<String> NAMES = List.of("lda", "logreg");

    private Baselines() {
    }

    /** Fits both baselines on {@code train} and scores them on {@code test}. */
    public static List<Result> evaluate(SampleSet train, SampleSet test) {
        double[][] rawTrain = Flat.rows(train);
        Flat scaler = Flat.fit(rawTrain);
        double[][] xTrain = scaler.apply(rawTrain);
        double[][] xTest = scaler.apply(Flat.rows(test));
        int[] y = train.labels();
        int classes = train.numClasses();
        List<Result> out = new ArrayList<>();
        long start = System.nanoTime();
        ShrinkageLda lda = ShrinkageLda.fit(xTrain, y, classes);
        out.add(new Result("lda", score(lda, xTest, test, classes), (System.nanoTime() - start) / 1e9));
        start = System.nanoTime();
        LogisticRegression lr = LogisticRegression.fit(xTrain, y, classes, LogisticRegression.DEFAULT_C);
        out.add(new Result("logreg", score(lr, xTest, test, classes), (System.nanoTime() - start) / 1e9));
        return out;
    }

    /** {@code {"lda": {...}, "logreg": {...}}}. */
    public static Map<String, Object> json(List<Result> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Result r : results) {
            m.put(r.name(), r.json());
        }
        return m;
    }

    private static Metrics score(Classifier c, double[][] x, SampleSet test, int classes) {
        int[] predicted = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            predicted[i] = c.predict(x[i]);
        }
        return Metrics.of(test.labels(), predicted, classes);
    }
}
