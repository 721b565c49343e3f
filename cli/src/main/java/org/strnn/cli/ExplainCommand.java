package org.strnn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.strnn.datasets.SampleSet;
import org.strnn.explain.Attribution;
import org.strnn.formats.Json;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;
import org.strnn.layout.Layout;
import org.strnn.plot.HeatmapPlot;
import org.strnn.plot.LayoutMapPlot;
import org.strnn.plot.Png;

/**
 * {@code strnn explain}: data-driven attribution of a saved model, averaged per class over a data
 * set (see {@link Attribution}), as pictures per electrode, per band and per time slice, and as
 * an {@code .npz} for other tools.
 */
final class ExplainCommand implements Command {

    static final String NPZ = "attribution.npz";

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String summary() {
        return "attribute a model's decisions to electrodes, bands and time slices of real data";
    }

    @Override
    public String description() {
        return """
                For every sample of --data (its --part), the attribution of each input value towards the
                sample's true class: gradient x input (default) or integrated gradients, in the model's
                standardised input space (the reference point is the training mean), for the class's
                log-probability. Averaged per class, it says what the model uses in these data, unlike
                saliency.png, which shows the size of the learned G weights. Writes to --out:
                  attribution_electrodes.png  per electrode on the layout (|class mean| summed over time
                                              and bands, weighted over classes; scale from 0)
                  attribution_bands.png       per class and band;  attribution_time.png  per class and slice
                  attribution.npz             mean, mean_abs (C x T x n x d), vertex (C x n), band (C x d),
                                              time (C x T), counts (C), and attribution.json (names, method)
                Data options left out are taken from the model file, as for eval.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = ModelData.Scored.options();
        o.add(Option.value("method", "NAME", "gradient-x-input", "gradient-x-input or integrated-gradients"));
        o.add(Option.value("ig-steps", "N", "32", "integrated gradients: points on the path from the mean"));
        o.add(Option.value("out", "DIR", "<model's folder>/attribution", "where the pictures and the .npz go"));
        o.add(Option.flag("force", "write into a non-empty --out directory, replacing its files"));
        o.add(ModelOptions.THREADS);
        return o;
    }

    @Override
    public int run(Args args, Console console) throws IOException {
        args.positionalCount(0, 0, "no positional arguments");
        Path modelPath = Path.of(args.required("model"));
        args.required("data");
        Attribution.Method method = args.choice("method", "gradient-x-input", "integrated-gradients")
                .equals("gradient-x-input") ? Attribution.Method.GRADIENT_X_INPUT
                : Attribution.Method.INTEGRATED_GRADIENTS;
        int igSteps = args.integer("ig-steps", 1, 10_000);
        ModelOptions.threads(args);
        Path out = args.has("out") ? args.path("out")
                : modelPath.toAbsolutePath().getParent().resolve("attribution");
        try (RunFolder folder = RunFolder.lock(out)) {
            if (!args.flag("force") && !folder.isEmpty()) {
                throw CliException.failure(out + ": is not empty; choose another --out, or add --force to replace "
                        + "its files");
            }
            ModelData.Scored scored = ModelData.Scored.of(args, modelPath, console);
            SampleSet data = scored.data();
            Attribution.PerClass a = Attribution.perClass(scored.model().model(), data, method, igSteps, 64);
            write(out, a, data.layout(), method, modelPath, args.required("data"));
            console.out().print(summary(a, data.layout()));
            console.out().println("attribution: " + out.resolve(NPZ) + " (and attribution_electrodes.png, "
                    + "attribution_bands.png, attribution_time.png)");
        }
        return 0;
    }

    /** The electrodes with the most evidence, and the band and slice profile over all classes. */
    static String summary(Attribution.PerClass a, Layout layout) {
        double[] all = a.vertexAll();
        List<Integer> order = IntStream.range(0, all.length).boxed()
                .sorted((p, q) -> Double.compare(all[q], all[p])).limit(Math.min(8, all.length)).toList();
        StringBuilder sb = new StringBuilder(Pictures.vertexWord(layout) + "s with the most evidence:");
        for (int v : order) {
            sb.append(String.format(Locale.ROOT, " %s (%.3g)", layout.electrode(v).name(), all[v]));
        }
        sb.append('\n');
        return sb.toString();
    }

    private static void write(Path out, Attribution.PerClass a, Layout layout, Attribution.Method method,
                              Path model, String source) throws IOException {
        int c = a.classes().size();
        int len = a.steps() * a.vertices() * a.features();
        double[][] bands = new double[c][];
        double[][] times = new double[c][];
        double[][] vertices = new double[c][];
        for (int k = 0; k < c; k++) {
            bands[k] = a.feature(k);
            times[k] = a.time(k);
            vertices[k] = a.vertex(k);
        }
        List<NpyArray> arrays = new ArrayList<>();
        arrays.add(NpyArray.ofDoubles("mean", new int[] {c, a.steps(), a.vertices(), a.features()}, flat(a.mean(), len)));
        arrays.add(NpyArray.ofDoubles("mean_abs", new int[] {c, a.steps(), a.vertices(), a.features()},
                flat(a.meanAbs(), len)));
        arrays.add(NpyArray.ofDoubles("vertex", new int[] {c, a.vertices()}, flat(vertices, a.vertices())));
        arrays.add(NpyArray.ofDoubles("band", new int[] {c, a.features()}, flat(bands, a.features())));
        arrays.add(NpyArray.ofDoubles("time", new int[] {c, a.steps()}, flat(times, a.steps())));
        arrays.add(NpyArray.ofInts("counts", new int[] {c}, a.counts()));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("method", method == Attribution.Method.GRADIENT_X_INPUT ? "gradient-x-input" : "integrated-gradients");
        info.put("target", "log-probability of each sample's true class, in standardised input space");
        info.put("model", model.toString());
        info.put("data", source);
        info.put("classes", a.classes());
        info.put("vertices", layout.names());
        Npz.write(out.resolve(NPZ), arrays, Map.of("attribution.json",
                (Json.writePretty(info) + "\n").getBytes(StandardCharsets.UTF_8)), true);

        String word = Pictures.vertexWord(layout);
        Png.write(new LayoutMapPlot(layout, a.vertexAll()).fromZero()
                .title(word + " attribution: |class-mean " + info.get("method") + "|, over time and bands")
                .colourBarLabel("evidence").highlightTop(Math.min(8, layout.size())).render(),
                out.resolve("attribution_electrodes.png"), true);
        Png.write(heatmap("attribution per band (rows: class, columns: feature)", "band", a, bands),
                out.resolve("attribution_bands.png"), true);
        Png.write(heatmap("attribution per time slice (rows: class, columns: slice t)", "t", a, times),
                out.resolve("attribution_time.png"), true);
    }

    private static java.awt.image.BufferedImage heatmap(String title, String column, Attribution.PerClass a,
                                                        double[][] values) {
        return new HeatmapPlot(title).axisNames("class", column).add(String.join(", ", a.classes()), values)
                .colourBarLabel("evidence").showValues(values.length * values[0].length <= 200).render();
    }

    private static double[] flat(double[][] rows, int width) {
        double[] out = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * width, width);
        }
        return out;
    }
}
