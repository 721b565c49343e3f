package org.strnn.datasets.faces;

import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;

/**
 * How a frame becomes one time slice: resize to {@code (rows*patchHeight) x (cols*patchWidth)}
 * pixels with {@link AreaResampler}, split into a {@code rows x cols} lattice of
 * {@code patchHeight x patchWidth} patches, and describe each patch with {@code descriptor}.
 *
 * <p>A slice is {@code n x d} values with {@code n = rows * cols} vertices in row-major lattice
 * order (the order of {@link Layouts#lattice(int, int)}) and
 * {@code d = descriptor.length(patchHeight, patchWidth)} features per vertex.
 */
public record PatchGrid(int rows, int cols, int patchHeight, int patchWidth, PatchDescriptor descriptor) {

    public PatchGrid {
        if (rows < 1 || cols < 1 || patchHeight < 1 || patchWidth < 1) {
            throw new IllegalArgumentException("a patch grid needs rows, cols, patch height and width >= 1, got "
                    + rows + "x" + cols + " patches of " + patchHeight + "x" + patchWidth);
        }
        if (descriptor == null) {
            throw new IllegalArgumentException("a patch grid needs a descriptor");
        }
    }

    /** Raw-pixel patches ({@link PatchDescriptor#PIXELS}). */
    public static PatchGrid pixels(int rows, int cols, int patchHeight, int patchWidth) {
        return new PatchGrid(rows, cols, patchHeight, patchWidth, PatchDescriptor.PIXELS);
    }

    /** {@code Layouts.lattice(rows, cols)}. */
    public Layout layout() {
        return Layouts.lattice(rows, cols);
    }

    /** Vertices per slice: {@code rows * cols}. */
    public int vertices() {
        return rows * cols;
    }

    /** Features per vertex ({@code d}). */
    public int features() {
        return descriptor.length(patchHeight, patchWidth);
    }

    /** Width in pixels of the resized frame. */
    public int pixelWidth() {
        return cols * patchWidth;
    }

    /** Height in pixels of the resized frame. */
    public int pixelHeight() {
        return rows * patchHeight;
    }

    /** The slice of one frame: {@code n*d} values, vertex-major, written into {@code dst} at {@code offset}. */
    public void encode(GreyImage frame, double[] dst, int offset) {
        GreyImage resized = AreaResampler.resize(frame, pixelWidth(), pixelHeight());
        int d = features();
        int p = offset;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                descriptor.describe(resized, c * patchWidth, r * patchHeight, patchHeight, patchWidth, dst, p);
                p += d;
            }
        }
    }

    /** The slice of one frame as a new array of {@code n*d} values. */
    public double[] encode(GreyImage frame) {
        double[] out = new double[vertices() * features()];
        encode(frame, out, 0);
        return out;
    }
}
