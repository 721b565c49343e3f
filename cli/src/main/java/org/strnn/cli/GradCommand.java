package org.strnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.strnn.autograd.Tensor;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnFile;
import org.strnn.model.StrnnModel;

/**
 * {@code strnn grad}: the loss, logits and every parameter's gradient on one batch, as an .npz,
 * so that gradients can be compared with PyTorch, JAX or anything that reads NumPy files.
 */
final class GradCommand implements Command {

    @Override
    public String name() {
        return "grad";
    }

    @Override
    public String summary() {
        return "export loss, logits and parameter gradients of a model on a batch (.npz)";
    }

    @Override
    public String usage() {
        return "--model FILE --batch FILE --out FILE";
    }

    @Override
    public String description() {
        return """
                The batch is an .npz with X (B x T x n x d, float64) and y (B class indices: int64,
                int32, or integral float64). The output holds loss (a 0-d array: the loss of spec
                section 6, with the L1 terms when the model's sparsity is l1), logits (B x C), and
                one array per parameter, named and shaped as in the model file, holding dL/dparameter.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("model", "FILE", null, "a model file"));
        o.add(Option.value("batch", "FILE", null, "an .npz with X and y"));
        o.add(Option.value("out", "FILE", null, "the gradient file to write"));
        o.add(Option.flag("force", "replace an existing --out file"));
        return o;
    }

    @Override
    public int run(Args args, Console console) {
        args.positionalCount(0, 0, "no positional arguments");
        Path modelPath = Path.of(args.required("model"));
        Path batchPath = Path.of(args.required("batch"));
        Path out = Path.of(args.required("out"));
        if (java.nio.file.Files.exists(out) && !args.flag("force")) {
            throw CliException.failure(out + ": exists; add --force to replace it");
        }
        StrnnModel model = StrnnFile.load(modelPath).model();
        StrnnConfig c = model.config();
        Npz.Contents batch = Npz.read(batchPath);
        NpyArray x = batch.array("X");
        NpyArray y = batch.array("y");
        if (x == null || y == null) {
            throw CliException.failure(batchPath + ": needs arrays X and y, has " + names(batch));
        }
        int[] xs = x.shape();
        if (xs.length != 4 || xs[1] != c.steps() || xs[2] != c.vertices() || xs[3] != c.features()) {
            throw CliException.failure(batchPath + ": X is " + NpyArray.shapeString(xs) + " but the model needs (B, "
                    + c.steps() + ", " + c.vertices() + ", " + c.features() + ")");
        }
        int b = xs[0];
        if (y.shape().length != 1 || y.shape()[0] != b) {
            throw CliException.failure(batchPath + ": y is " + NpyArray.shapeString(y.shape()) + " but X holds " + b
                    + " samples");
        }
        int[] labels = labels(y, c.classes(), batchPath);
        Tensor logits;
        Tensor loss;
        try {
            logits = model.logits(model.input(x.toDoubles(), b));
            loss = model.loss(logits, labels);
        } catch (IllegalArgumentException e) {
            throw CliException.failure(batchPath + ": " + e.getMessage());
        }
        model.zeroGrad();
        loss.backward();
        List<NpyArray> arrays = new ArrayList<>();
        arrays.add(NpyArray.ofDoubles("loss", new int[0], new double[] {loss.item()}));
        arrays.add(NpyArray.ofDoubles("logits", new int[] {b, c.classes()}, logits.data()));
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            Tensor p = e.getValue();
            arrays.add(org.strnn.nn.io.ModelFile.array(e.getKey(), Tensor.constant(p.rows(), p.cols(), p.gradData())));
        }
        Npz.write(out, arrays, args.flag("force"));
        console.info(String.format(java.util.Locale.ROOT, "wrote %s: loss %.17g over %d samples", out, loss.item(), b));
        return 0;
    }

    private static String names(Npz.Contents c) {
        List<String> n = new ArrayList<>();
        for (NpyArray a : c.arrays()) {
            n.add(a.name());
        }
        return n.toString();
    }

    private static int[] labels(NpyArray y, int classes, Path file) {
        int[] out = new int[y.size()];
        if (y.dtype() == NpyArray.DType.FLOAT64) {
            double[] d = y.toDoubles();
            for (int i = 0; i < d.length; i++) {
                if (d[i] != Math.rint(d[i])) {
                    throw CliException.failure(file + ": y[" + i + "] = " + d[i] + " is not a class index");
                }
                out[i] = (int) d[i];
            }
        } else {
            long[] l = y.toLongs();
            for (int i = 0; i < l.length; i++) {
                out[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l[i]));
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] < 0 || out[i] >= classes) {
                throw CliException.failure(file + ": y[" + i + "] = " + out[i] + " is outside the model's classes 0.."
                        + (classes - 1));
            }
        }
        return out;
    }
}
