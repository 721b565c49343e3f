package org.strnn.autograd.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.Grad;
import org.strnn.autograd.Tensor;

/**
 * Compares analytic gradients with central finite differences, in double precision.
 *
 * <ul>
 *   <li>{@link #jacobian}: for small inputs. Builds the whole Jacobian both ways (one backward
 *       pass per output element, two forward passes per input element) and compares every entry;
 *       then checks {@code J^T v} for a random upstream gradient {@code v}; then checks that
 *       backward is linear in the upstream gradient.</li>
 *   <li>{@link #direction}: for whole models. Compares {@code <J^T v, u>} (one backward pass) with
 *       {@code <v, J u>} (two forward passes) for random directions {@code u} over all parameters
 *       and random upstream {@code v}: the cost does not grow with the model.</li>
 * </ul>
 *
 * <p>The step for an element {@code x} is {@code relStep * max(1, |x|)}, {@code 1e-6} by default. A
 * failure throws {@link GradCheckFailure} naming the check, the input (by name when given one), the
 * element, and both values; a whole-model direction check that fails also names the parameters
 * that disagree on their own. A check that passes returns a {@link GradCheckReport}: callers need
 * no second threshold.
 */
public final class GradCheck {

    private final Tolerance tolerance;
    private final double relStep;

    private GradCheck(Tolerance tolerance, double relStep) {
        this.tolerance = tolerance;
        this.relStep = relStep;
    }

    /** Default tolerance and a step of {@code 1e-6 * max(1, |x|)}. */
    public static GradCheck defaults() {
        return new GradCheck(Tolerance.DEFAULT, 1e-6);
    }

    public GradCheck withTolerance(Tolerance t) {
        return new GradCheck(t, relStep);
    }

