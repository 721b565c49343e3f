package org.strnn.datasets.synthetic;

import java.util.List;
import java.util.SplittableRandom;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;

/**
 * A task that needs spatial context: two marks, A (feature 0) and B (feature 1), sit at random
 * distinct cells of a 5x5 lattice, plus Gaussian noise of standard deviation 0.1; the label is
 * whether they touch (8-neighbours). Classes are balanced; every slice of a sample is a fresh
 * noisy copy of the same marks ({@code T = 2} by default, {@code d = 2}). A model that sees each
 * vertex alone before a linear projection cannot tell "touching" from "apart" well; one that
 * passes states between neighbours can.
 */
public final class NeighbourTask {

    /** The 5x5 lattice of the task. */
    public static final Layout LATTICE = Layouts.lattice(5, 5);

    private NeighbourTask() {
    }

    /** {@code count} samples of {@code steps} slices drawn from {@code seed}. */
    public static SampleSet samples(int count, int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = LATTICE.size();
        double[] data = new double[count * steps * n * 2];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int want = i % 2;
            int a;
            int b;
            boolean touching;
            do {
                a = rng.nextInt(n);
                b = rng.nextInt(n);
                int dr = Math.abs(LATTICE.electrode(a).row() - LATTICE.electrode(b).row());
                int dc = Math.abs(LATTICE.electrode(a).col() - LATTICE.electrode(b).col());
                touching = dr <= 1 && dc <= 1;
            } while (a == b || (touching ? 1 : 0) != want);
            labels[i] = want;
            for (int t = 0; t < steps; t++) {
                int base = (i * steps + t) * n * 2;
                for (int k = 0; k < n * 2; k++) {
                    data[base + k] = 0.1 * rng.nextGaussian();
                }
                data[base + a * 2] += 1.0;
                data[base + b * 2 + 1] += 1.0;
            }
        }
        return new SampleSet(data, labels, steps, LATTICE, 2, List.of("apart", "touching"));
    }

    /** A train/test split: {@code train} samples from {@code seed}, {@code test} from {@code seed + 1}. */
    public static Split split(int train, int test, int steps, long seed) {
        return new Split("neighbours", samples(train, steps, seed), samples(test, steps, seed + 1));
    }
}
