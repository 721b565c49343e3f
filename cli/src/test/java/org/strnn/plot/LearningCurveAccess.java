package org.strnn.plot;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Test access to package-private decisions and geometry of the learning-curve plot. */
public final class LearningCurveAccess {

    private LearningCurveAccess() {
    }

    public static boolean logLoss(LearningCurvePlot plot) {
        return plot.logLoss();
    }

    public static Rectangle2D lossArea() {
        return LearningCurvePlot.lossArea();
    }

    public static Rectangle2D accuracyArea() {
        return LearningCurvePlot.accuracyArea();
    }

    /** The horizontal pixel position of {@code epoch} in a panel drawing {@code epochs} epochs. */
    public static double epochX(Rectangle2D area, double epoch, int epochs) {
        return LearningCurvePlot.epochX(area, epoch, epochs);
    }

    public static Color train() {
        return LearningCurvePlot.TRAIN;
    }

    /** Mean row of the training curve's pixels in {@code area}; NaN when there are none. */
    public static double trainY(BufferedImage image, Rectangle2D area) {
        return Pixels.meanY(image, area, LearningCurvePlot.TRAIN, 12);
    }

    /** The column of {@code area} (clear of its frame) where the selected-epoch line is drawn. */
    public static int markerColumn(BufferedImage image, Rectangle2D area) {
        return Pixels.densestColumn(image, area, 3, LearningCurvePlot.BEST, 40);
    }
}
