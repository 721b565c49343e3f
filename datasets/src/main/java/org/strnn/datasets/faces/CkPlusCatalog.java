package org.strnn.datasets.faces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.strnn.datasets.DatasetException;

/**
 * What a CK+ directory holds, found from file names alone (no image is decoded).
 *
 * <p>The expected layout, as CK+ is distributed:
 * <pre>
 * root/cohn-kanade-images/S005/001/S005_001_00000001.png ... S005_001_00000011.png
 * root/Emotion/S005/001/S005_001_00000011_emotion.txt     (one float, CK+ code 1-7)
 * </pre>
 * Subjects and sequences are listed in name order, frames in frame-number order. A sequence
 * whose {@code Emotion} directory is missing or holds no {@code *_emotion.txt} is unlabelled:
 * it goes to {@link #unlabelled()}, not {@link #labelled()}. Hidden files ({@code .DS_Store}) and
 * files that are not {@code .png} are ignored. Everything else that does not fit the layout is a
 * {@link DatasetException} naming the file: a {@code .png} whose name is not
 * {@code <subject>_<sequence>_<number>.png}, two frames with one number, two label files for one
 * sequence, a label file without an image directory, a labelled sequence without frames, or a bad
 * label (see {@link CkPlusEmotion#read(Path)}).
 *
 * @param root        the directory that holds {@code cohn-kanade-images/} and {@code Emotion/}
 * @param labelled    the labelled sequences, by subject, then sequence
 * @param unlabelled  ids ({@code "S005/002"}) of the sequences skipped for having no label
 */
public record CkPlusCatalog(Path root, List<CkPlusSequence> labelled, List<String> unlabelled) {

    /** The image tree under the root. */
    public static final String IMAGES = "cohn-kanade-images";
    /** The label tree under the root. */
    public static final String LABELS = "Emotion";

    private static final String LABEL_SUFFIX = "_emotion.txt";

    public CkPlusCatalog {
        labelled = List.copyOf(labelled);
        unlabelled = List.copyOf(unlabelled);
    }

    /** Scans {@code root}; see the class comment for the layout and the errors. */
    public static CkPlusCatalog scan(Path root) {
        if (!Files.exists(root)) {
            throw new DatasetException(root, "no such directory");
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "not a directory");
        }
        Path images = root.resolve(IMAGES);
        Path labels = root.resolve(LABELS);
        for (Path required : List.of(images, labels)) {
            if (!Files.isDirectory(required)) {
                throw new DatasetException(root, "not a CK+ layout: no " + required.getFileName()
                        + "/ directory (expected " + IMAGES + "/S005/001/S005_001_00000001.png and "
                        + LABELS + "/S005/001/S005_001_00000011_emotion.txt)");
            }
        }
        List<Path> subjects = subdirectories(images);
        if (subjects.isEmpty()) {
            throw new DatasetException(images, "holds no subject directories (expected S005/001/S005_001_00000001.png)");
        }
        List<CkPlusSequence> labelled = new ArrayList<>();
        List<String> unlabelled = new ArrayList<>();
        for (Path subjectDir : subjects) {
            String subject = subjectDir.getFileName().toString();
            for (Path sequenceDir : subdirectories(subjectDir)) {
                String sequence = sequenceDir.getFileName().toString();
                List<Path> frames = frames(sequenceDir, subject, sequence);
                Path labelFile = labelFile(labels.resolve(subject).resolve(sequence), subject, sequence);
                if (labelFile == null) {
                    unlabelled.add(subject + "/" + sequence);
                } else if (frames.isEmpty()) {
                    throw new DatasetException(sequenceDir, "has a label file (" + labelFile.getFileName()
                            + ") but no frames");
                } else {
                    labelled.add(new CkPlusSequence(subject, sequence, frames, CkPlusEmotion.read(labelFile), labelFile));
                }
            }
        }
        checkLabelsHaveImages(labels, images);
        return new CkPlusCatalog(root, labelled, unlabelled);
    }

    private static List<Path> frames(Path sequenceDir, String subject, String sequence) {
        Pattern name = Pattern.compile(Pattern.quote(subject + "_" + sequence + "_") + "(\\d+)\\.png",
                Pattern.CASE_INSENSITIVE);
        TreeMap<Long, Path> byNumber = new TreeMap<>();
        for (Path file : list(sequenceDir)) {
            String fileName = file.getFileName().toString();
            if (isHidden(file) || !fileName.toLowerCase(Locale.ROOT).endsWith(".png") || Files.isDirectory(file)) {
                continue;
            }
            Matcher m = name.matcher(fileName);
            if (!m.matches() || m.group(1).length() > 18) {
                throw new DatasetException(file, "not a CK+ frame name: expected " + subject + "_" + sequence
                        + "_<frame number>.png");
            }
            Path previous = byNumber.put(Long.parseLong(m.group(1)), file);
            if (previous != null) {
                throw new DatasetException(file, "has the same frame number as " + previous.getFileName());
            }
        }
        return new ArrayList<>(byNumber.values());
    }

    /** The one label file of a sequence, or null when it has none. */
    private static Path labelFile(Path labelDir, String subject, String sequence) {
        if (!Files.isDirectory(labelDir)) {
            return null;
        }
        List<Path> found = new ArrayList<>();
        for (Path file : list(labelDir)) {
            String fileName = file.getFileName().toString();
            if (isHidden(file) || !fileName.endsWith(LABEL_SUFFIX)) {
                continue;
            }
            if (!fileName.startsWith(subject + "_" + sequence + "_")) {
                throw new DatasetException(file, "label file does not belong to sequence " + subject + "/" + sequence
                        + " (expected " + subject + "_" + sequence + "_<frame number>" + LABEL_SUFFIX + ")");
            }
            found.add(file);
        }
        if (found.size() > 1) {
            throw new DatasetException(labelDir, "holds " + found.size() + " label files, expected one");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static void checkLabelsHaveImages(Path labels, Path images) {
        for (Path subjectDir : subdirectories(labels)) {
            for (Path sequenceDir : subdirectories(subjectDir)) {
                Path imageDir = images.resolve(subjectDir.getFileName().toString())
                        .resolve(sequenceDir.getFileName().toString());
                if (Files.isDirectory(imageDir)) {
                    continue;
                }
                for (Path file : list(sequenceDir)) {
                    if (!isHidden(file) && file.getFileName().toString().endsWith(LABEL_SUFFIX)) {
                        throw new DatasetException(file, "labels a sequence with no image directory "
                                + images.getFileName() + "/" + subjectDir.getFileName() + "/"
                                + sequenceDir.getFileName());
                    }
                }
            }
        }
    }

    private static List<Path> subdirectories(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p : list(dir)) {
            if (!isHidden(p) && Files.isDirectory(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The entries of a directory, sorted by name. */
    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot list directory: " + e.getMessage(), e);
        }
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    /** Number of sequences skipped for having no label. */
    public int unlabelledCount() {
        return unlabelled.size();
    }
}
