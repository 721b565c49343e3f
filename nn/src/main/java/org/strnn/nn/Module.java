package org.strnn.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.strnn.autograd.Tensor;
import org.strnn.formats.NpyArray;

/**
 * A part of a model that owns named parameters and, possibly, child modules.
 *
 * <p><b>Names and order.</b> A parameter's name is its path: a child registered as
 * {@code "encoder"} contributes {@code encoder.W}. A child registered with the empty name
 * {@code ""} is flattened: its parameters keep their own names, so a model can keep a flat naming
 * scheme (STRNN's {@code U0, Rf, ...}) while still being built from parts. The order of
 * {@link #namedParameters()} is registration order, depth-first: a child's parameters appear,
 * in their own order, at the point where the child was registered. Save files, optimiser state
 * and {@link #parameters()} all use this order.
 *
 * <p>Full names must be unique and a tensor may be registered only once; both are checked when
 * something is registered. Local names are letters, digits and underscores.
 */
public abstract class Module {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    /** What was registered, in order: a parameter of this module, or a child module. */
    private final List<Object> entries = new ArrayList<>();
    private final List<String> entryNames = new ArrayList<>();

    /**
     * Creates a gradient-taking {@code rows x cols} parameter (a vector is {@code 1 x n}), fills it
     * with {@code init} drawing from {@code rng}, and registers it under {@code name}.
     */
    protected final Tensor parameter(String name, int rows, int cols, Init init, RandomGenerator rng) {
        checkName(name, "parameter");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(rng, "rng");
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("parameter " + name + ": negative shape " + rows + "x" + cols);
        }
        double[] data = new double[Math.multiplyExact(rows, cols)];
        init.fill(data, rows, cols, rng);
        Tensor t = Tensor.variable(name, rows, cols, data);
        add(name, t);
        return t;
    }

    /**
     * Registers a child module under {@code name} and returns it. Its parameters appear as
     * {@code name + "." + path}, or as {@code path} alone when {@code name} is {@code ""}.
     */
    protected final <M extends Module> M register(String name, M child) {
        Objects.requireNonNull(child, "child");
        if (!name.isEmpty()) {
            checkName(name, "child module");
        }
        if (child == this) {
            throw new IllegalArgumentException("a module cannot be its own child");
        }
        add(name, child);
        return child;
    }

    private void add(String name, Object entry) {
        entries.add(entry);
        entryNames.add(name);
        try {
            namedParameters();
        } catch (IllegalStateException e) {
            entries.remove(entries.size() - 1);
            entryNames.remove(entryNames.size() - 1);
            throw new IllegalArgumentException(getClass().getSimpleName() + ": cannot register '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    private static void checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name must be letters, digits and underscores, got '" + name + "'");
        }
    }

    /**
     * Every parameter by full name, in registration order (depth-first into children). A new map
     * on each call; the tensors are the live parameters.
     *
     * @throws IllegalStateException if two parameters have the same full name or one tensor is
     *     registered twice (possible only if a child was changed after it was registered)
     */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, Collections.newSetFromMap(new IdentityHashMap<>()), Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out, Set<Tensor> seen, Set<Module> path) {
        if (!path.add(this)) {
            throw new IllegalStateException("module " + getClass().getSimpleName() + " contains itself");
        }
        for (int i = 0; i < entries.size(); i++) {
            Object e = entries.get(i);
            String local = entryNames.get(i);
            if (e instanceof Tensor t) {
                String full = prefix + local;
                if (out.containsKey(full)) {
                    throw new IllegalStateException("duplicate parameter name '" + full + "'");
                }
                if (!seen.add(t)) {
                    throw new IllegalStateException("parameter '" + full + "' is a tensor that is already registered as '"
                            + nameOf(out, t) + "'");
                }
                out.put(full, t);
            } else {
                Module child = (Module) e;
                child.collect(local.isEmpty() ? prefix : prefix + local + ".", out, seen, path);
            }
        }
        path.remove(this);
    }

    private static String nameOf(Map<String, Tensor> map, Tensor t) {
        for (Map.Entry<String, Tensor> e : map.entrySet()) {
            if (e.getValue() == t) {
                return e.getKey();
            }
        }
        return "?";
    }

    /** The parameters in the order of {@link #namedParameters()}. */
    public final List<Tensor> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** Sets every parameter's gradient to zero. */
    public final void zeroGrad() {
        for (Tensor p : namedParameters().values()) {
            p.zeroGrad();
        }
    }

    /** The number of scalars in all parameters. */
    public final int parameterCount() {
        long n = 0;
        for (Tensor p : namedParameters().values()) {
            n += p.size();
        }
        return Math.toIntExact(n);
    }

    /** A copy of every parameter's values, by full name, in order. */
    public final Map<String, double[]> copyValues() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : namedParameters().entrySet()) {
            out.put(e.getKey(), e.getValue().data().clone());
        }
        return out;
    }

    /**
     * Copies saved values into the parameters, all or nothing. {@code shapes} gives each value's
     * array shape: {@code {rows, cols}}, or {@code {n}} for a {@code 1 x n} parameter (vectors are
     * saved 1-D). Everything is checked before anything is written: the names must be exactly the
     * model's, every shape must match, and every value array must hold as many values as its
     * shape.
     *
     * @throws IllegalArgumentException naming every missing, unexpected and mis-shaped parameter
     */
    public final void loadState(Map<String, double[]> values, Map<String, int[]> shapes) {
        Map<String, Tensor> params = namedParameters();
        List<String> problems = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        Set<String> unexpected = new TreeSet<>();
        for (String name : params.keySet()) {
            if (!values.containsKey(name)) {
                missing.add(name);
            }
        }
        for (String name : values.keySet()) {
            if (!params.containsKey(name)) {
                unexpected.add(name);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add("unexpected " + unexpected);
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            String name = e.getKey();
            Tensor p = e.getValue();
            double[] v = values.get(name);
            if (v == null) {
                continue;
            }
            int[] shape = shapes.get(name);
            if (shape == null) {
                problems.add(name + " has no shape");
            } else if (!fits(shape, p)) {
                problems.add(name + " is " + NpyArray.shapeString(shape) + " but the model's is " + p.shape());
            } else if (v.length != p.size()) {
                problems.add(name + " has " + v.length + " values for shape " + NpyArray.shapeString(shape));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("state does not match " + getClass().getSimpleName() + ": "
                    + String.join("; ", problems));
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            double[] v = values.get(e.getKey());
            System.arraycopy(v, 0, e.getValue().data(), 0, v.length);
        }
    }

    private static boolean fits(int[] shape, Tensor p) {
        if (shape.length == 1) {
            return p.rows() == 1 && shape[0] == p.cols();
        }
        return shape.length == 2 && shape[0] == p.rows() && shape[1] == p.cols();
    }

    /** The class name and every parameter with its shape, e.g. {@code Linear(W 3x4, b 1x3)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('(');
        String sep = "";
        for (Map.Entry<String, Tensor> e : namedParameters().entrySet()) {
            sb.append(sep).append(e.getKey()).append(' ').append(e.getValue().shape());
            sep = ", ";
        }
        return sb.append(')').toString();
    }
}
