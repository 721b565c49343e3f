package org.strnn.datasets.npz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.strnn.datasets.synthetic.SourceSynthesizer;
import org.strnn.formats.NpyArray;
import org.strnn.formats.Npz;

/**
 * npz feature files for tests of the readers and of the command line (datasets' test jar ships
 * this class and {@code npz/example.npz}). Not a test itself.
 */
public final class NpzFixtures {

    private NpzFixtures() {
    }

    /**
     * A copy in {@code dir} of {@code npz/example.npz}, the file of the features-npz documentation's
     * example ({@code make_example.py} beside it makes it): 3 subjects x 6 trials (2 per class) x 12
     * windows on DEAP's 32 electrodes x 5 bands. Copied, because in another module's tests the
     * resource lies inside a jar.
     */
    public static Path example(Path dir) {
        Path f = dir.resolve("example.npz");
        try (InputStream in = NpzFixtures.class.getResourceAsStream("/npz/example.npz")) {
            if (in == null) {
                throw new IllegalStateException("npz/example.npz is not on the test class path");
            }
            Files.copy(in, f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /**
     * An npz written from Java: two subjects (P0, P1), two sessions each, 3 trials of 10 windows
     * per session on Emotiv's 14 channels, trial ids repeating across sessions, and an array
     * {@code extra} the format does not know. The last value of x is {@code poison}; with
     * {@code scatter} the even windows of each trial carry another trial's id.
     */
    public static Path sessions(Path dir, double poison, boolean scatter) {
        List<String> channels = SourceSynthesizer.EPOC;
        int trials = 3;
        int windows = 10;
        int rows = 2 * 2 * trials * windows;
        double[] x = new double[rows * channels.size() * 5];
        long[] y = new long[rows];
        long[] trial = new long[rows];
        String[] subject = new String[rows];
        long[] session = new long[rows];
        SplittableRandom random = new SplittableRandom(9);
        int i = 0;
        for (int s = 0; s < 2; s++) {
            for (int e = 0; e < 2; e++) {
                for (int t = 0; t < trials; t++) {
                    for (int w = 0; w < windows; w++, i++) {
                        y[i] = t % 2;
                        trial[i] = scatter && w % 2 == 0 ? 1 - t % 2 : t;
                        subject[i] = "P" + s;
                        session[i] = e + 1;
                        for (int k = 0; k < channels.size() * 5; k++) {
                            x[i * channels.size() * 5 + k] = random.nextGaussian() + y[i] * (k % 5 == 2 ? 1 : 0);
                        }
                    }
                }
            }
        }
        x[x.length - 1] = poison;
        Path f = dir.resolve("s" + System.nanoTime() + ".npz");
        Npz.write(f, List.of(NpyArray.ofDoubles("x", new int[] {rows, channels.size(), 5}, x),
                NpyArray.ofLongs("y", new int[] {rows}, y), NpyArray.ofLongs("trial", new int[] {rows}, trial),
                NpyArray.ofStrings("subject", new int[] {rows}, subject),
                NpyArray.ofLongs("session", new int[] {rows}, session),
                NpyArray.ofStrings("channels", new int[] {channels.size()}, channels.toArray(String[]::new)),
                NpyArray.ofLongs("extra", new int[] {1}, new long[] {1})), false);
        return f;
    }
}
