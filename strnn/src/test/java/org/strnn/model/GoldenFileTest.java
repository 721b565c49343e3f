package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;
import org.strnn.autograd.types.Activation;
import org.strnn.formats.Json;
import org.strnn.layout.Layout;

/**
 * The model against PyTorch: {@code golden/strnn-torch.json}, written by
 * {@code strnn/src/test/pytorch/make_golden.py} (float64), holds for each case of
 * {@link StrnnConfigurations} the parameters, a batch, and PyTorch's logits, loss and gradient of
 * every parameter. The Java model must reproduce all of them to 1e-9 (relative to values above 1),
 * and the classifier the softmax of the logits. No Python is needed to run it.
 */
class GoldenFileTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void everyGoldenCaseAgreesWithPyTorch() throws IOException {
        List<Object> cases = list(golden().get("cases"));
        TreeSet<String> seen = new TreeSet<>();
        for (Object o : cases) {
            Map<String, Object> c = map(o);
            String name = (String) c.get("name");
            seen.add(name);
            check(name, c);
        }
        TreeSet<String> listed = new TreeSet<>();
        StrnnConfigurations.all().forEach(k -> listed.add(k.name()));
        assertEquals(listed, seen, "the golden file covers exactly the configurations of StrnnConfigurations");
    }

    private static void check(String name, Map<String, Object> c) {
        StrnnConfig config = config(map(c.get("config")));
        assertEquals(StrnnConfigurations.named(name), config, name + ": the golden configuration is the listed one");
        StrnnModel model = new StrnnModel(config, new SplittableRandom(0));
        Map<String, Tensor> params = model.namedParameters();
        Map<String, Object> golden = map(c.get("params"));
        assertEquals(params.keySet(), golden.keySet(), name + ": parameter names");
        for (var e : params.entrySet()) {
            Map<String, Object> p = map(golden.get(e.getKey()));
            List<Object> shape = list(p.get("shape"));
            assertEquals(e.getValue().shape(), shape.get(0) + "x" + shape.get(1), name + ": shape of " + e.getKey());
            double[] values = doubles(p.get("data"));
            System.arraycopy(values, 0, e.getValue().data(), 0, values.length);
        }
        int batch = ((Number) c.get("batch")).intValue();
        double[] x = doubles(c.get("x"));
        int[] labels = list(c.get("labels")).stream().mapToInt(v -> ((Number) v).intValue()).toArray();

        model.zeroGrad();
        Tensor logits = model.logits(model.input(x, batch));
        Tensor loss = model.loss(logits, labels);
        loss.backward();
        close(name + ": logits", doubles(c.get("logits")), logits.data());
        close(name + ": loss", new double[] {((Number) c.get("loss")).doubleValue()}, loss.data());
        Map<String, Object> grads = map(c.get("grads"));
        for (var e : params.entrySet()) {
            close(name + ": d loss / d " + e.getKey(), doubles(grads.get(e.getKey())), e.getValue().gradData());
        }
        double[] probs = new double[batch * config.classes()];
        StrnnClassifier.of(model).predict(x, batch, probs);
        Tensor expected = Ops.softmax(Tensor.constant(batch, config.classes(), doubles(c.get("logits"))));
        close(name + ": classifier probabilities", expected.data(), probs);
    }

    private static void close(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double bound = TOLERANCE * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= bound)) {
                fail(what + "[" + i + "]: PyTorch " + expected[i] + ", Java " + actual[i] + " (difference "
                        + Math.abs(expected[i] - actual[i]) + " > " + bound + ")");
            }
        }
    }

    /** The configuration a golden case was made with, in the Java types. */
    static StrnnConfig config(Map<String, Object> j) {
        Map<String, Object> lj = map(j.get("layout"));
        List<Layout.Electrode> cells = new ArrayList<>();
        for (Object e : list(lj.get("electrodes"))) {
            List<Object> cell = list(e);
            cells.add(new Layout.Electrode((String) cell.get(0), integer(cell.get(1)), integer(cell.get(2))));
        }
        List<Direction> directions = new ArrayList<>();
        for (Object r : list(j.get("directions"))) {
            directions.add(Direction.of(integer(r)));
        }
        return new StrnnConfig.Builder(new Layout((String) lj.get("name"), cells), integer(j.get("d")),
                integer(j.get("T")), integer(j.get("C")))
                .sizes(integer(j.get("ds")), integer(j.get("Ks")), integer(j.get("dt")), integer(j.get("Kt")))
                .activation(Activation.valueOf(((String) j.get("activation")).toUpperCase()))
                .merge(Merge.valueOf(((String) j.get("merge")).toUpperCase()))
                .directions(directions)
                .recurrence((Boolean) j.get("spatial_rnn"), (Boolean) j.get("temporal_rnn"))
                .sparsity(SparsityMode.valueOf(((String) j.get("sparsity")).toUpperCase()),
                        ((Number) j.get("lambda_s")).doubleValue(), ((Number) j.get("lambda_t")).doubleValue())
                .build();
    }

    private static Map<String, Object> golden() throws IOException {
        try (InputStream in = GoldenFileTest.class.getResourceAsStream("/golden/strnn-torch.json")) {
            assertTrue(in != null, "golden/strnn-torch.json is on the test classpath");
            return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static int integer(Object o) {
        return ((Number) o).intValue();
    }

    private static double[] doubles(Object o) {
        return list(o).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
