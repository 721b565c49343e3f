package org.strnn.datasets.faces;

/**
 * What a patch of {@code ph x pw} grey pixels becomes as a vertex feature vector.
 */
public enum PatchDescriptor {

    /**
     * The raw intensities in {@code [0, 1]}, row-major within the patch: {@code d = ph * pw}.
     * The spec's default for faces.
     */
    PIXELS {
        @Override
        public int length(int patchHeight, int patchWidth) {
            return patchHeight * patchWidth;
        }

        @Override
        void describe(GreyImage image, int x0, int y0, int ph, int pw, double[] dst, int offset) {
            int k = offset;
            for (int y = y0; y < y0 + ph; y++) {
                for (int x = x0; x < x0 + pw; x++) {
                    dst[k++] = image.get(x, y);
                }
            }
        }
    },

    /**
     * Three statistics, {@code d = 3}: the mean intensity; the standard deviation (population,
     * divisor {@code ph*pw}); and the gradient energy, the mean of the squared differences of
     * horizontally and vertically adjacent pixels inside the patch (0 for a 1x1 patch).
     */
    STATS {
        @Override
        public int length(int patchHeight, int patchWidth) {
            return 3;
        }

        @Override
        void describe(GreyImage image, int x0, int y0, int ph, int pw, double[] dst, int offset) {
            double sum = 0;
            for (int y = y0; y < y0 + ph; y++) {
                for (int x = x0; x < x0 + pw; x++) {
                    sum += image.get(x, y);
                }
            }
            int count = ph * pw;
            double mean = sum / count;
            double squares = 0;
            double energy = 0;
            for (int y = y0; y < y0 + ph; y++) {
                for (int x = x0; x < x0 + pw; x++) {
                    double v = image.get(x, y);
                    squares += (v - mean) * (v - mean);
                    if (x + 1 < x0 + pw) {
                        double dx = image.get(x + 1, y) - v;
                        energy += dx * dx;
                    }
                    if (y + 1 < y0 + ph) {
                        double dy = image.get(x, y + 1) - v;
                        energy += dy * dy;
                    }
                }
            }
            int differences = ph * (pw - 1) + pw * (ph - 1);
            dst[offset] = mean;
            dst[offset + 1] = Math.sqrt(squares / count);
            dst[offset + 2] = differences == 0 ? 0.0 : energy / differences;
        }
    };

    /** Features per vertex for a {@code patchHeight x patchWidth} patch. */
    public abstract int length(int patchHeight, int patchWidth);

    /** Writes the descriptor of the patch with top-left pixel {@code (x0, y0)} into {@code dst}. */
    abstract void describe(GreyImage image, int x0, int y0, int ph, int pw, double[] dst, int offset);
}
