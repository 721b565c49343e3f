package org.strnn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.strnn.autograd.Tensor;
import org.strnn.datasets.SampleSet;
import org.strnn.explain.Attribution;
import org.strnn.layout.Layout;
import org.strnn.model.SparsityMode;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;
import org.strnn.plot.ElectrodeSaliency;
import org.strnn.plot.HeatmapPlot;
import org.strnn.plot.LayoutMapPlot;
import org.strnn.plot.LearningCurvePlot;
import org.strnn.plot.Png;
import org.strnn.train.EpochStats;

/**
 * The pictures of a run: {@code curves.png} (learning curves), {@code saliency.png} (each
 * electrode's share of the learned spatial projections, {@code sum_r sum_k |G_r[v, k]|}, on the
 * layout), {@code temporal.png} (the temporal projections Gf and Gb) and, given test data,
 * {@code attribution.png} (what the model uses in those data).
 */
final class Pictures {

    private Pictures() {
    }

    /** The loss panel's title: says that the training loss includes the L1 penalty when it does. */
    static String lossTitle(StrnnConfig c) {
        boolean penalised = c.sparsity() == SparsityMode.L1 && (c.lambdaSpatial() > 0 || c.lambdaTemporal() > 0);
        return penalised ? "Loss (train: cross-entropy + L1 penalty; test: cross-entropy)" : "Loss (cross-entropy)";
    }

    /** "electrode" on an EEG layout, "patch" on a face lattice, "vertex" otherwise. */
    static String vertexWord(Layout layout) {
        String name = layout.name().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("lattice")) {
            return "patch";
        }
        return name.startsWith("seed") || name.startsWith("cap") || name.startsWith("montage") ? "electrode" : "vertex";
    }

    /**
     * The pictures, and with {@code test} data also {@code attribution.png}: where the model finds
     * its evidence in those data (gradient x input, see {@link Attribution}), beside saliency.png.
     */
    static void draw(Path out, StrnnModel model, List<EpochStats> history, SampleSet test, int selectedEpoch,
                     String selection, Console console) {
        int n = history.size();
        double[] trainLoss = new double[n];
        double[] testLoss = new double[n];
        double[] trainAcc = new double[n];
        double[] testAcc = new double[n];
        for (int i = 0; i < n; i++) {
            EpochStats s = history.get(i);
            trainLoss[i] = s.trainLoss();
            testLoss[i] = s.testLoss();
            trainAcc[i] = s.trainAccuracy();
            testAcc[i] = s.testAccuracy();
        }
        try {
            LearningCurvePlot curves = new LearningCurvePlot(model.config().describe())
                    .lossTitle(lossTitle(model.config())).loss(trainLoss, testLoss).accuracy(trainAcc, testAcc);
            if (selectedEpoch > 0) {
                curves.selectedEpoch(selectedEpoch, selection);
            }
            Png.write(curves.render(), out.resolve("curves.png"), true);

            List<double[][]> gs = new ArrayList<>();
            for (Tensor g : model.spatialProjections()) {
                gs.add(g.toArray());
            }
            Png.write(new LayoutMapPlot(model.config().layout(), ElectrodeSaliency.of(gs)).fromZero()
                    .title(vertexWord(model.config().layout()) + " weight size: sum of |G_r| over directions and "
                            + "regions (max = 1)")
                    .colourBarLabel("sum |G|").highlightTop(Math.min(8, model.config().vertices())).render(),
                    out.resolve("saliency.png"), true);

            List<Tensor> temporal = model.temporalProjections();
            Png.write(new HeatmapPlot("temporal projections (rows: time slice t, columns: region k)")
                    .axisNames("t", "k").add("Gf (forward RNN)", temporal.get(0).toArray())
                    .add("Gb (backward RNN)", temporal.get(1).toArray()).colourBarLabel("weight")
                    .showValues(model.config().steps() * model.config().temporalRegions() <= 200).render(),
                    out.resolve("temporal.png"), true);
            if (test != null && test.size() > 0) {
                Attribution.PerClass a = Attribution.perClass(model, test, Attribution.Method.GRADIENT_X_INPUT, 0, 64);
                Png.write(new LayoutMapPlot(model.config().layout(), a.vertexAll()).fromZero()
                        .title(vertexWord(model.config().layout()) + " attribution on the test data: |class-mean "
                                + "gradient x input| (bin/strnn explain for more)")
                        .colourBarLabel("evidence").highlightTop(Math.min(8, model.config().vertices())).render(),
                        out.resolve("attribution.png"), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (console != null) {
            console.info("pictures: " + out.resolve("curves.png") + ", saliency.png, temporal.png"
                    + (test != null && test.size() > 0 ? ", attribution.png" : ""));
        }
    }
}
