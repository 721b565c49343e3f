package org.strnn.datasets.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

class CkPlusReaderTest {

    @TempDir
    Path root;

    private Path frame(String seq, int number, int width, int height, int level) {
        return Pngs.flat(root.resolve("cohn-kanade-images/S005/" + seq + "/S005_" + seq + "_"
                + String.format("%08d", number) + ".png"), width, height, level);
    }

    private void label(String seq, int code) {
        Pngs.text(root.resolve("Emotion/S005/" + seq + "/S005_" + seq + "_00000003_emotion.txt"),
                "   " + code + ".0000000e+00\n");
    }

    @Test
    void shortSequenceRepeatsFramesIntoSlices() {
        frame("001", 1, 6, 4, 0);
        frame("001", 2, 6, 4, 51);
        frame("001", 3, 6, 4, 255);
        label("001", 5);
        frame("002", 1, 6, 4, 0);

        CkPlusDataset data = new CkPlusReader(5, PatchGrid.pixels(1, 2, 1, 1)).read(root);
        SampleSet s = data.samples();
        assertEquals(1, s.size());
        assertEquals(5, s.steps());
        assertEquals(2, s.vertices());
        assertEquals(1, s.features());
        assertEquals(Layouts.lattice(1, 2), s.layout());
        assertEquals(CkPlusEmotion.classNames(), s.classNames());
        assertEquals(CkPlusEmotion.HAPPY.classIndex(), s.label(0));
        double[] expected = {0, 0.2, 0.2, 1, 1}; // frames 0 1 1 2 2
        for (int t = 0; t < 5; t++) {
            for (int v = 0; v < 2; v++) {
                assertEquals(expected[t], s.get(0, t, v, 0), 1e-12, "t=" + t);
            }
        }
        assertEquals(List.of("S005"), data.subjects());
        assertEquals(List.of("S005/001"), data.sequences());
        assertEquals(List.of("S005/002"), data.unlabelled());
        assertEquals(1, data.unlabelledCount());
    }

    @Test
    void framesOfDifferentSizesAreRejected() {
        frame("001", 1, 6, 4, 0);
        frame("001", 2, 6, 4, 0);
        Path odd = frame("001", 3, 5, 4, 0);
        label("001", 1);
        CkPlusCatalogTest.assertProblem(odd, "is 5x4 but S005_001_00000001.png is 6x4",
                () -> new CkPlusReader(2, PatchGrid.pixels(1, 1, 1, 1)).read(root));
    }

    @Test
    void corruptFrameIsRejected() throws IOException {
        frame("001", 1, 6, 4, 0);
        Path last = frame("001", 2, 6, 4, 0);
        byte[] bytes = Files.readAllBytes(last);
        bytes[bytes.length - 20] ^= 0x55; // break the image data's checksum region
        Files.write(last, Arrays.copyOf(bytes, bytes.length - 16));
        label("001", 1);
        CkPlusCatalogTest.assertProblem(last, "corrupt or unreadable image",
                () -> new CkPlusReader(2, PatchGrid.pixels(1, 1, 1, 1)).read(root));
    }

    @Test
    void noLabelledSequenceIsAnError() {
        frame("001", 1, 6, 4, 0);
        root.resolve("Emotion").toFile().mkdirs();
        CkPlusCatalogTest.assertProblem(root, "holds no labelled sequences (1 without a label file)",
                () -> new CkPlusReader(2, PatchGrid.pixels(1, 1, 1, 1)).read(root));
    }

    @Test
    void synthesizedSequencesReadBackWithTheirLabelsAndAreLearnable() {
        Path dir = root.resolve("ck");
        CkPlusSynthesizer.Summary written = CkPlusSynthesizer.defaults().write(dir, new SplittableRandom(11));
        CkPlusReader reader = new CkPlusReader(4, PatchGrid.pixels(4, 4, 3, 3));
        CkPlusDataset data = reader.read(dir);
        SampleSet s = data.samples();

        assertEquals(written.labels().size(), s.size());
        assertEquals(written.unlabelled(), data.unlabelled());
        assertTrue(data.unlabelledCount() > 0, "the default synthesizer leaves some sequences unlabelled");
        assertEquals(new ArrayList<>(written.labels().keySet()), data.sequences());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(written.labels().get(data.sequences().get(i)).classIndex(), s.label(i));
        }
        assertEquals(4, s.steps());
        assertEquals(16, s.vertices());
        assertEquals(9, s.features());
        for (int i = 0; i < s.size(); i++) {
            for (int t = 0; t < 4; t++) {
                for (int v = 0; v < 16; v++) {
                    for (int f = 0; f < 9; f++) {
                        double x = s.get(i, t, v, f);
                        assertTrue(x >= 0 && x <= 1, "pixel out of [0,1]: " + x);
                    }
                }
            }
        }