    public GradCheck withRelativeStep(double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        return new GradCheck(tolerance, step);
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    // ------------------------------------------------------------------ full Jacobian

    /**
     * Checks {@code f} at {@code inputs}. {@code f} must build its result from the tensors it is
     * given (fresh variables holding copies of the inputs) and be deterministic.
     *
     * @param name  names the function in failure messages, e.g. the op
     * @param f     the function under test
     * @param inputs the point, named {@code input 0, input 1, ...}; not modified
     * @param rng   draws the random upstream gradients
     * @throws GradCheckFailure on the first disagreement
     */
    public GradCheckReport jacobian(String name, Function<List<Tensor>, Tensor> f, List<DMatrixRMaj> inputs,
                                    RandomGenerator rng) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            names.add("input " + i);
        }
        return fullJacobian(name, new FreshInputs(f, inputs, names), rng);
    }

    /** {@link #jacobian(String, Function, List, RandomGenerator)} with named inputs, passed to {@code f} in map order. */
    public GradCheckReport jacobian(String name, Function<List<Tensor>, Tensor> f, Map<String, DMatrixRMaj> inputs,
                                    RandomGenerator rng) {
        return fullJacobian(name, new FreshInputs(f, List.copyOf(inputs.values()), List.copyOf(inputs.keySet())),
                rng);
    }

    /** The in-place check below with the parameters named by their keys (e.g. {@code Module.namedParameters()}). */
    public GradCheckReport jacobian(String name, Supplier<Tensor> f, Map<String, Tensor> params, RandomGenerator rng) {
        return jacobian(name, f, new Named(params), rng);
    }

    /**
     * The same full-Jacobian check for a model that holds its parameters: {@code f} recomputes the
     * output from the current values of {@code params}, which are perturbed in place one element
     * at a time and restored exactly. Their gradients are left as they were found. Parameters are
     * named by their op label (a variable's name).
     */
    public GradCheckReport jacobian(String name, Supplier<Tensor> f, List<Tensor> params, RandomGenerator rng) {
        return jacobian(name, f, Named.of(params), rng);
    }

    private GradCheckReport jacobian(String name, Supplier<Tensor> f, Named named, RandomGenerator rng) {
        List<Tensor> params = named.tensors();
        List<double[]> savedGrad = new ArrayList<>(params.size());
        for (Tensor p : params) {
            savedGrad.add(p.hasGrad() ? p.gradData().clone() : null);
        }
        try {
            return fullJacobian(name, new InPlace(f, params, named.names()), rng);
        } finally {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                if (savedGrad.get(i) == null) {
                    p.zeroGrad();
                } else {
                    System.arraycopy(savedGrad.get(i), 0, p.gradData(), 0, p.size());
                }
            }
        }
    }

    /** A point at which a function is differentiated, seen as a list of input arrays. */
    private interface Point {
        List<DMatrixRMaj> values();

        String label(int input);

        /** The output with input {@code in}'s element {@code e} set to {@code x}, recorded without a graph. */
        double[] evaluateWith(int in, int e, double x);

        /** The output shape {rows, cols}. */
        int[] outputShape();

        /** The gradient of every input for this upstream gradient. */
        List<DMatrixRMaj> gradients(DMatrixRMaj upstream);
    }

    /** Tensors with names, in order. */
    private record Named(List<String> names, List<Tensor> tensors) {
        Named(Map<String, Tensor> map) {
            this(List.copyOf(map.keySet()), List.copyOf(map.values()));
        }

        /** Named by op label; a label seen before gets {@code #i} appended. */
        static Named of(List<Tensor> tensors) {
            Map<String, Tensor> map = new LinkedHashMap<>();
            for (int i = 0; i < tensors.size(); i++) {
                String label = tensors.get(i).op();
                map.put(map.containsKey(label) ? label + "#" + i : label, tensors.get(i));
            }
            return new Named(map);
        }
    }

    private record FreshInputs(Function<List<Tensor>, Tensor> f, List<DMatrixRMaj> values, List<String> names)
            implements Point {
        @Override
        public String label(int input) {
            return names.get(input);
        }

        @Override
        public double[] evaluateWith(int in, int e, double x) {
            List<Tensor> ts = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                DMatrixRMaj copy = values.get(i).copy();
                if (i == in) {
                    copy.data[e] = x;
                }
                ts.add(Tensor.constant(copy));
            }
            try (var off = Grad.disabled()) {
                return f.apply(ts).copyValue().data;
            }
        }

        @Override
        public int[] outputShape() {
            Tensor y = f.apply(constants());
            return new int[] {y.rows(), y.cols()};
        }

        private List<Tensor> constants() {
            List<Tensor> ts = new ArrayList<>(values.size());
            for (DMatrixRMaj m : values) {
                ts.add(Tensor.constant(m.copy()));
            }
            return ts;
        }

        @Override
        public List<DMatrixRMaj> gradients(DMatrixRMaj upstream) {
            List<Tensor> ts = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                ts.add(Tensor.variable("input" + i, values.get(i).copy()));
            }
            Tensor y = f.apply(ts);
            if (y.requiresGrad()) {
                y.backward(upstream);
            }
            List<DMatrixRMaj> grads = new ArrayList<>(ts.size());
            for (Tensor t : ts) {
                grads.add(t.copyGrad());
            }
            return grads;
        }
    }

    private record InPlace(Supplier<Tensor> f, List<Tensor> params, List<String> names) implements Point {
        @Override
        public List<DMatrixRMaj> values() {
            List<DMatrixRMaj> out = new ArrayList<>(params.size());
            for (Tensor p : params) {
                out.add(p.copyValue());
            }
            return out;
        }

        @Override
        public String label(int input) {
            return "parameter " + names.get(input);
        }

        @Override
        public double[] evaluateWith(int in, int e, double x) {
            double[] data = params.get(in).data();
            double old = data[e];
            data[e] = x;
            try (var off = Grad.disabled()) {
                return f.get().copyValue().data;
            } finally {
                data[e] = old;
            }
        }

        @Override
        public int[] outputShape() {
            try (var off = Grad.disabled()) {
                Tensor y = f.get();
                return new int[] {y.rows(), y.cols()};
            }
        }

        @Override
        public List<DMatrixRMaj> gradients(DMatrixRMaj upstream) {
            for (Tensor p : params) {
                p.zeroGrad();
            }
            f.get().backward(upstream);
            List<DMatrixRMaj> grads = new ArrayList<>(params.size());
            for (Tensor p : params) {
                grads.add(p.copyGrad());
            }
            return grads;
        }
    }

    private GradCheckReport fullJacobian(String name, Point point, RandomGenerator rng) {
        GradCheckReport.Builder report = new GradCheckReport.Builder(name);
        List<DMatrixRMaj> inputs = point.values();
        int[] outShape = point.outputShape();
        int outRows = outShape[0];
        int outCols = outShape[1];
        int outSize = outRows * outCols;
        int k = inputs.size();

        // numeric[in][e][o] = d out[o] / d input[in][e]
        double[][][] numeric = new double[k][][];
        for (int in = 0; in < k; in++) {
            DMatrixRMaj x = inputs.get(in);
            int n = x.numRows * x.numCols;
            numeric[in] = new double[n][];
            for (int e = 0; e < n; e++) {
                double x0 = x.data[e];
                double h = relStep * Math.max(1.0, Math.abs(x0));
                double up = x0 + h;
                double down = x0 - h;
                double[] yp = point.evaluateWith(in, e, up);
                double[] ym = point.evaluateWith(in, e, down);
                // The step actually taken, after rounding x + h and x - h.
                double span = up - down;
                double[] d = new double[outSize];
                for (int o = 0; o < outSize; o++) {
                    d[o] = (yp[o] - ym[o]) / span;
                }
                numeric[in][e] = d;
            }
        }

        // analytic Jacobian, one row (output element) at a time
        for (int o = 0; o < outSize; o++) {
            DMatrixRMaj onehot = new DMatrixRMaj(outRows, outCols);
            onehot.data[o] = 1.0;
            List<DMatrixRMaj> grads = point.gradients(onehot);
            for (int in = 0; in < k; in++) {
                DMatrixRMaj g = grads.get(in);
                for (int e = 0; e < g.data.length; e++) {
                    double a = g.data[e];
                    double num = numeric[in][e][o];
                    report.compared(a, num, "d out" + at(o, outCols) + " / d " + point.label(in)
                            + at(e, inputs.get(in).numCols));
                    if (!tolerance.accepts(a, num)) {
                        throw new GradCheckFailure(name + ": d out" + at(o, outCols) + " / d " + point.label(in)
                                + at(e, inputs.get(in).numCols) + ": analytic " + a + ", numeric " + num
                                + " (difference " + Math.abs(a - num) + " > tolerance " + tolerance.bound(a, num) + ")");
                    }
                }
            }
        }

        // a random upstream gradient: J^T v both ways
        DMatrixRMaj v = randomLike(outRows, outCols, rng);
        List<DMatrixRMaj> gv = point.gradients(v);
        for (int in = 0; in < k; in++) {
            DMatrixRMaj g = gv.get(in);
            for (int e = 0; e < g.data.length; e++) {
                double num = 0;
                for (int o = 0; o < outSize; o++) {
                    num += numeric[in][e][o] * v.data[o];
                }
                double a = g.data[e];
                report.compared(a, num, "J^T v at " + point.label(in) + at(e, inputs.get(in).numCols));
                if (!tolerance.accepts(a, num)) {
                    throw new GradCheckFailure(name + ": with a random upstream gradient, d/d " + point.label(in)
                            + at(e, inputs.get(in).numCols) + ": analytic " + a + ", numeric " + num
                            + " (difference " + Math.abs(a - num) + " > tolerance " + tolerance.bound(a, num) + ")");
                }
            }
        }

        // linearity in the upstream gradient: g(a v + b w) = a g(v) + b g(w)
        DMatrixRMaj w = randomLike(outRows, outCols, rng);
        double alpha = 0.5 + rng.nextDouble();
        double beta = -0.5 - rng.nextDouble();
        DMatrixRMaj mix = new DMatrixRMaj(outRows, outCols);
        for (int o = 0; o < outSize; o++) {
            mix.data[o] = alpha * v.data[o] + beta * w.data[o];
        }
        List<DMatrixRMaj> gw = point.gradients(w);
        List<DMatrixRMaj> gmix = point.gradients(mix);
        Tolerance tight = new Tolerance(1e-12, 1e-9);
        for (int in = 0; in < k; in++) {
            for (int e = 0; e < gmix.get(in).data.length; e++) {
                double expected = alpha * gv.get(in).data[e] + beta * gw.get(in).data[e];
                double actual = gmix.get(in).data[e];
                if (!tight.accepts(actual, expected)) {
                    throw new GradCheckFailure(name + ": backward is not linear in the upstream gradient at "
                            + point.label(in) + at(e, inputs.get(in).numCols) + ": g(a v + b w) = " + actual
                            + " but a g(v) + b g(w) = " + expected);
                }
            }
        }
        return report.build();
    }

    private static String at(int flat, int cols) {
        return cols == 0 ? "[" + flat + "]" : "[" + flat / cols + "," + flat % cols + "]";
    }

    private static DMatrixRMaj randomLike(int rows, int cols, RandomGenerator rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    // ------------------------------------------------------------------ random directions

    /**
     * Checks a whole model along random directions. {@code f} recomputes the output from the
     * current values of {@code params} (for example a model's loss or logits on a fixed batch).
     * For each direction, random {@code u} (one matrix per parameter) and {@code v} (shaped like
     * the output) are drawn; {@code <J^T v, u>} from backward must match
     * {@code <v, (f(p + h u) - f(p - h u)) / 2h>}. Parameters are restored exactly afterwards, and
     * their gradients are left as they were found. When a direction fails, each parameter is
     * checked along its own part of that direction, and the message names those that disagree.
     * Parameters are named by their op label (a variable's name).
     */
    public GradCheckReport direction(String name, Supplier<Tensor> f, List<Tensor> params, int directions,
                                     RandomGenerator rng) {
        return direction(name, f, Named.of(params), directions, rng);
    }

    /** {@link #direction(String, Supplier, List, int, RandomGenerator)} with the parameters named by their keys. */
    public GradCheckReport direction(String name, Supplier<Tensor> f, Map<String, Tensor> params, int directions,
                                     RandomGenerator rng) {
        return direction(name, f, new Named(params), directions, rng);
    }

    private GradCheckReport direction(String name, Supplier<Tensor> f, Named named, int directions,
                                      RandomGenerator rng) {
        List<Tensor> params = named.tensors();
        GradCheckReport.Builder report = new GradCheckReport.Builder(name);
        List<double[]> saved = new ArrayList<>(params.size());
        List<double[]> savedGrad = new ArrayList<>(params.size());
        double scale = 1.0;
        for (Tensor p : params) {
            saved.add(p.data().clone());
            savedGrad.add(p.hasGrad() ? p.gradData().clone() : null);
            for (double x : p.data()) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        double h = relStep * scale;
        try {
            for (int d = 0; d < directions; d++) {
                List<double[]> u = new ArrayList<>(params.size());
                for (Tensor p : params) {
                    double[] ui = new double[p.size()];
                    for (int i = 0; i < ui.length; i++) {
                        ui[i] = rng.nextGaussian();
                    }
                    u.add(ui);
                }
                for (Tensor p : params) {
                    p.zeroGrad();
                }
                Tensor y = f.get();
                DMatrixRMaj v = randomLike(y.rows(), y.cols(), rng);
                y.backward(v);
                double[] parts = new double[params.size()];
                double analytic = 0;
                for (int i = 0; i < params.size(); i++) {
                    double[] g = params.get(i).gradData();
                    double[] ui = u.get(i);
                    for (int e = 0; e < g.length; e++) {
                        parts[i] += g[e] * ui[e];
                    }
                    analytic += parts[i];
                }
                double numeric = alongDirection(f, params, saved, u, v, h);
                report.compared(analytic, numeric, "random direction " + d);
                if (!tolerance.accepts(analytic, numeric)) {
                    throw new GradCheckFailure(name + ": along random direction " + d + ", <J^T v, u> = " + analytic
                            + " but <v, J u> = " + numeric + " (difference " + Math.abs(analytic - numeric)
                            + " > tolerance " + tolerance.bound(analytic, numeric) + ", step " + h + ")"
                            + culprits(f, named, saved, u, v, h, parts));
                }
            }
        } finally {
            restore(params, saved);
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                if (savedGrad.get(i) == null) {
                    p.zeroGrad();
                } else {
                    System.arraycopy(savedGrad.get(i), 0, p.gradData(), 0, p.size());
                }
            }
        }
        return report.build();
    }

    /** {@code <v, (f(p + h u) - f(p - h u)) / 2h>}; restores the parameters. */
    private static double alongDirection(Supplier<Tensor> f, List<Tensor> params, List<double[]> saved,
                                         List<double[]> u, DMatrixRMaj v, double h) {
        double[] yp = shifted(f, params, saved, u, h);
        double[] ym = shifted(f, params, saved, u, -h);
        restore(params, saved);
        double numeric = 0;
        for (int o = 0; o < yp.length; o++) {
            numeric += v.data[o] * (yp[o] - ym[o]) / (2 * h);
        }
        return numeric;
    }

    /** The parameters whose own part of the direction disagrees, as a message suffix. */
    private String culprits(Supplier<Tensor> f, Named named, List<double[]> saved, List<double[]> u, DMatrixRMaj v,
                            double h, double[] parts) {
        List<Tensor> params = named.tensors();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < params.size(); i++) {
            List<double[]> only = new ArrayList<>(params.size());
            for (int j = 0; j < params.size(); j++) {
                only.add(j == i ? u.get(j) : new double[u.get(j).length]);
            }
            double numeric = alongDirection(f, params, saved, only, v, h);
            if (!tolerance.accepts(parts[i], numeric)) {
                out.append(out.length() == 0 ? "; parameters that disagree on their own: " : ", ")
                        .append(named.names().get(i)).append(" (").append(parts[i]).append(" vs ").append(numeric)
                        .append(')');
            }
        }
        return out.length() == 0 ? "; no parameter disagrees on its own" : out.toString();
    }

    private static double[] shifted(Supplier<Tensor> f, List<Tensor> params, List<double[]> saved, List<double[]> u,
                                    double h) {
        for (int i = 0; i < params.size(); i++) {
            double[] x = params.get(i).data();
            double[] x0 = saved.get(i);
            double[] ui = u.get(i);
            for (int e = 0; e < x.length; e++) {
                x[e] = x0[e] + h * ui[e];
            }
        }
        try (var off = Grad.disabled()) {
            return f.get().copyValue().data;
        }
    }

    private static void restore(List<Tensor> params, List<double[]> saved) {
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(saved.get(i), 0, params.get(i).data(), 0, saved.get(i).length);
        }
    }
}
