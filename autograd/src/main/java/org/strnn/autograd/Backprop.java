package org.strnn.autograd;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * The reverse sweep. A node's backward runs only after every node that consumes it has run, so its
 * gradient is complete. The order is a reverse post-order of an iterative depth-first search over
 * ordered parent lists, with an identity-based visited set: no recursion, and the same graph is
 * always swept in the same order, so results are bit-identical from run to run.
 */
final class Backprop {

    private Backprop() {
    }

    /**
     * Gradients of intermediate tensors are temporaries of one sweep: they start from zero and are
     * released once pushed to the parents, so sweeping a graph twice adds its gradient to the
     * leaves twice, and memory is returned as the sweep goes.
     */
    static void run(Tensor root, DMatrixRMaj upstream) {
        List<Tensor> order = topologicalOrder(root);
        for (Tensor node : order) {
            if (!node.isLeaf()) {
                node.releaseGrad();
            }
        }
        Tensor.accumulate(root, upstream);
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor node = order.get(i);
            Backward fn = node.backwardFunction();
            if (fn == null || !node.hasGrad()) {
                continue;
            }
            fn.apply(node.gradBuffer());
            Anomaly.checkBackward(node);
            node.releaseGrad();
        }
    }

    /** Post-order: every node after all of its parents. Only nodes that require a gradient. */
    static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        // The explicit stack: a frame is a node and the index of its next parent to visit.
        ObjectArrayList<Tensor> nodes = new ObjectArrayList<>();
        IntArrayList next = new IntArrayList();
        visited.add(root);
        nodes.push(root);
        next.push(0);
        while (!nodes.isEmpty()) {
            int top = nodes.size() - 1;
            Tensor node = nodes.get(top);
            int cursor = next.getInt(top);
            Tensor[] parents = node.parentArray();
            if (cursor < parents.length) {
                next.set(top, cursor + 1);
                Tensor p = parents[cursor];
                if (p.requiresGrad() && visited.add(p)) {
                    nodes.push(p);
                    next.push(0);
                }
            } else {
                nodes.pop();
                next.popInt();
                order.add(node);
            }
        }
        return order;
    }
}
