package org.strnn.model;

import java.util.ArrayList;
import java.util.List;
import org.strnn.autograd.types.Dag;
import org.strnn.layout.Layout;

/**
 * The directed graphs the spatial RNN traverses, built from a layout (spec section 2): for each
 * direction, vertex v's predecessors are its occupied lattice neighbours at the direction's
 * offsets, in the spec's offset order.
 */
public final class SpatialGraph {

    private SpatialGraph() {
    }

    /** The predecessor lists of every vertex of {@code layout} in direction {@code dir}. */
    public static int[][] predecessors(Layout layout, Direction dir) {
        int n = layout.size();
        int[][] preds = new int[n][];
        int[][] offsets = dir.offsets();
        for (int v = 0; v < n; v++) {
            Layout.Electrode e = layout.electrode(v);
            List<Integer> p = new ArrayList<>(3);
            for (int[] o : offsets) {
                int u = layout.indexAt(e.row() + o[0], e.col() + o[1]);
                if (u >= 0) {
                    p.add(u);
                }
            }
            preds[v] = p.stream().mapToInt(Integer::intValue).toArray();
        }
        return preds;
    }

    /** The DAG of one direction, with its level schedule. */
    public static Dag dag(Layout layout, Direction dir) {
        return Dag.fromPredecessors(predecessors(layout, dir));
    }

    /** The DAGs of the given directions, in order. */
    public static List<Dag> dags(Layout layout, List<Direction> directions) {
        List<Dag> out = new ArrayList<>(directions.size());
        for (Direction d : directions) {
            out.add(dag(layout, d));
        }
        return out;
    }
}