        assertArrayEquals(copy(s), copy(reader.read(dir).samples()), 0.0, "reading twice differs");

        // Subject-exclusive 10-fold CV with a nearest-centroid classifier on the last slice
        // minus the first (apex minus onset): the class blob is recoverable, far above 1/7.
        List<Split> folds = data.tenFold();
        assertEquals(10, folds.size());
        int correct = 0;
        for (Split split : folds) {
            correct += nearestCentroidOnExpression(split.train(), split.test());
        }
        double accuracy = (double) correct / s.size();
        assertTrue(accuracy > 0.8, "subject-independent accuracy " + accuracy);
    }

    @Test
    void latticeKeepsTheImageOrientation() {
        // The synthesizer puts class c's blob at (0.5 + 0.28 cos a, 0.5 + 0.28 sin a) of the frame
        // (x right, y down), a = 2 pi c / 7. Its centroid in the 4x4 lattice must land there: a
        // transposed or mirrored lattice would miss by up to two cells.
        Path dir = root.resolve("ck");
        CkPlusSynthesizer.defaults().withUnlabelledFraction(0).write(dir, new SplittableRandom(2));
        SampleSet s = new CkPlusReader(2, PatchGrid.pixels(4, 4, 3, 3)).read(dir).samples();
        for (int c = 0; c < 7; c++) {
            double[] map = new double[16];
            for (int i = 0; i < s.size(); i++) {
                if (s.label(i) != c) {
                    continue;
                }
                double[] e = expression(s, i);
                for (int v = 0; v < 16; v++) {
                    for (int f = 0; f < 9; f++) {
                        map[v] += e[v * 9 + f];
                    }
                }
            }
            double peak = Arrays.stream(map).max().getAsDouble();
            double mass = 0;
            double row = 0;
            double col = 0;
            for (int v = 0; v < 16; v++) {
                double w = Math.max(0, map[v] - 0.3 * peak);
                mass += w;
                row += w * s.layout().electrode(v).row();
                col += w * s.layout().electrode(v).col();
            }
            double angle = 2 * Math.PI * c / 7;
            double expectedCol = 4 * (0.5 + 0.28 * Math.cos(angle)) - 0.5;
            double expectedRow = 4 * (0.5 + 0.28 * Math.sin(angle)) - 0.5;
            assertEquals(expectedCol, col / mass, 0.5, "class " + c + " column");
            assertEquals(expectedRow, row / mass, 0.5, "class " + c + " row");
        }
    }

    private static double[] copy(SampleSet s) {
        double[] out = new double[s.size() * s.sampleLength()];
        for (int i = 0; i < s.size(); i++) {
            s.copySample(i, out, i * s.sampleLength());
        }
        return out;
    }

    private static double[] expression(SampleSet s, int i) {
        int n = s.vertices() * s.features();
        double[] out = new double[n];
        for (int v = 0; v < s.vertices(); v++) {
            for (int f = 0; f < s.features(); f++) {
                out[v * s.features() + f] = s.get(i, s.steps() - 1, v, f) - s.get(i, 0, v, f);
            }
        }
        return out;
    }

    private static int nearestCentroidOnExpression(SampleSet train, SampleSet test) {
        int n = train.vertices() * train.features();
        double[][] centroid = new double[train.numClasses()][n];
        int[] counts = train.classCounts();
        for (int i = 0; i < train.size(); i++) {
            double[] x = expression(train, i);
            for (int k = 0; k < n; k++) {
                centroid[train.label(i)][k] += x[k] / counts[train.label(i)];
            }
        }
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] x = expression(test, i);
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < centroid.length; c++) {
                if (counts[c] == 0) {
                    continue;
                }
                double d = 0;
                for (int k = 0; k < n; k++) {
                    d += (x[k] - centroid[c][k]) * (x[k] - centroid[c][k]);
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            correct += best == test.label(i) ? 1 : 0;
        }
        return correct;
    }
}
