package org.strnn.datasets.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.strnn.layout.Layouts;

class PatchGridTest {

    private static final GreyImage FOUR_BY_FOUR = GreyImage.of(4, 4, new double[] {
        0.00, 0.01, 0.02, 0.03,
        0.10, 0.11, 0.12, 0.13,
        0.20, 0.21, 0.22, 0.23,
        0.30, 0.31, 0.32, 0.33,
    });

    @Test
    void pixelPatchesAreRowMajorVerticesOfRowMajorPixels() {
        PatchGrid grid = PatchGrid.pixels(2, 2, 2, 2);
        assertEquals(4, grid.vertices());
        assertEquals(4, grid.features());
        assertArrayEquals(new double[] {
            0.00, 0.01, 0.10, 0.11, // vertex P0_0
            0.02, 0.03, 0.12, 0.13, // vertex P0_1
            0.20, 0.21, 0.30, 0.31, // vertex P1_0
            0.22, 0.23, 0.32, 0.33, // vertex P1_1
        }, grid.encode(FOUR_BY_FOUR), 0.0);
        assertEquals(Layouts.lattice(2, 2), grid.layout());
    }

    @Test
    void framesAreResizedFirst() {
        // 4x4 -> a 1x2 lattice of 1x1 patches: the left and right halves averaged.
        PatchGrid grid = PatchGrid.pixels(1, 2, 1, 1);
        double left = (0.00 + 0.01 + 0.10 + 0.11 + 0.20 + 0.21 + 0.30 + 0.31) / 8;
        double right = (0.02 + 0.03 + 0.12 + 0.13 + 0.22 + 0.23 + 0.32 + 0.33) / 8;
        assertArrayEquals(new double[] {left, right}, grid.encode(FOUR_BY_FOUR), 1e-12);
        assertEquals(Layouts.lattice(1, 2), grid.layout());
    }

    @Test
    void statsAreMeanStdAndGradientEnergy() {
        GreyImage stripes = GreyImage.of(2, 2, new double[] {0, 1, 0, 1});
        PatchGrid grid = new PatchGrid(1, 1, 2, 2, PatchDescriptor.STATS);
        assertEquals(3, grid.features());
        // mean 0.5, std 0.5, energy: two horizontal steps of 1, two vertical steps of 0, over 4 pairs.
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, grid.encode(stripes), 1e-15);

        GreyImage flat = GreyImage.of(2, 2, new double[] {0.3, 0.3, 0.3, 0.3});
        assertArrayEquals(new double[] {0.3, 0.0, 0.0}, grid.encode(flat), 1e-15);

        PatchGrid single = new PatchGrid(2, 2, 1, 1, PatchDescriptor.STATS);
        double[] out = single.encode(stripes);
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0}, out, 0.0);
    }

    @Test
    void writesAtTheOffset() {
        PatchGrid grid = PatchGrid.pixels(1, 1, 1, 1);
        double[] dst = {-1, -1, -1};
        grid.encode(GreyImage.of(1, 1, new double[] {0.5}), dst, 1);
        assertArrayEquals(new double[] {-1, 0.5, -1}, dst, 0.0);
    }

    @Test
    void rejectsEmptyGrids() {
        assertThrows(IllegalArgumentException.class, () -> PatchGrid.pixels(0, 2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> PatchGrid.pixels(2, 2, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new PatchGrid(2, 2, 2, 2, null));
    }
}
