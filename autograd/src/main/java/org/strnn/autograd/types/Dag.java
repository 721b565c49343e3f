package org.strnn.autograd.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A directed acyclic graph over vertices {@code 0..n-1}, given by each vertex's ordered
 * predecessor list, with a level schedule: a vertex's level is 0 if it has no predecessors, else
 * one more than its deepest predecessor's. Vertices of one level do not depend on each other, so
 * a recurrence over the DAG can compute a whole level in one step.
 */
public final class Dag {

    private final int[][] predecessors;
    private final int[][] levels;
    private final int[] levelOf;
    private final int[] order;
    private final int[][] successors;

    private Dag(int[][] predecessors, int[][] levels, int[] levelOf) {
        this.predecessors = predecessors;
        int n = predecessors.length;
        int[] outDegree = new int[n];
        for (int[] p : predecessors) {
            for (int u : p) {
                outDegree[u]++;
            }
        }
        this.successors = new int[n][];
        for (int u = 0; u < n; u++) {
            successors[u] = new int[outDegree[u]];
        }
        int[] fill = new int[n];
        for (int v = 0; v < n; v++) {
            for (int u : predecessors[v]) {
                successors[u][fill[u]++] = v;
            }
        }
        this.levels = levels;
        this.levelOf = levelOf;
        this.order = new int[predecessors.length];
        int at = 0;
        for (int[] level : levels) {
            System.arraycopy(level, 0, order, at, level.length);
            at += level.length;
        }
    }

    /**
     * Builds the DAG and its schedule. Rejects out-of-range or repeated predecessors, self loops
     * and cycles.
     */
    public static Dag fromPredecessors(int[][] predecessors) {
        int n = predecessors.length;
        int[][] preds = new int[n][];
        for (int v = 0; v < n; v++) {
            preds[v] = predecessors[v].clone();
            for (int k = 0; k < preds[v].length; k++) {
                int u = preds[v][k];
                if (u < 0 || u >= n) {
                    throw new IllegalArgumentException("vertex " + v + " has predecessor " + u + ", outside [0, " + n + ")");
                }
                if (u == v) {
                    throw new IllegalArgumentException("vertex " + v + " is its own predecessor");
                }
                for (int k2 = 0; k2 < k; k2++) {
                    if (preds[v][k2] == u) {
                        throw new IllegalArgumentException("vertex " + v + " lists predecessor " + u + " twice");
                    }
                }
            }
        }
        // Longest-path levels by repeated relaxation in Kahn order.
        int[] indegree = new int[n];
        List<List<Integer>> successors = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            successors.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            indegree[v] = preds[v].length;
            for (int u : preds[v]) {
                successors.get(u).add(v);
            }
        }
        int[] levelOf = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (indegree[v] == 0) {
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int u = queue[head++];
            for (int v : successors.get(u)) {
                levelOf[v] = Math.max(levelOf[v], levelOf[u] + 1);
                if (--indegree[v] == 0) {
                    queue[tail++] = v;
                }
            }
        }
        if (tail < n) {
            throw new IllegalArgumentException("the predecessor lists contain a cycle (" + (n - tail)
                    + " vertices are on or behind it)");
        }
        int depth = 0;
        for (int v = 0; v < n; v++) {
            depth = Math.max(depth, levelOf[v] + 1);
        }
        int[] counts = new int[depth];
        for (int v = 0; v < n; v++) {
            counts[levelOf[v]]++;
        }
        int[][] levels = new int[depth][];
        for (int l = 0; l < depth; l++) {
            levels[l] = new int[counts[l]];
        }
        int[] fill = new int[depth];
        for (int v = 0; v < n; v++) {
            levels[levelOf[v]][fill[levelOf[v]]++] = v;
        }
        return new Dag(preds, levels, levelOf);
    }

    /** Number of vertices. */
    public int size() {
        return predecessors.length;
    }

    /** The predecessors of v, in the order given. */
    public int[] predecessors(int v) {
        return predecessors[v].clone();
    }

    int[] predecessorsUnsafe(int v) {
        return predecessors[v];
    }

    /** The vertices that list v as a predecessor, in increasing order. */
    public int[] successors(int v) {
        return successors[v].clone();
    }

    int[] successorsUnsafe(int v) {
        return successors[v];
    }

    /** Total number of predecessor links. */
    public int linkCount() {
        int links = 0;
        for (int[] p : predecessors) {
            links += p.length;
        }
        return links;
    }

    /** Number of levels: the sequential steps a level-batched recurrence takes. */
    public int depth() {
        return levels.length;
    }

    /** The vertices of level l, in increasing order. */
    public int[] level(int l) {
        return levels[l].clone();
    }

    int[] levelUnsafe(int l) {
        return levels[l];
    }

    /** Every vertex, level by level: a topological order (each vertex after its predecessors). */
    public int[] order() {
        return order.clone();
    }

    int[] orderUnsafe() {
        return order;
    }

    /** The level of vertex v. */
    public int levelOf(int v) {
        return levelOf[v];
    }

    /** {@code histogram[k]} = number of vertices with k predecessors. */
    public int[] inDegreeHistogram() {
        int max = 0;
        for (int[] p : predecessors) {
            max = Math.max(max, p.length);
        }
        int[] hist = new int[max + 1];
        for (int[] p : predecessors) {
            hist[p.length]++;
        }
        return hist;
    }

    /** The largest number of vertices on one level. */
    public int widestLevel() {
        int w = 0;
        for (int[] l : levels) {
            w = Math.max(w, l.length);
        }
        return w;
    }

    @Override
    public String toString() {
        return "Dag(" + size() + " vertices, " + linkCount() + " links, " + depth() + " levels, in-degrees "
                + Arrays.toString(inDegreeHistogram()) + ")";
    }
}
