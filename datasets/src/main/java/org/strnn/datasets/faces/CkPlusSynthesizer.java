package org.strnn.datasets.faces;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.strnn.datasets.DatasetException;

/**
 * Writes a small synthetic data set in the CK+ directory layout (see {@link CkPlusCatalog}), so the
 * face path can be tried and tested without the licensed CK+ files.
 *
 * <p><b>What the frames show.</b> Every frame is {@code width x height} 8-bit pixels: a
 * subject-specific background (a base level, a linear shading in a random direction and a brighter
 * oval "face") plus Gaussian pixel noise (standard deviation 0.03 of full scale). The expression is
 * a bright Gaussian blob (standard deviation 0.09 of the shorter side) whose position encodes the
 * class: class {@code c} (0..6) sits at angle {@code 2 pi c / 7} on an ellipse of radii 0.28 W and
 * 0.28 H around the centre, jittered by up to 0.03 of the size per sequence. Like a CK+ sequence,
 * which runs from a neutral face to the peak expression, the blob's amplitude rises linearly from 0
 * at the first frame to about 0.45 (per-sequence jitter of +-20 %) at the last. Subjects with an
 * even index are written as 8-bit grey PNGs, those with an odd index as RGB PNGs with equal
 * channels, so both of {@link GreyImage}'s paths are used.
 *
 * <p><b>Names and labels.</b> Subjects are {@code S005}, then increasing numbers with random gaps;
 * sequences {@code 001}, {@code 002}, ... per subject, also with gaps; frames
 * {@code S005_001_00000001.png ...}. Each sequence is left unlabelled with probability
 * {@code unlabelledFraction}; a labelled one gets {@code Emotion/S/Q/S_Q_<last frame>_emotion.txt}
 * with the code in CK+'s format ({@code "   3.0000000e+00"}). Labels cycle through the seven classes
 * in writing order, so the classes are balanced.
 *
 * <p>The same configuration and seed write the same files. The synthesizer refuses to write into an
 * existing non-empty directory.
 *
 * @param subjects            number of subjects
 * @param sequencesPerSubject sequences per subject
 * @param minFrames           fewest frames of a sequence
 * @param maxFrames           most frames of a sequence
 * @param width               frame width in pixels
 * @param height              frame height in pixels
 * @param unlabelledFraction  probability that a sequence gets no label file, in [0, 1]
 */
