package org.strnn.autograd.check;

/** An analytic gradient that disagrees with finite differences; the message says where and by how much. */
public final class GradCheckFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    public GradCheckFailure(String message) {
        super(message);
    }
}
