package org.strnn.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strnn.autograd.types.Activation;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

/**
 * The one list of tiny STRNN configurations that the agreement, gradient and golden-file tests
 * run over: the base configuration, every switch on its own, and combinations of them. The
 * PyTorch script {@code strnn/src/test/pytorch/make_golden.py} lists the same cases by name; the
 * golden-file test checks that each golden case's configuration equals the one listed here.
 */
final class StrnnConfigurations {

    /** A named configuration. */
    record Case(String name, StrnnConfig config) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, StrnnConfig> ALL = build();

    private StrnnConfigurations() {
    }

    /** A non-rectangular layout: a 3x4 grid with holes, vertices numbered row by row. */
    static Layout holes() {
        return Layouts.fromGrid("holes", "A B - C", "- D E F", "G - H -");
    }

    /** 3x3 lattice, d=2, T=3, ds=3, Ks=2, dt=3, Kt=2, C=3; relu, sum of 4 directions, both RNNs, L1 (0.01, 0.02). */
    static StrnnConfig base() {
        return new StrnnConfig.Builder(Layouts.lattice(3, 3), 2, 3, 3).sizes(3, 2, 3, 2)
                .sparsity(SparsityMode.L1, 0.01, 0.02).build();
    }

    private static Map<String, StrnnConfig> build() {
        Map<String, StrnnConfig> m = new LinkedHashMap<>();
        StrnnConfig base = base();
        List<Direction> diagonal = List.of(Direction.TOP_LEFT, Direction.BOTTOM_RIGHT);
        List<Direction> antiDiagonal = List.of(Direction.TOP_RIGHT, Direction.BOTTOM_LEFT);
        m.put("base", base);
        // every switch on its own
        m.put("tanh", base.toBuilder().activation(Activation.TANH).build());
        m.put("concat", base.toBuilder().merge(Merge.CONCAT).build());
        m.put("directions-2", base.toBuilder().directions(diagonal).build());
        m.put("directions-2-anti", base.toBuilder().directions(antiDiagonal).build());
        m.put("directions-1", base.toBuilder().directions(List.of(Direction.BOTTOM_LEFT)).build());
        m.put("no-spatial-rnn", base.toBuilder().recurrence(false, true).build());
        m.put("no-temporal-rnn", base.toBuilder().recurrence(true, false).build());
        m.put("no-rnn", base.toBuilder().recurrence(false, false).build());
        m.put("proximal", base.toBuilder().sparsity(SparsityMode.PROXIMAL, 0.01, 0.02).build());
        m.put("no-sparsity", base.toBuilder().sparsity(SparsityMode.NONE, 0, 0).build());
        m.put("lattice-3x4", base.toBuilder().layout(Layouts.lattice(3, 4), 2).build());
        m.put("holes", base.toBuilder().layout(holes(), 2).build());
        m.put("t-1", base.toBuilder().steps(1).build());
        // combinations
        m.put("tanh-concat-directions-2", base.toBuilder().activation(Activation.TANH).merge(Merge.CONCAT)
                .directions(antiDiagonal).build());
        m.put("tanh-directions-2-no-temporal-rnn", base.toBuilder().activation(Activation.TANH).directions(diagonal)
                .recurrence(true, false).build());
        m.put("concat-directions-1-no-spatial-rnn", base.toBuilder().merge(Merge.CONCAT)
                .directions(List.of(Direction.TOP_RIGHT)).recurrence(false, true).build());
        m.put("tanh-no-rnn-proximal-3x4", base.toBuilder().activation(Activation.TANH).recurrence(false, false)
                .sparsity(SparsityMode.PROXIMAL, 0.01, 0.02).layout(Layouts.lattice(3, 4), 2).build());
        m.put("holes-concat-tanh-t-1", base.toBuilder().layout(holes(), 3).merge(Merge.CONCAT)
                .activation(Activation.TANH).steps(1).build());
        m.put("sizes-4-3-2-3-c-4", base.toBuilder().sizes(4, 3, 2, 3).classes(4).steps(4)
                .directions(List.of(Direction.BOTTOM_RIGHT, Direction.TOP_LEFT, Direction.TOP_RIGHT)).build());
        return Collections.unmodifiableMap(m);
    }

    /** Every case, in a fixed order. */
    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        ALL.forEach((name, config) -> out.add(new Case(name, config)));
        return out;
    }

    /** The case with this name. */
    static StrnnConfig named(String name) {
        StrnnConfig c = ALL.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no configuration named " + name + " (known: " + ALL.keySet() + ")");
        }
        return c;
    }
}
