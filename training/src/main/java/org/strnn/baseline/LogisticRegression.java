package org.strnn.baseline;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Multinomial logistic regression with an L2 penalty, the objective of scikit-learn's
 * {@code LogisticRegression(C=c)} (multinomial, intercept not penalised):
 * {@code sum_i -ln softmax(W x_i + b)[y_i] + |W|^2 / (2c)}. The objective is strictly convex,
 * so its minimiser is unique; it is found with L-BFGS (memory 10, backtracking Armijo line
 * search) until the largest gradient component falls below {@code 1e-8} times the sample count
 * or 2,000 iterations pass.
 */
public final class LogisticRegression extends Classifier {

    /** scikit-learn's default inverse regularisation strength. */
    public static final double DEFAULT_C = 1.0;

    private static final int MEMORY = 10;
    private static final int MAX_ITERATIONS = 2000;

    private final int iterations;

    private LogisticRegression(double[][] coef, double[] intercept, int iterations) {
        super(coef, intercept);
        this.iterations = iterations;
    }

    /** Fits on rows {@code x} with labels {@code y} in {@code [0, classes)}. */
    public static LogisticRegression fit(double[][] x, int[] y, int classes, double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("logistic regression: C must be positive and finite, got " + c);
        }
        Objective f = new Objective(x, y, classes, 1.0 / c);
        int dim = classes * (x[0].length + 1);
        double[] w = new double[dim];
        double[] g = new double[dim];
        double value = f.evaluate(w, g);
        Deque<double[][]> memory = new ArrayDeque<>();
        double tolerance = 1e-8 * x.length;
        int it = 0;
        while (it < MAX_ITERATIONS && maxAbs(g) > tolerance) {
            it++;
            double[] d = direction(g, memory);
            double slope = dot(g, d);
            if (slope >= 0) {
                memory.clear();
                d = negate(g);
                slope = dot(g, d);
            }
            double step = it == 1 ? Math.min(1.0, 1.0 / Math.sqrt(dot(g, g))) : 1.0;
            double[] wNew = new double[dim];
            double[] gNew = new double[dim];
            double vNew;
            int tries = 0;
            while (true) {
                for (int k = 0; k < dim; k++) {
                    wNew[k] = w[k] + step * d[k];
                }
                vNew = f.evaluate(wNew, gNew);
                if (vNew <= value + 1e-4 * step * slope || ++tries > 60) {
                    break;
                }
                step *= 0.5;
            }
            if (tries > 60) {
                break;
            }
            double[] s = new double[dim];
            double[] yy = new double[dim];
            for (int k = 0; k < dim; k++) {
                s[k] = wNew[k] - w[k];
                yy[k] = gNew[k] - g[k];
            }
            if (dot(s, yy) > 1e-12) {
                memory.addLast(new double[][] {s, yy});
                if (memory.size() > MEMORY) {
                    memory.removeFirst();
                }
            }
            w = wNew;
            g = gNew;
            value = vNew;
        }
        int p = x[0].length;
        double[][] coef = new double[classes][p];
        double[] intercept = new double[classes];
        for (int k = 0; k < classes; k++) {
            System.arraycopy(w, k * p, coef[k], 0, p);
            intercept[k] = w[classes * p + k];
        }
        return new LogisticRegression(coef, intercept, it);
    }

    /** The two-loop recursion: an approximation of {@code -H^-1 g}. */
    private static double[] direction(double[] g, Deque<double[][]> memory) {
        double[] q = g.clone();
        int m = memory.size();
        double[] alpha = new double[m];
        double[][][] pairs = memory.toArray(new double[0][][]);
        for (int i = m - 1; i >= 0; i--) {
            double rho = 1 / dot(pairs[i][1], pairs[i][0]);
            alpha[i] = rho * dot(pairs[i][0], q);
            axpy(-alpha[i], pairs[i][1], q);
        }
        if (m > 0) {
            double gamma = dot(pairs[m - 1][0], pairs[m - 1][1]) / dot(pairs[m - 1][1], pairs[m - 1][1]);
            for (int k = 0; k < q.length; k++) {
                q[k] *= gamma;
            }
        }
        for (int i = 0; i < m; i++) {
            double rho = 1 / dot(pairs[i][1], pairs[i][0]);
            double beta = rho * dot(pairs[i][1], q);
            axpy(alpha[i] - beta, pairs[i][0], q);
        }
        return negate(q);
    }

    /** The penalised negative log-likelihood and its gradient; weights are C rows of p, then C intercepts. */
    private record Objective(double[][] x, int[] y, int classes, double penalty) {
        double evaluate(double[] w, double[] grad) {
            int p = x[0].length;
            java.util.Arrays.fill(grad, 0.0);
            double value = 0;
            double[] z = new double[classes];
            for (int i = 0; i < x.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    double s = w[classes * p + k];
                    int base = k * p;
                    for (int j = 0; j < p; j++) {
                        s += w[base + j] * x[i][j];
                    }
                    z[k] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    sum += Math.exp(z[k] - max);
                }
                double logSum = max + Math.log(sum);
                value += logSum - z[y[i]];
                for (int k = 0; k < classes; k++) {
                    double r = Math.exp(z[k] - logSum) - (k == y[i] ? 1 : 0);
                    int base = k * p;
                    for (int j = 0; j < p; j++) {
                        grad[base + j] += r * x[i][j];
                    }
                    grad[classes * p + k] += r;
                }
            }
            for (int k = 0; k < classes * p; k++) {
                value += 0.5 * penalty * w[k] * w[k];
                grad[k] += penalty * w[k];
            }
            return value;
        }
    }

    /** L-BFGS iterations the fit took. */
    public int iterations() {
        return iterations;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
