package org.strnn.autograd;

/** Shape preconditions whose messages name the op and the shapes involved. */
final class ShapeCheck {

    private ShapeCheck() {
    }

    static void sameShape(String op, Tensor a, Tensor b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(op + ": shapes " + a.shape() + " and " + b.shape() + " differ");
        }
    }

    static void require(boolean ok, String op, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(op + ": " + problem);
        }
    }
}
