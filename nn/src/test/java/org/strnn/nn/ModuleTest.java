package org.strnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strnn.autograd.Ops;
import org.strnn.autograd.Tensor;

/** Parameter names, order, nesting, flattening, duplicates, gradients and all-or-nothing loading. */
class ModuleTest {

    /** A module with one parameter and two children, one prefixed and one flattened. */
    static final class Encoder extends Module {
        final Linear inner;

        Encoder(SplittableRandom rng) {
            parameter("scale", 1, 2, Inits.constant(1.0), rng);
            inner = register("proj", new Linear(2, 3, true, rng));
            register("", new Flat(rng));
        }
    }

    static final class Flat extends Module {
        Flat(SplittableRandom rng) {
            parameter("U0", 2, 2, Inits.xavierNormal(), rng);
        }
    }

    static final class Model extends Module {
        Model(SplittableRandom rng) {
            register("encoder", new Encoder(rng));
            parameter("c", 1, 3, Inits.zeros(), rng);
        }
    }

    @Test
    void namesArePathsInRegistrationOrderDepthFirst() {
        Model m = new Model(new SplittableRandom(1));
        assertEquals(List.of("encoder.scale", "encoder.proj.W", "encoder.proj.b", "encoder.U0", "c"),
                List.copyOf(m.namedParameters().keySet()));
        assertEquals(2 + 6 + 3 + 4 + 3, m.parameterCount());
        assertEquals(5, m.parameters().size());
        assertSame(m.namedParameters().get("encoder.proj.W"), m.parameters().get(1));
        assertEquals("Linear(W 3x2, b 1x3)", new Linear(2, 3, true, new SplittableRandom(1)).toString());
    }

    @Test
    void duplicateNamesAndDoubleRegistrationAreRejected() {
        SplittableRandom rng = new SplittableRandom(2);
        var e = assertThrows(IllegalArgumentException.class, () -> new Module() {
            {
                parameter("U0", 1, 1, Inits.zeros(), rng);
                register("", new Flat(rng));
            }
        });
        assertTrue(e.getMessage().contains("duplicate parameter name 'U0'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Module() {
            {
                parameter("w", 1, 1, Inits.zeros(), rng);
                parameter("w", 1, 1, Inits.zeros(), rng);
            }
        });
        Flat shared = new Flat(rng);
        var twice = assertThrows(IllegalArgumentException.class, () -> new Module() {
            {
                register("a", shared);
                register("b", shared);
            }
        });
        assertTrue(twice.getMessage().contains("already registered as 'a.U0'"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Module() {
            {
                parameter("a.b", 1, 1, Inits.zeros(), rng);
            }
        });
        assertThrows(IllegalArgumentException.class, () -> new Module() {
            {
                parameter("", 1, 1, Inits.zeros(), rng);
            }
        });
    }

    @Test
    void zeroGradClearsEveryParameter() {
        Model m = new Model(new SplittableRandom(3));
        Map<String, Tensor> p = m.namedParameters();
        Ops.sum(Ops.mul(p.get("encoder.proj.W"), p.get("encoder.proj.W"))).backward();
        Ops.sum(p.get("c")).backward();
        assertTrue(p.get("encoder.proj.W").copyGrad().data[0] != 0);
        m.zeroGrad();
        for (Tensor t : m.parameters()) {
            for (double g : t.copyGrad().data) {
                assertEquals(0.0, g);
            }
        }
    }

    @Test
    void loadStateCopiesEverythingWhenAllMatches() {
        Model a = new Model(new SplittableRandom(5));
        Model b = new Model(new SplittableRandom(6));
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (var e : a.namedParameters().entrySet()) {
            Tensor t = e.getValue();
            shapes.put(e.getKey(), t.rows() == 1 ? new int[] {t.cols()} : new int[] {t.rows(), t.cols()});
        }
        b.loadState(a.copyValues(), shapes);
        for (String name : a.namedParameters().keySet()) {
            assertArrayEquals(a.namedParameters().get(name).data(), b.namedParameters().get(name).data(), 0.0, name);
        }
        // a 1 x n parameter also accepts an explicit (1, n) shape
        shapes.put("c", new int[] {1, 3});
        b.loadState(a.copyValues(), shapes);
    }

    @Test
    void loadStateNamesEveryProblemAndChangesNothing() {
        Model m = new Model(new SplittableRandom(7));
        Map<String, double[]> before = m.copyValues();
        Map<String, double[]> values = new LinkedHashMap<>(m.copyValues());
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("encoder.scale", new int[] {2});
        shapes.put("encoder.proj.W", new int[] {2, 3}); // transposed
        shapes.put("encoder.U0", new int[] {2, 2});
        values.remove("c");
        values.put("extra", new double[] {1});
        shapes.put("extra", new int[] {1});
        values.put("encoder.proj.b", new double[] {9, 9, 9, 9});
        shapes.put("encoder.proj.b", new int[] {3});
        values.put("encoder.U0", new double[] {42, 42, 42, 42});
        var e = assertThrows(IllegalArgumentException.class, () -> m.loadState(values, shapes));
        String msg = e.getMessage();
        assertTrue(msg.contains("missing [c]"), msg);
        assertTrue(msg.contains("unexpected [extra]"), msg);
        assertTrue(msg.contains("encoder.proj.W is (2, 3) but the model's is 3x2"), msg);
        assertTrue(msg.contains("encoder.proj.b has 4 values for shape (3,)"), msg);
        assertFalse(msg.contains("\n"), "one line: " + msg);
        // the valid U0 was not written either
        for (var entry : before.entrySet()) {
            assertArrayEquals(entry.getValue(), m.namedParameters().get(entry.getKey()).data(), 0.0, entry.getKey());
        }
    }
}
