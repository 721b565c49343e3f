package org.strnn.plot;

/** Test access to package-private decisions of the plots. */
public final class LearningCurveAccess {

    private LearningCurveAccess() {
    }

    public static boolean logLoss(LearningCurvePlot plot) {
        return plot.logLoss();
    }
}
