package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Tensor;
import org.strnn.formats.Json;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;
import org.strnn.model.SparsityMode;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnFile;
import org.strnn.model.StrnnModel;
import org.strnn.plot.Colormap;
import org.strnn.plot.ElectrodeSaliency;
import org.strnn.plot.LayoutMapAccess;
import org.strnn.plot.LayoutMapPlot;
import org.strnn.plot.LearningCurveAccess;
import org.strnn.plot.LearningCurvePlot;

/**
 * The pictures say what they show and draw what they say: the loss follows a log axis, a weight
 * map's colours start at 0, a run's curves mark its selected epoch where that epoch is, and its
 * saliency map colours each patch by the saved model's saliency.
 */
class PicturesTest {

    @TempDir
    Path tmp;

    @Test
    void aLargeFirstEpochLossGetsALogAxis() {
        LearningCurvePlot wide = new LearningCurvePlot("t").loss(new double[] {923, 2, 1.5, 1.2},
                new double[] {36, 1.9, 1.4, 1.3}).accuracy(new double[] {.3, .5, .6, .7}, new double[] {.3, .4, .5, .6});
        assertTrue(LearningCurveAccess.logLoss(wide));
        LearningCurvePlot narrow = new LearningCurvePlot("t").loss(new double[] {1.1, 1.0}, new double[] {1.2, 1.1})
                .accuracy(new double[] {.3, .5}, new double[] {.3, .4});
        assertFalse(LearningCurveAccess.logLoss(narrow));

        // What is drawn follows log10 of the loss: the drop from epoch 2 to 4 (2 -> 1.2) is
        // log(2/1.2) / log(923/2) = 0.083 of the drop from epoch 1 to 2. On a linear axis it would
        // be 0.0009, less than a pixel.
        BufferedImage image = wide.render();
        Rectangle2D loss = LearningCurveAccess.lossArea();
        double[] y = new double[5];
        for (int epoch : new int[] {1, 2, 4}) {
            double x = LearningCurveAccess.epochX(loss, epoch, 4);
            y[epoch] = LearningCurveAccess.trainY(image, new Rectangle2D.Double(x - 1, loss.getY() + 3, 2,
                    loss.getHeight() - 6));
        }
        double ratio = (y[4] - y[2]) / (y[2] - y[1]);
        double expected = Math.log(2 / 1.2) / Math.log(923 / 2.0);
        assertEquals(expected, ratio, 0.25 * expected, "train loss drawn at y " + y[1] + ", " + y[2] + ", " + y[4]);
    }

    @Test
    void weightMapsStartTheirColourScaleAtZero() {
        double[] values = new double[Layouts.seed62().size()];
        java.util.Arrays.fill(values, 1.0);
        values[0] = 2.0;
        double[] t = LayoutMapAccess.positions(new LayoutMapPlot(Layouts.seed62(), values).fromZero());
        assertEquals(1.0, t[0], 0.0);
        assertEquals(0.5, t[1], 0.0, "half the maximum is half the scale, not its bottom");
        assertEquals(0.0, LayoutMapAccess.positions(new LayoutMapPlot(Layouts.seed62(), values))[1], 0.0);

        // And the picture shows it: from zero, a 1.0 gets viridis' middle; from the minimum, its bottom.
        LayoutMapPlot fromZero = new LayoutMapPlot(Layouts.seed62(), values).fromZero();
        BufferedImage zero = fromZero.render();
        LayoutMapAccess.assertColour(Colormap.VIRIDIS.rgb(1), LayoutMapAccess.swatch(fromZero, zero, 0), 2, "2.0 of 2.0");
        LayoutMapAccess.assertColour(Colormap.VIRIDIS.rgb(0.5), LayoutMapAccess.swatch(fromZero, zero, 1), 2,
                "1.0 of 2.0, from zero");
        LayoutMapPlot fromMin = new LayoutMapPlot(Layouts.seed62(), values);
        LayoutMapAccess.assertColour(Colormap.VIRIDIS.rgb(0), LayoutMapAccess.swatch(fromMin, fromMin.render(), 1), 2,
                "1.0, the minimum");
    }

    @Test
    void titlesSayWhatIsShown() {
        assertEquals("patch", Pictures.vertexWord(Layouts.lattice(6, 6)));
        assertEquals("electrode", Pictures.vertexWord(Layouts.seed62()));
        assertEquals("electrode", Pictures.vertexWord(Layouts.cap64()));
        StrnnConfig c = StrnnConfig.seedDefaults();
        assertTrue(Pictures.lossTitle(c).contains("train: cross-entropy + L1 penalty; test: cross-entropy"));
        StrnnConfig none = c.toBuilder().sparsity(SparsityMode.NONE, 0, 0).build();
        assertEquals("Loss (cross-entropy)", Pictures.lossTitle(none));
        assertFalse(c.describe().startsWith("STRNN: "));
    }

    @Test
    void aFacesShapedRunDrawsItsPictures() throws java.io.IOException {
        Path out = tmp.resolve("faces");
        CliRunner.Result r = CliRunner.run("train", "--data", "synthetic:train=48,test=24,layout=lattice6x6", "--ds",
                "4", "--ks", "2", "--dt", "4", "--kt", "2", "--batch", "16", "--epochs", "2", "--quiet", "--out",
                out.toString());
        assertEquals(0, r.exit(), r.toString());
        for (String f : new String[] {"curves.png", "saliency.png", "temporal.png", "attribution.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(readQuietly(
                out.resolve("saliency.png")), 4));

        // curves.png marks the selected epoch (from result.json) at its x position in both panels.
        Map<String, Object> result = Json.parseObject(Files.readString(out.resolve("result.json")));
        int selected = (int) (long) (Long) result.get("selected_epoch");
        int epochs = ((List<?>) result.get("history")).size();
        assertEquals(2, epochs);
        BufferedImage curves = ImageIO.read(out.resolve("curves.png").toFile());
        for (Rectangle2D area : new Rectangle2D[] {LearningCurveAccess.lossArea(), LearningCurveAccess.accuracyArea()}) {
            assertEquals(LearningCurveAccess.epochX(area, selected, epochs),
                    LearningCurveAccess.markerColumn(curves, area) + 0.5, 1.5, "selected epoch " + selected + " in " + area);
        }

        // saliency.png colours each patch by the saved model's saliency (largest = 1, scale from 0).
        StrnnModel model = StrnnFile.load(out.resolve("model.npz")).model();
        List<double[][]> gs = new ArrayList<>();
        for (Tensor g : model.spatialProjections()) {
            gs.add(g.toArray());
        }
        double[] saliency = ElectrodeSaliency.of(gs);
        Layout lattice = model.config().layout();
        BufferedImage picture = ImageIO.read(out.resolve("saliency.png").toFile());
        LayoutMapPlot geometry = new LayoutMapPlot(lattice, saliency);
        for (int v = 0; v < lattice.size(); v++) {
            LayoutMapAccess.assertColour(Colormap.VIRIDIS.rgb(saliency[v]), LayoutMapAccess.swatch(geometry, picture, v),
                    2, "patch " + v + ", saliency " + saliency[v]);
        }
    }

    private static byte[] readQuietly(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
