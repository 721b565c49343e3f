package org.strnn.autograd;

/** A NaN or infinity found by {@link Anomaly} mode; the message names the op that made it. */
public final class AnomalyException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public AnomalyException(String message) {
        super(message);
    }
}
