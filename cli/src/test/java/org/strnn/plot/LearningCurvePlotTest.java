package org.strnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurvePlotTest {

    /** Antialiasing blends line edges; the core of a 2.5 px line and every marker keep the exact colour. */
    private static final int TOLERANCE = 12;

    @TempDir
    Path dir;

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static double[] ramp(int n, double from, double to) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = from + (to - from) * i / Math.max(1, n - 1);
        }
        return a;
    }

    /** The slice of {@code area} between two x positions. */
    private static Rectangle2D columns(Rectangle2D area, double x0, double x1) {
        return new Rectangle2D.Double(x0, area.getY(), x1 - x0, area.getHeight());
    }

    @Test
    void rendersBothPanelsWithTrainAndTestCurves() throws IOException {
        int n = 30;
        BufferedImage image = Pixels.roundTrip(new LearningCurvePlot("thirty epochs")
                .loss(ramp(n, 1.2, 0.1), ramp(n, 1.3, 0.6))
                .accuracy(ramp(n, 0.4, 0.99), ramp(n, 0.35, 0.85))
                .bestEpoch(20)
                .render(), dir, "curves.png");
        assertEquals(LearningCurvePlot.WIDTH, image.getWidth());
        assertEquals(LearningCurvePlot.HEIGHT, image.getHeight());
        for (Rectangle2D area : new Rectangle2D[] {LearningCurvePlot.lossArea(), LearningCurvePlot.accuracyArea()}) {
            assertTrue(Pixels.count(image, area, LearningCurvePlot.TRAIN, TOLERANCE) > 300, "train curve in " + area);
            assertTrue(Pixels.count(image, area, LearningCurvePlot.TEST, TOLERANCE) > 200, "test curve in " + area);
        }
    }

    @Test
    void aHigherValueIsDrawnHigher() throws IOException {
        int n = 10;
        // Train loss rises, test loss falls; train accuracy sits above test accuracy throughout.
        BufferedImage image = Pixels.roundTrip(new LearningCurvePlot("directions")
                .loss(ramp(n, 0.2, 1.0), ramp(n, 1.0, 0.2))
                .accuracy(constant(n, 0.9), constant(n, 0.5))
                .render(), dir, "directions.png");
        Rectangle2D loss = LearningCurvePlot.lossArea();
        double first = LearningCurvePlot.epochX(loss, 1, n);
        double last = LearningCurvePlot.epochX(loss, n, n);
        Rectangle2D start = columns(loss, first - 4, first + 5);
        Rectangle2D end = columns(loss, last - 5, last + 4);
        double trainStart = Pixels.meanY(image, start, LearningCurvePlot.TRAIN, TOLERANCE);
        double trainEnd = Pixels.meanY(image, end, LearningCurvePlot.TRAIN, TOLERANCE);
        double testStart = Pixels.meanY(image, start, LearningCurvePlot.TEST, TOLERANCE);
        double testEnd = Pixels.meanY(image, end, LearningCurvePlot.TEST, TOLERANCE);
        assertTrue(trainEnd < trainStart - 100, "rising train loss: y " + trainStart + " -> " + trainEnd);
        assertTrue(testEnd > testStart + 100, "falling test loss: y " + testStart + " -> " + testEnd);

        Rectangle2D acc = LearningCurvePlot.accuracyArea();
        double train = Pixels.meanY(image, acc, LearningCurvePlot.TRAIN, TOLERANCE);
        double test = Pixels.meanY(image, acc, LearningCurvePlot.TEST, TOLERANCE);
        assertTrue(train < test - 100, "90 % must sit above 50 %: y " + train + " vs " + test);
    }

    @Test
    void theSelectedEpochIsMarkedAtItsXPositionInBothPanels() throws IOException {
        int n = 12;
        int selected = 7;
        BufferedImage image = Pixels.roundTrip(new LearningCurvePlot("marker")
                .loss(ramp(n, 1.5, 0.4), ramp(n, 1.6, 0.7))
                .accuracy(ramp(n, 0.4, 0.9), ramp(n, 0.35, 0.7))
                .selectedEpoch(selected, "validation")
                .render(), dir, "marker.png");
        Rectangle2D[] panels = {LearningCurvePlot.lossArea(), LearningCurvePlot.accuracyArea()};
        for (Rectangle2D area : panels) {
            double want = LearningCurvePlot.epochX(area, selected, n);
            // The dashed vertical line is the only tall run of its grey; the curves cross it once.
            int column = Pixels.densestColumn(image, area, 3, LearningCurvePlot.BEST, 40);
            assertEquals(want, column + 0.5, 1.5, "the selected-epoch line in " + area);
            double neighbour = LearningCurvePlot.epochX(area, selected + 1, n) - want;
            assertTrue(neighbour > 20, "epochs are " + neighbour + " px apart, so a line one epoch off fails");
        }
        // In the accuracy panel a ring of the same grey circles the selected epoch's test accuracy.
        Rectangle2D acc = LearningCurvePlot.accuracyArea();
        double x = LearningCurvePlot.epochX(acc, selected, n);
        // Left of the dashed line, and clear of the frame, whose blended edge is also grey.
        Rectangle2D left = new Rectangle2D.Double(x - 9, acc.getY() + 3, 4, acc.getHeight() - 6);
        double ringY = Pixels.meanY(image, left, LearningCurvePlot.BEST, 40);
        double testY = Pixels.meanY(image, new Rectangle2D.Double(x - 2, acc.getY() + 3, 4, acc.getHeight() - 6),
                LearningCurvePlot.TEST, TOLERANCE);
        assertEquals(testY, ringY, 3.0, "the ring sits on the test curve at the selected epoch");
    }

    @Test
    void withoutASelectedEpochNoMarkerIsDrawn() {
        int n = 12;
        BufferedImage image = new LearningCurvePlot("no marker")
                .loss(ramp(n, 1.5, 0.4), ramp(n, 1.6, 0.7))
                .accuracy(ramp(n, 0.4, 0.9), ramp(n, 0.35, 0.7))
                .render();
        for (Rectangle2D area : new Rectangle2D[] {LearningCurvePlot.lossArea(), LearningCurvePlot.accuracyArea()}) {
            Rectangle2D inside = new Rectangle2D.Double(area.getX() + 3, area.getY() + 3, area.getWidth() - 6,
                    area.getHeight() - 6);
            assertEquals(0, Pixels.count(image, inside, LearningCurvePlot.BEST, 40), "no marker grey in " + area);
        }
    }

    @Test
    void aMissingEpochBreaksTheLine() throws IOException {
        int n = 9;
        double[] test = ramp(n, 1.0, 0.2);
        test[4] = Double.NaN;
        BufferedImage image = Pixels.roundTrip(new LearningCurvePlot("gap")
                .loss(constant(n, 0.5), test)
                .accuracy(constant(n, 0.6), constant(n, 0.55))
                .render(), dir, "gap.png");
        Rectangle2D loss = LearningCurvePlot.lossArea();
        double x4 = LearningCurvePlot.epochX(loss, 4, n);
        double x6 = LearningCurvePlot.epochX(loss, 6, n);
        double x2 = LearningCurvePlot.epochX(loss, 2, n);
        double x3 = LearningCurvePlot.epochX(loss, 3, n);
        // Clear of the markers at epochs 4 and 6, nothing of the test colour may be drawn.
        assertEquals(0, Pixels.count(image, columns(loss, x4 + 8, x6 - 8), LearningCurvePlot.TEST, TOLERANCE));
        assertTrue(Pixels.count(image, columns(loss, x2 + 8, x3 - 8), LearningCurvePlot.TEST, TOLERANCE) > 0,
                "the segment between epochs 2 and 3 is drawn");
    }

    @Test
    void oneEpochIsDrawnAsMarkers() throws IOException {
        BufferedImage image = Pixels.roundTrip(new LearningCurvePlot("one")
                .loss(new double[] {0.9}, new double[] {1.1})
                .accuracy(new double[] {0.5}, new double[] {0.45})
                .bestEpoch(1)
                .render(), dir, "one.png");
        for (Rectangle2D area : new Rectangle2D[] {LearningCurvePlot.lossArea(), LearningCurvePlot.accuracyArea()}) {
            assertTrue(Pixels.count(image, area, LearningCurvePlot.TRAIN, TOLERANCE) >= 20, "train marker in " + area);
            assertTrue(Pixels.count(image, area, LearningCurvePlot.TEST, TOLERANCE) >= 20, "test marker in " + area);
        }
    }

    @Test
    void manyEpochsRender() {
        int n = 500;
        BufferedImage image = new LearningCurvePlot("long")
                .loss(ramp(n, 2, 0.1), ramp(n, 2, 0.5))
                .accuracy(ramp(n, 0.3, 1), ramp(n, 0.3, 0.8))
                .render();
        assertTrue(Pixels.count(image, LearningCurvePlot.lossArea(), LearningCurvePlot.TRAIN, TOLERANCE) > 500);
    }

    @Test
    void theSummaryLabelsLastAndBestEpochTestAccuracy() {
        double[] test = {0.40, 0.80, 0.70};
        LearningCurvePlot plot = new LearningCurvePlot("s")
                .loss(constant(3, 1), constant(3, 1))
                .accuracy(constant(3, 0.5), test)
                .bestEpoch(2);
        String summary = plot.summary();
        assertTrue(summary.contains("last epoch (3): 70.0 %"), summary);
        assertTrue(summary.contains("best epoch (2, selected on test): 80.0 %"), summary);
        String withoutBest = new LearningCurvePlot("s").loss(constant(3, 1), constant(3, 1))
                .accuracy(constant(3, 0.5), test).summary();
        assertTrue(withoutBest.contains("last epoch (3): 70.0 %") && !withoutBest.contains("best"), withoutBest);
    }

    @Test
    void rejectsBadSeries() {
        double[] ok = constant(3, 0.5);
        Pixels.assertRejected(() -> new LearningCurvePlot("t").loss(new double[0], ok), "train loss", "no epochs");
        Pixels.assertRejected(() -> new LearningCurvePlot("t").loss(ok, constant(3, Double.NaN)), "test loss", "all NaN");
        Pixels.assertRejected(() -> new LearningCurvePlot("t").loss(ok, new double[] {1, Double.POSITIVE_INFINITY, 1}),
                "test loss", "epoch 2");
        Pixels.assertRejected(() -> new LearningCurvePlot("t").accuracy(new double[] {50, 60, 70}, ok),
                "train accuracy", "fractions");
        Pixels.assertRejected(() -> new LearningCurvePlot("t").loss(ok, ok).accuracy(ok, constant(4, 0.5)).render(),
                "test accuracy has 4 epochs", "3");
        Pixels.assertRejected(() -> new LearningCurvePlot("t").loss(ok, ok).accuracy(ok, ok).bestEpoch(4).render(),
                "best epoch 4");
        Pixels.assertRejected(() -> new LearningCurvePlot("t").bestEpoch(0), "1-based");
        double[] gap = {0.5, Double.NaN, 0.5};
        Pixels.assertRejected(() -> new LearningCurvePlot("t").loss(ok, ok).accuracy(ok, gap).bestEpoch(2).render(),
                "best epoch 2", "no test accuracy");
        assertThrows(IllegalStateException.class, () -> new LearningCurvePlot("t").loss(ok, ok).render());
    }
}
