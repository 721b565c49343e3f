package org.strnn.baseline;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Linear discriminant analysis with Ledoit-Wolf shrinkage, as scikit-learn's
 * {@code LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")} computes it:
 * <ul>
 *   <li>for each class, its samples are centred and scaled to unit (population) variance per
 *       feature, their covariance is shrunk towards {@code mu I} with the Ledoit-Wolf (2004)
 *       intensity, and the scaling is undone;</li>
 *   <li>the shared covariance {@code S} is the prior-weighted sum of the class covariances;</li>
 *   <li>{@code coef_k = S^-1 mean_k}, {@code intercept_k = -mean_k . coef_k / 2 + ln prior_k}, and
 *       the score of {@code x} is {@code coef_k . x + intercept_k}.</li>
 * </ul>
 */
public final class ShrinkageLda extends Classifier {

    private ShrinkageLda(double[][] coef, double[] intercept) {
        super(coef, intercept);
    }

    /**
     * Fits on rows {@code x} with labels {@code y} in {@code [0, classes)}. A class without a
     * training sample has prior 0: it is never predicted (its score is minus infinity).
     */
    public static ShrinkageLda fit(double[][] x, int[] y, int classes) {
        int n = x.length;
        int p = x[0].length;
        int[] counts = new int[classes];
        double[][] means = new double[classes][p];
        for (int i = 0; i < n; i++) {
            counts[y[i]]++;
            for (int j = 0; j < p; j++) {
                means[y[i]][j] += x[i][j];
            }
        }
        for (int c = 0; c < classes; c++) {
            if (counts[c] == 0) {
                continue;
            }
            for (int j = 0; j < p; j++) {
                means[c][j] /= counts[c];
            }
        }
        DMatrixRMaj cov = new DMatrixRMaj(p, p);
        for (int c = 0; c < classes; c++) {
            if (counts[c] == 0) {
                continue;
            }
            double prior = (double) counts[c] / n;
            addClassCovariance(cov, x, y, c, counts[c], means[c], prior);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(p);
        if (!solver.setA(cov.copy())) {
            solver = LinearSolverFactory_DDRM.lu(p);
            if (!solver.setA(cov.copy())) {
                throw new IllegalArgumentException("LDA: the shrunk covariance is singular");
            }
        }
        DMatrixRMaj rhs = new DMatrixRMaj(p, classes);
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < p; j++) {
                rhs.set(j, c, means[c][j]);
            }
        }
        DMatrixRMaj sol = new DMatrixRMaj(p, classes);
        solver.solve(rhs, sol);
        double[][] coef = new double[classes][p];
        double[] intercept = new double[classes];
        for (int c = 0; c < classes; c++) {
            double dot = 0;
            for (int j = 0; j < p; j++) {
                coef[c][j] = sol.get(j, c);
                dot += coef[c][j] * means[c][j];
            }
            intercept[c] = counts[c] == 0 ? Double.NEGATIVE_INFINITY : -0.5 * dot + Math.log((double) counts[c] / n);
        }
        return new ShrinkageLda(coef, intercept);
    }

    /** Adds {@code prior * D (shrunk covariance of the scaled class) D} to {@code cov}. */
    private static void addClassCovariance(DMatrixRMaj cov, double[][] x, int[] y, int c, int count, double[] mean,
                                           double prior) {
        int p = mean.length;
        DMatrixRMaj z = new DMatrixRMaj(count, p);
        int r = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] == c) {
                for (int j = 0; j < p; j++) {
                    z.set(r, j, x[i][j] - mean[j]);
                }
                r++;
            }
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < count; i++) {
                s += z.get(i, j) * z.get(i, j);
            }
            double sd = Math.sqrt(s / count);
            scale[j] = sd > 0 ? sd : 1.0;
            for (int i = 0; i < count; i++) {
                z.set(i, j, z.get(i, j) / scale[j]);
            }
        }
        DMatrixRMaj emp = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(z, z, emp);
        CommonOps_DDRM.scale(1.0 / count, emp);
        double shrinkage = ledoitWolf(z, emp);
        double mu = CommonOps_DDRM.trace(emp) / p;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = (1 - shrinkage) * emp.get(a, b) + (a == b ? shrinkage * mu : 0.0);
                cov.add(a, b, prior * scale[a] * s * scale[b]);
            }
        }
    }

    /**
     * The Ledoit-Wolf shrinkage intensity of centred rows {@code z} with empirical covariance
     * {@code emp = z^T z / n}: {@code min(beta, delta) / delta} with
     * {@code delta = (|emp|_F^2 - p mu^2) / p} and
     * {@code beta = (sum_i |z_i|^4 / n - |emp|_F^2) / (p n)}.
     */
    static double ledoitWolf(DMatrixRMaj z, DMatrixRMaj emp) {
        int n = z.numRows;
        int p = z.numCols;
        double mu = CommonOps_DDRM.trace(emp) / p;
        double frob = 0;
        for (double v : emp.data) {
            frob += v * v;
        }
        double fourth = 0;
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int j = 0; j < p; j++) {
                sq += z.get(i, j) * z.get(i, j);
            }
            fourth += sq * sq;
        }
        double beta = (fourth / n - frob) / ((double) p * n);
        double delta = (frob - p * mu * mu) / p;
        beta = Math.min(beta, delta);
        return beta == 0 ? 0.0 : beta / delta;
    }
}
