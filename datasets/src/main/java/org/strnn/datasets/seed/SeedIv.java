package org.strnn.datasets.seed;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layouts;
import org.strnn.datasets.protocol.Corpus;
import org.strnn.datasets.protocol.Recording;
import org.strnn.datasets.protocol.Trial;

/**
 * SEED-IV's smoothed features ({@code eeg_feature_smooth/<session>/<subject>_<date>.mat}, sessions
 * 1, 2 and 3) as a {@link Corpus}. Each file holds {@code de_LDS1..24} and {@code de_movingAve1..24}
 * (and PSD variables, skipped), each {@code 62 x n x 5}: SEED's 62 channels by {@code n} windows
 * (SEED-IV's are 4 s long) by the 5 bands. Four classes: neutral, sad, fear, happy.
 *
 * <p>The labels of the 24 trials differ by session; they are those of SEED-IV's {@code ReadMe.txt}
 * (0 neutral, 1 sad, 2 fear, 3 happy), as the data set's page describes the folders
 * (https://bcmi.sjtu.edu.cn/home/seed/seed-iv.html) and as public loaders reproduce them (e.g.
 * github.com/zhangmingjian180/emotion_analyzer_of_EEG, py/config.py). The usual subject-dependent
 * split, used as this corpus's published one: trials 1-16 train, 17-24 test.
 */
public final class SeedIv {

    /** The folder SEED-IV ships its smoothed features in. */
    public static final String FEATURES_DIR = "eeg_feature_smooth";

    /** Trials (film clips) per session. */
    public static final int TRIALS = 24;

    /** Trials {@code 1..TRAIN_TRIALS} train in the usual subject-dependent split. */
    public static final int TRAIN_TRIALS = 16;

    /** Class names by index: SEED-IV's label values 0..3. */
    public static final List<String> CLASS_NAMES = List.of("neutral", "sad", "fear", "happy");

    private static final int[][] LABELS = {
        {1, 2, 3, 0, 2, 0, 0, 1, 0, 1, 2, 1, 1, 1, 2, 3, 2, 2, 3, 3, 0, 3, 0, 3},
        {2, 1, 3, 0, 0, 2, 0, 2, 3, 3, 2, 3, 2, 0, 1, 1, 2, 1, 0, 3, 0, 1, 3, 1},
        {1, 2, 2, 1, 3, 3, 3, 1, 1, 2, 1, 0, 2, 3, 3, 0, 2, 3, 0, 0, 2, 0, 1, 0},
    };

    private static final Pattern SUBJECT_FILE = Pattern.compile("(\\d{1,4})_(\\d{8})\\.mat");

    private SeedIv() {
    }

    /** The labels of trials 1..24 of {@code session} (1, 2 or 3); a copy. */
    public static int[] labels(int session) {
        if (session < 1 || session > LABELS.length) {
            throw new IllegalArgumentException("SEED-IV sessions are 1, 2 and 3, got " + session);
        }
        return LABELS[session - 1].clone();
    }

    /**
     * Opens {@code path}: the {@code eeg_feature_smooth} folder or one that contains it. Lists the
     * files; reads none.
     *
     * @param sessions the sessions to include (the first {@code sessions} of 1, 2, 3)
     * @throws DatasetException if there is no session folder with subject files
     */
    public static Corpus open(Path path, FeatureKind kind, int sessions) {
        if (!Files.isDirectory(path)) {
            throw new DatasetException(path, Files.exists(path) ? "is not a directory" : "no such directory");
        }
        Path dir = Files.isDirectory(path.resolve(FEATURES_DIR)) ? path.resolve(FEATURES_DIR) : path;
        Map<Integer, Map<Integer, Path>> bySubject = new TreeMap<>();
        for (int session = 1; session <= Math.min(sessions, LABELS.length); session++) {
            Path folder = dir.resolve(Integer.toString(session));
            if (!Files.isDirectory(folder)) {
                continue;
            }
            for (Path f : list(folder)) {
                Matcher m = SUBJECT_FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    Path other = bySubject.computeIfAbsent(Integer.parseInt(m.group(1)), s -> new TreeMap<>())
                            .put(session, f);
                    if (other != null) {
                        throw new DatasetException(folder, "holds two files of subject " + m.group(1) + ": "
                                + other.getFileName() + " and " + f.getFileName());
                    }
                }
            }
        }
        if (bySubject.isEmpty()) {
            throw new DatasetException(dir, "not a SEED-IV " + FEATURES_DIR + " folder: no 1/, 2/, 3/ folders of "
                    + "<subject>_<yyyymmdd>.mat files");
        }
        List<Corpus.Unit> units = new ArrayList<>();
        for (Map.Entry<Integer, Map<Integer, Path>> s : bySubject.entrySet()) {
            String subject = String.format("%02d", s.getKey());
            for (Map.Entry<Integer, Path> e : s.getValue().entrySet()) {
                int session = e.getKey();
                Path file = e.getValue();
                units.add(new Corpus.Unit(subject, "session" + session,
                        () -> read(file, kind, session, subject)));
            }
        }
        return new Corpus("seed-iv", Layouts.seed62(), Seed.BANDS, CLASS_NAMES, units, n -> TRAIN_TRIALS,
                "SEED-IV: trials 1-16 train, 17-24 test");
    }

    /**
     * Reads one file's 24 trials.
     *
     * @throws DatasetException if a variable is missing, misshapen or not finite, or the file is unreadable
     */
    public static Recording read(Path file, FeatureKind kind, int session, String subject) {
        int[] labels = labels(session);
        Set<String> names = new HashSet<>();
        for (int k = 1; k <= TRIALS; k++) {
            names.add(kind.prefix() + k);
        }
        List<Trial> trials = new ArrayList<>();
        try (MatInput in = MatInput.open(file, names::contains)) {
            for (int k = 1; k <= TRIALS; k++) {
                double[] values = FeatureFile.secondMajor(in, kind.prefix() + k);
                trials.add(new Trial(labels[k - 1], values.length / SeedRecording.SLICE, values));
            }
        }
        return new Recording(subject, "session" + session, trials);
    }

    private static List<Path> list(Path folder) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new DatasetException(folder, "cannot list directory: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }
}
