package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.layout.Layouts;
import org.strnn.model.SparsityMode;
import org.strnn.model.StrnnConfig;
import org.strnn.plot.LayoutMapPlot;
import org.strnn.plot.LayoutMapAccess;
import org.strnn.plot.LearningCurveAccess;
import org.strnn.plot.LearningCurvePlot;

/** The pictures say what they show: log loss axis, labelled losses, colour scale from 0, the right words. */
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
        wide.render();
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
    void aFacesShapedRunDrawsItsPictures() {
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
    }

    private static byte[] readQuietly(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
