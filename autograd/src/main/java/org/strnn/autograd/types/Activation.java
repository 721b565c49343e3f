package org.strnn.autograd.types;

/** The nonlinearity of a fused recurrence; the derivative is computed from the output y. */
public enum Activation {
    /** y = max(x, 0); y' = 1 where y > 0, else 0 (relu'(0) = 0). */
    RELU {
        @Override
        public double apply(double x) {
            return x > 0 ? x : 0.0;
        }

        @Override
        public double derivativeFromOutput(double y) {
            return y > 0 ? 1.0 : 0.0;
        }
    },
    /** y = tanh(x); y' = 1 - y^2. */
    TANH {
        @Override
        public double apply(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivativeFromOutput(double y) {
            return 1 - y * y;
        }
    };

    public abstract double apply(double x);

    public abstract double derivativeFromOutput(double y);
}