public record CkPlusSynthesizer(int subjects, int sequencesPerSubject, int minFrames, int maxFrames, int width,
        int height, double unlabelledFraction) {

    private static final int CLASSES = CkPlusEmotion.values().length;
    private static final double PIXEL_NOISE = 0.03;
    private static final double BLOB_PEAK = 0.45;

    /** What was written: the labels by sequence id (in catalog order), the unlabelled ids, the frame count. */
    public record Summary(Path root, SortedMap<String, CkPlusEmotion> labels, List<String> unlabelled, int frames) {
        public Summary {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            unlabelled = List.copyOf(unlabelled);
        }
    }

    public CkPlusSynthesizer {
        if (subjects < 1 || sequencesPerSubject < 1) {
            throw new IllegalArgumentException("need at least 1 subject and 1 sequence per subject, got " + subjects
                    + " and " + sequencesPerSubject);
        }
        if (minFrames < 1 || maxFrames < minFrames) {
            throw new IllegalArgumentException("need 1 <= minFrames <= maxFrames, got " + minFrames + ", " + maxFrames);
        }
        if (width < 8 || height < 8) {
            throw new IllegalArgumentException("frames must be at least 8x8 pixels, got " + width + "x" + height);
        }
        if (!(unlabelledFraction >= 0 && unlabelledFraction <= 1)) {
            throw new IllegalArgumentException("unlabelledFraction must be in [0, 1], got " + unlabelledFraction);
        }
        if (subjects > 900) {
            throw new IllegalArgumentException("at most 900 subjects fit CK+'s three-digit names, got " + subjects);
        }
    }

    /** 12 subjects x 4 sequences of 6-12 frames of 64x48 pixels, a quarter unlabelled. */
    public static CkPlusSynthesizer defaults() {
        return new CkPlusSynthesizer(12, 4, 6, 12, 64, 48, 0.25);
    }

    /** This configuration with another subject count. */
    public CkPlusSynthesizer withSubjects(int n) {
        return new CkPlusSynthesizer(n, sequencesPerSubject, minFrames, maxFrames, width, height, unlabelledFraction);
    }

    /** This configuration with another sequence count per subject. */
    public CkPlusSynthesizer withSequencesPerSubject(int n) {
        return new CkPlusSynthesizer(subjects, n, minFrames, maxFrames, width, height, unlabelledFraction);
    }

    /** This configuration with another frame-count range. */
    public CkPlusSynthesizer withFrames(int min, int max) {
        return new CkPlusSynthesizer(subjects, sequencesPerSubject, min, max, width, height, unlabelledFraction);
    }

    /** This configuration with another frame size. */
    public CkPlusSynthesizer withFrameSize(int w, int h) {
        return new CkPlusSynthesizer(subjects, sequencesPerSubject, minFrames, maxFrames, w, h, unlabelledFraction);
    }

    /** This configuration with another unlabelled fraction. */
    public CkPlusSynthesizer withUnlabelledFraction(double f) {
        return new CkPlusSynthesizer(subjects, sequencesPerSubject, minFrames, maxFrames, width, height, f);
    }

    /**
     * Writes the data set under {@code root}, which must not exist or be an empty directory.
     *
     * @throws DatasetException when {@code root} is a file or a non-empty directory, or a write fails
     */
    public Summary write(Path root, RandomGenerator rng) {
        requireEmpty(root);
        SortedMap<String, CkPlusEmotion> labels = new TreeMap<>();
        List<String> unlabelled = new ArrayList<>();
        int frames = 0;
        int labelCounter = 0;
        int subjectNumber = 5;
        for (int s = 0; s < subjects; s++) {
            String subject = String.format(Locale.ROOT, "S%03d", subjectNumber);
            subjectNumber += 1 + rng.nextInt(3);
            Background background = Background.draw(rng);
            boolean rgb = s % 2 == 1;
            int sequenceNumber = 1;
            for (int q = 0; q < sequencesPerSubject; q++) {
                String sequence = String.format(Locale.ROOT, "%03d", sequenceNumber);
                sequenceNumber += 1 + rng.nextInt(2);
                int n = minFrames + rng.nextInt(maxFrames - minFrames + 1);
                boolean labelled = rng.nextDouble() >= unlabelledFraction;
                int cls = labelCounter % CLASSES;
                Path dir = mkdirs(root.resolve(CkPlusCatalog.IMAGES).resolve(subject).resolve(sequence));
                writeSequence(dir, subject + "_" + sequence, n, cls, background, rgb, rng);
                frames += n;
                String id = subject + "/" + sequence;
                if (labelled) {
                    CkPlusEmotion emotion = CkPlusEmotion.values()[cls];
                    labelCounter++;
                    Path labelDir = mkdirs(root.resolve(CkPlusCatalog.LABELS).resolve(subject).resolve(sequence));
                    Path file = labelDir.resolve(String.format(Locale.ROOT, "%s_%s_%08d_emotion.txt", subject, sequence, n));
                    writeString(file, String.format(Locale.ROOT, "   %.7e\n", (double) emotion.code()));
                    labels.put(id, emotion);
                } else {
                    unlabelled.add(id);
                }
            }
        }
        mkdirs(root.resolve(CkPlusCatalog.LABELS));
        return new Summary(root, labels, unlabelled, frames);
    }

    /** A subject's face-free look: base level, shading and an oval. */
    private record Background(double base, double shadeX, double shadeY, double ovalGain) {
        static Background draw(RandomGenerator rng) {
            double angle = 2 * Math.PI * rng.nextDouble();
            return new Background(0.25 + 0.2 * rng.nextDouble(), 0.1 * StrictMath.cos(angle),
                    0.1 * StrictMath.sin(angle), 0.1 + 0.1 * rng.nextDouble());
        }

        double at(double fx, double fy) {
            double ox = (fx - 0.5) / 0.38;
            double oy = (fy - 0.5) / 0.46;
            double oval = ox * ox + oy * oy <= 1 ? ovalGain : 0;
            return base + shadeX * (fx - 0.5) + shadeY * (fy - 0.5) + oval;
        }
    }

    private void writeSequence(Path dir, String prefix, int n, int cls, Background background, boolean rgb,
            RandomGenerator rng) {
        double angle = 2 * Math.PI * cls / CLASSES;
        double cx = (0.5 + 0.28 * StrictMath.cos(angle) + 0.03 * (2 * rng.nextDouble() - 1)) * width;
        double cy = (0.5 + 0.28 * StrictMath.sin(angle) + 0.03 * (2 * rng.nextDouble() - 1)) * height;
        double sigma = 0.09 * Math.min(width, height);
        double peak = BLOB_PEAK * (0.8 + 0.4 * rng.nextDouble());
        for (int k = 0; k < n; k++) {
            double progress = n == 1 ? 1.0 : (double) k / (n - 1);
            BufferedImage image = new BufferedImage(width, height,
                    rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    double blob = progress * peak * StrictMath.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                    double v = background.at((x + 0.5) / width, (y + 0.5) / height) + blob
                            + PIXEL_NOISE * rng.nextGaussian();
                    int level = (int) Math.round(255 * Math.min(1.0, Math.max(0.0, v)));
                    if (rgb) {
                        image.setRGB(x, y, (level << 16) | (level << 8) | level);
                    } else {
                        image.getRaster().setSample(x, y, 0, level);
                    }
                }
            }
            writePng(image, dir.resolve(String.format(Locale.ROOT, "%s_%08d.png", prefix, k + 1)));
        }
    }

    /**
     * Encodes in memory, then writes the file in one go: ImageIO's own file output issues many
     * small unbuffered writes, and its stream output may spool through temporary files.
     */
    private static void writePng(BufferedImage image, Path file) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new DatasetException(file, "javax.imageio has no PNG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot encode image: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        try {
            Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new DatasetException(file, "cannot write image: " + e.getMessage(), e);
        }
    }

    private static void requireEmpty(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "exists and is not a directory; refusing to write there");
        }
        try (Stream<Path> entries = Files.list(root)) {
            if (entries.findAny().isPresent()) {
                throw new DatasetException(root, "exists and is not empty; refusing to write into it");
            }
        } catch (IOException e) {
            throw new DatasetException(root, "cannot list directory: " + e.getMessage(), e);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatasetException(dir, "cannot create directory: " + e.getMessage(), e);
        }
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot write: " + e.getMessage(), e);
        }
    }
}
