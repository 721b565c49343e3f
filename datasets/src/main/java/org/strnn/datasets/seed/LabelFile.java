package org.strnn.datasets.seed;

import java.nio.file.Path;
import org.strnn.datasets.DatasetException;
import us.hebi.matlab.mat.types.Matrix;

/** Reads SEED's {@code label.mat}: the variable {@code label}, a 1x15 (or 15x1) vector of -1, 0, 1. */
final class LabelFile {

    static final String VARIABLE = "label";

    private LabelFile() {
    }

    /** The class index ({@link Seed#classOf(int)}) of trials 1..15, at array index {@code trial - 1}. */
    static int[] read(Path file) {
        try (MatInput in = MatInput.open(file, VARIABLE::equals)) {
            Matrix m = in.numeric(VARIABLE);
            int[] dims = m.getDimensions();
            boolean vector = dims.length == 2 && (dims[0] == 1 || dims[1] == 1);
            if (!vector || m.getNumElements() != Seed.TRIALS) {
                throw new DatasetException(file, "variable " + VARIABLE + " has shape " + MatInput.shape(dims)
                        + ", expected 1x" + Seed.TRIALS);
            }
            int[] classes = new int[Seed.TRIALS];
            for (int k = 0; k < Seed.TRIALS; k++) {
                double v = m.getDouble(k);
                if (v != -1 && v != 0 && v != 1) {
                    throw new DatasetException(file, "variable " + VARIABLE + " holds " + v + " at trial " + (k + 1)
                            + ", expected -1, 0 or 1");
                }
                classes[k] = Seed.classOf((int) v);
            }
            return classes;
        }
    }
}
