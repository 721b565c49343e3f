package org.strnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository keeps the PhysioNet S001 recordings ({@code data/eegmmidb-S001/}, ODC-By;
 * see the README there). Tests run in their module's folder, one level below the root, so the
 * folder is looked for in the working directory and above it. Not a test itself.
 */
final class Eegmmidb {

    private Eegmmidb() {
    }

    /** The folder's path with a trailing separator, ready for a file name. */
    static String dir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("data").resolve("eegmmidb-S001");
            if (Files.isRegularFile(candidate.resolve("SHA256SUMS"))) {
                return candidate + java.io.File.separator;
            }
        }
        throw new IllegalStateException("the PhysioNet S001 recordings are missing: no data/eegmmidb-S001/SHA256SUMS in "
                + start + " or a folder above it (the repository keeps them in data/eegmmidb-S001/)");
    }
}
