package org.strnn.autograd;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.check.Gen;
import org.strnn.autograd.types.Activation;
import org.strnn.autograd.types.Dag;

/** Random DAGs and a plain reference implementation of the DAG recurrence, for tests. */
final class DagFixtures {

    private DagFixtures() {
    }

    /** A random DAG on 1..maxVertices vertices: each vertex may take predecessors among lower indices, shuffled. */
    static Dag randomDag(Gen gen, int maxVertices) {
        int n = gen.intBetween(1, maxVertices);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = gen.intBetween(0, i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[][] preds = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> p = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (gen.intBetween(0, 2) == 0) {
                    p.add(perm[j]);
                }
            }
            preds[perm[i]] = p.stream().mapToInt(Integer::intValue).toArray();
        }
        return Dag.fromPredecessors(preds);
    }

    /**
     * The recurrence composed from primitive ops, one vertex at a time in level order: the
     * reference the fused op must match.
     */
    static Tensor composed(Tensor xw, Tensor w, Tensor b, Dag dag, Activation act) {
        int n = dag.size();
        int h = w.rows();
        Tensor[] hs = new Tensor[n];
        for (int l = 0; l < dag.depth(); l++) {
            for (int v : dag.level(l)) {
                Tensor pre = Ops.addRow(Ops.sliceCols(xw, v * h, h), b);
                int[] preds = dag.predecessors(v);
                if (preds.length > 0) {
                    Tensor sum = hs[preds[0]];
                    for (int k = 1; k < preds.length; k++) {
                        sum = Ops.add(sum, hs[preds[k]]);
                    }
                    pre = Ops.add(pre, Ops.matmulTransB(sum, w));
                }
                hs[v] = Ops.activate(pre, act);
            }
        }
        return Ops.concatCols(List.of(hs));
    }

    /** The smallest |pre-activation| of the relu recurrence at this point. */
    static double smallestPreActivation(Dag dag, DMatrixRMaj xw, DMatrixRMaj w, DMatrixRMaj b) {
        int n = dag.size();
        int h = w.numRows;
        int rows = xw.numRows;
        double smallest = Double.POSITIVE_INFINITY;
        double[][] hv = new double[n][];
        for (int i = 0; i < rows; i++) {
            for (int l = 0; l < dag.depth(); l++) {
                for (int v : dag.level(l)) {
                    double[] s = new double[h];
                    for (int u : dag.predecessors(v)) {
                        for (int j = 0; j < h; j++) {
                            s[j] += hv[u][j];
                        }
                    }
                    hv[v] = new double[h];
                    for (int a = 0; a < h; a++) {
                        double pre = xw.get(i, v * h + a) + b.get(0, a);
                        for (int j = 0; j < h; j++) {
                            pre += w.get(a, j) * s[j];
                        }
                        smallest = Math.min(smallest, Math.abs(pre));
                        hv[v][a] = Math.max(pre, 0);
                    }
                }
            }
        }
        return smallest;
    }
}
