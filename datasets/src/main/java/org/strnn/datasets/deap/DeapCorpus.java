package org.strnn.datasets.deap;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layout;
import org.strnn.datasets.Montage;
import org.strnn.datasets.features.Band;
import org.strnn.datasets.features.DifferentialEntropy;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Recording;
import org.strnn.datasets.protocol.Trial;
import org.strnn.datasets.seed.MatInput;
import us.hebi.matlab.mat.types.Matrix;

/**
 * DEAP's {@code data_preprocessed_matlab/sNN.mat} files as a {@link Corpus} (see {@link Deap}):
 * one recording per participant ({@code s07.mat} is subject {@code 07}), one trial per music video. Of each trial, the 3-s pre-trial
 * baseline is dropped and the 32 EEG channels are cut into 1-s windows (60 of them), each window
 * the DE of the SEED bands ({@link Band#SEED}; the channels are band-pass filtered over the trial
 * first). The label is {@link DeapTarget}'s class of the trial's valence and arousal ratings.
 *
 * <p>Any number of trials and samples is read ({@code data} {@code N x C x S} with {@code C >= 32}
 * and more than 3 s of samples, {@code labels} {@code N x 4}), so a shortened file works too. DEAP
 * publishes no train/test split; the corpus's "paper" split is the generic one
 * ({@link Corpus#genericPaperTrain}).
 */
public final class DeapCorpus {

    /** The folder DEAP ships its preprocessed MATLAB files in. */
    public static final String FEATURES_DIR = "data_preprocessed_matlab";

    private static final Pattern SUBJECT_FILE = Pattern.compile("s(\\d{1,3})\\.mat");

    private DeapCorpus() {
    }

    /** The 32 EEG channels on their grid ({@link Montage}). */
    public static Layout layout() {
        return Montage.layout("deap32", Deap.CHANNELS);
    }

    /**
     * Opens {@code path}: the {@code data_preprocessed_matlab} folder, one that contains it, or a
     * single {@code sNN.mat} file. Lists files; reads none.
     */
    public static Corpus open(Path path, DeapTarget target, double threshold) {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            files.add(path);
        } else if (Files.isDirectory(path)) {
            Path dir = Files.isDirectory(path.resolve(FEATURES_DIR)) ? path.resolve(FEATURES_DIR) : path;
            Map<Integer, Path> bySubject = new TreeMap<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    Matcher m = SUBJECT_FILE.matcher(p.getFileName().toString());
                    if (m.matches() && Files.isRegularFile(p)) {
                        bySubject.put(Integer.parseInt(m.group(1)), p);
                    }
                }
            } catch (IOException e) {
                throw new DatasetException(dir, "cannot list directory: " + e.getMessage(), e);
            }
            if (bySubject.isEmpty()) {
                throw new DatasetException(dir, "not a DEAP " + FEATURES_DIR + " folder: no sNN.mat files");
            }
            files.addAll(bySubject.values());
        } else {
            throw new DatasetException(path, "no such file or directory");
        }
        List<Corpus.Unit> units = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String stem = name.endsWith(".mat") ? name.substring(0, name.length() - 4) : name;
            String subject = stem.matches("s\\d+") ? stem.substring(1) : stem;
            units.add(new Corpus.Unit(subject, "1", () -> read(f, target, threshold, subject)));
        }
        return new Corpus("deap-" + target.name().toLowerCase(java.util.Locale.ROOT), layout(), Band.SEED.size(),
                target.classNames(), units, Corpus::genericPaperTrain, Corpus.GENERIC_PAPER);
    }

    /**
     * Reads one participant's file into trials of DE windows.
     *
     * @throws DatasetException if {@code data} or {@code labels} is missing, misshapen or not
     *     finite, a rating is outside 1-9, or the file is unreadable
     */
    public static Recording read(Path file, DeapTarget target, double threshold, String subject) {
        List<Trial> trials = new ArrayList<>();
        try (MatInput in = MatInput.open(file, Set.of("data", "labels")::contains)) {
            Matrix data = in.numeric("data");
            Matrix labels = in.numeric("labels");
            int[] d = data.getDimensions();
            if (d.length != 3 || d[1] < Deap.CHANNELS.size() || d[2] <= (Deap.BASELINE_SECONDS + 1) * Deap.RATE) {
                throw new DatasetException(file, "variable data has shape " + MatInput.shape(d) + ", expected trials x "
                        + "channels x samples like 40x40x8064 (at least 32 channels and 4 s at 128 Hz)");
            }
            int n = d[0];
            int[] l = labels.getDimensions();
            if (l.length != 2 || l[0] != n || l[1] != Deap.RATINGS) {
                throw new DatasetException(file, "variable labels has shape " + MatInput.shape(l) + ", expected " + n
                        + "x4 (trials x valence, arousal, dominance, liking)");
            }
            int samples = d[2] - Deap.BASELINE_SECONDS * Deap.RATE;
            int windows = samples / Deap.RATE;
            int[] starts = new int[windows];
            for (int w = 0; w < windows; w++) {
                starts[w] = w * Deap.RATE;
            }
            for (int t = 0; t < n; t++) {
                double valence = rating(file, labels, t, 0, n);
                double arousal = rating(file, labels, t, 1, n);
                double[][] signals = new double[Deap.CHANNELS.size()][samples];
                for (int c = 0; c < signals.length; c++) {
                    for (int s = 0; s < samples; s++) {
                        // column-major: element (t, c, s) at t + n * (c + channels * s)
                        double x = data.getDouble(t + n * (c + d[1] * (s + Deap.BASELINE_SECONDS * Deap.RATE)));
                        if (!Double.isFinite(x)) {
                            throw new DatasetException(file, "variable data holds " + x + " at trial " + (t + 1)
                                    + ", channel " + (c + 1) + " (" + Deap.CHANNELS.get(c) + "), sample "
                                    + (s + 1 + Deap.BASELINE_SECONDS * Deap.RATE) + " (1-based)");
                        }
                        signals[c][s] = x;
                    }
                }
                trials.add(new Trial(target.classOf(valence, arousal, threshold), windows,
                        windows(file, t, signals, starts)));
            }
        }
        return new Recording(subject, "1", trials);
    }

    private static double rating(Path file, Matrix labels, int trial, int column, int n) {
        double r = labels.getDouble(trial + n * column);
        if (!(r >= 1 && r <= 9)) {
            throw new DatasetException(file, "variable labels holds " + r + " at (" + (trial + 1) + ", " + (column + 1)
                    + "); DEAP's ratings are 1-9");
        }
        return r;
    }

    private static double[] windows(Path file, int trial, double[][] signals, int[] starts) {
        double[][][] de = DifferentialEntropy.compute(signals, Deap.RATE, Band.SEED, starts, Deap.RATE);
        int d = Band.SEED.size();
        double[] out = new double[starts.length * signals.length * d];
        int i = 0;
        for (int w = 0; w < starts.length; w++) {
            for (int c = 0; c < signals.length; c++) {
                for (int b = 0; b < d; b++) {
                    double x = de[w][c][b];
                    if (!Double.isFinite(x)) {
                        throw new DatasetException(file, "trial " + (trial + 1) + ", channel " + Deap.CHANNELS.get(c)
                                + " is flat in second " + (w + 1) + " (no " + Band.SEED.get(b).name()
                                + " power, DE " + x + ")");
                    }
                    out[i++] = x;
                }
            }
        }
        return out;
    }
}
