package org.strnn.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.strnn.formats.AtomicFile;
import org.strnn.formats.FormatException;

/**
 * Writes a picture to a PNG file so that a reader never sees half a file, and a user's file is
 * never replaced by accident.
 *
 * <p>The image is encoded into a hidden temporary file in the target's own directory, which is then
 * renamed onto the target. A rename within one directory is atomic on POSIX file systems, so the
 * target is either the old file or the complete new one. Without {@code overwrite}, an existing
 * target is refused before anything is written; a file that appears between that check and the
 * rename is still not replaced, because the rename then fails.
 */
public final class Png {

    private static final String REFUSAL = "already exists; not overwriting it";

    private Png() {
    }

    /**
     * Writes {@code image} as a PNG to {@code target}.
     *
     * @param overwrite whether an existing {@code target} may be replaced
     * @throws FileAlreadyExistsException when {@code target} exists and {@code overwrite} is false;
     *                                    the existing file is left untouched. Its message is one
     *                                    line that names the file.
     * @throws NoSuchFileException        when the target's directory does not exist
     * @throws IOException                when the file cannot be written; no temporary file is left
     *                                    behind
     */
    public static void write(BufferedImage image, Path target, boolean overwrite) throws IOException {
        Objects.requireNonNull(image, "image");
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(file.toString(), null, "its directory does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a PNG file");
        }
        if (!overwrite && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, REFUSAL);
        }
        try {
            // Encoding through a memory cache keeps ImageIO from spilling a cache file into java.io.tmpdir.
            AtomicFile.write(file, overwrite, out -> {
                ImageOutputStream stream = new MemoryCacheImageOutputStream(out);
                if (!ImageIO.write(image, "png", stream)) {
                    throw new IOException(file + ": no PNG writer for this image type");
                }
                stream.flush();
            });
        } catch (FormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
