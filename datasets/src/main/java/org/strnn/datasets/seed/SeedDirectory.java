package org.strnn.datasets.seed;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.strnn.datasets.DatasetException;

/**
 * A SEED {@code ExtractedFeatures} directory: {@code label.mat} plus one
 * {@code <subject>_<yyyymmdd>.mat} file per session (e.g. {@code 1_20131027.mat}).
 *
 * <p>Opening lists the files and reads {@code label.mat}; feature files are read only by
 * {@link #load}, one at a time. A subject's sessions are numbered by date, session 1 being the
 * earliest. Files whose names do not match the pattern (a {@code readme.txt}, say) are ignored.
 */
public final class SeedDirectory {

    /** The directory SEED ships its feature files in. */
    public static final String FEATURES_DIR = "ExtractedFeatures";

    /** The file that holds the trial labels. */
    public static final String LABEL_FILE = "label.mat";

    private static final Pattern SUBJECT_FILE = Pattern.compile("(\\d{1,4})_(\\d{8})\\.mat");

    private final Path dir;
    private final int[] classes;
    private final Map<Integer, List<SeedExperiment>> sessionsBySubject;

    private SeedDirectory(Path dir, int[] classes, Map<Integer, List<SeedExperiment>> sessionsBySubject) {
        this.dir = dir;
        this.classes = classes;
        this.sessionsBySubject = sessionsBySubject;
    }

    /**
     * Opens {@code path}: either the {@code ExtractedFeatures} directory itself or a directory that
     * contains one.
     *
     * @throws DatasetException if it is not a directory, holds no subject files or no
     *                          {@code label.mat}, or {@code label.mat} is not 15 labels in {-1, 0, 1}
     */
    public static SeedDirectory open(Path path) {
        if (!Files.isDirectory(path)) {
            throw new DatasetException(path, Files.exists(path) ? "is not a directory" : "no such directory");
        }
        Path dir = Files.isDirectory(path.resolve(FEATURES_DIR)) ? path.resolve(FEATURES_DIR) : path;
        Map<Integer, List<Dated>> files = listSubjectFiles(dir);
        if (files.isEmpty()) {
            throw new DatasetException(dir, "not a SEED ExtractedFeatures directory: no <subject>_<yyyymmdd>.mat files");
        }
        Path labelFile = dir.resolve(LABEL_FILE);
        if (!Files.isRegularFile(labelFile)) {
            throw new DatasetException(dir, "not a SEED ExtractedFeatures directory: no " + LABEL_FILE);
        }
        int[] classes = LabelFile.read(labelFile);
        Map<Integer, List<SeedExperiment>> sessions = new TreeMap<>();
        for (Map.Entry<Integer, List<Dated>> e : files.entrySet()) {
            List<Dated> dated = e.getValue();
            dated.sort(Comparator.comparing(Dated::date));
            List<SeedExperiment> list = new ArrayList<>(dated.size());
            for (int i = 0; i < dated.size(); i++) {
                Dated d = dated.get(i);
                if (i > 0 && dated.get(i - 1).date().equals(d.date())) {
                    throw new DatasetException(dir, "subject " + e.getKey() + " has two files dated " + d.date() + ": "
                            + dated.get(i - 1).file().getFileName() + " and " + d.file().getFileName());
                }
                list.add(new SeedExperiment(e.getKey(), i + 1, d.date(), d.file()));
            }
            sessions.put(e.getKey(), List.copyOf(list));
        }
        return new SeedDirectory(dir, classes, sessions);
    }

    /** The {@code ExtractedFeatures} directory. */
    public Path path() {
        return dir;
    }

    /** The subject numbers found, ascending. */
    public List<Integer> subjects() {
        return List.copyOf(sessionsBySubject.keySet());
    }

    /** All sessions of {@code subject}, in chronological order (session 1 first). */
    public List<SeedExperiment> sessions(int subject) {
        List<SeedExperiment> list = sessionsBySubject.get(subject);
        if (list == null) {
            throw new DatasetException(dir, "no files for subject " + subject);
        }
        return list;
    }

    /**
     * Sessions {@code 1..which.count()} of every subject, by subject then session.
     *
     * @throws DatasetException if a subject has fewer session files than that
     */
    public List<SeedExperiment> experiments(SeedSessions which) {
        List<SeedExperiment> out = new ArrayList<>();
        for (Map.Entry<Integer, List<SeedExperiment>> e : sessionsBySubject.entrySet()) {
            if (e.getValue().size() < which.count()) {
                throw new DatasetException(dir, "subject " + e.getKey() + " has " + e.getValue().size()
                        + " session file(s), but sessions 1-" + which.count() + " were asked for");
            }
            out.addAll(e.getValue().subList(0, which.count()));
        }
        return out;
    }

    /** The class index of trials 1..15 (at index {@code trial - 1}), from {@code label.mat}; a copy. */
    public int[] trialClasses() {
        return classes.clone();
    }

    /**
     * Reads one experiment's features from disk. Nothing is cached: each call reads the file.
     *
     * @throws DatasetException if the file is unreadable or a variable is missing, misshapen or
     *                          not finite
     */
    public SeedRecording load(SeedExperiment experiment, FeatureKind kind) {
        return FeatureFile.read(experiment, kind, classes);
    }

    @Override
    public String toString() {
        return "SEED " + dir + " (" + sessionsBySubject.size() + " subjects)";
    }

    private record Dated(LocalDate date, Path file) {
    }

    private static Map<Integer, List<Dated>> listSubjectFiles(Path dir) {
        Map<Integer, List<Dated>> out = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                Matcher m = SUBJECT_FILE.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) {
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
                } catch (DateTimeParseException e) {
                    throw new DatasetException(p, "the name's date " + m.group(2) + " is not a valid yyyymmdd date", e);
                }
                out.computeIfAbsent(Integer.parseInt(m.group(1)), s -> new ArrayList<>()).add(new Dated(date, p));
            }
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot list directory: " + e.getMessage(), e);
        }
        return out;
    }
}
