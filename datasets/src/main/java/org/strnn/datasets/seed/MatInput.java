package org.strnn.datasets.seed;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;
import org.strnn.datasets.DatasetException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Source;
import us.hebi.matlab.mat.types.Sources;

/**
 * An open MATLAB level-5 MAT-file whose variables are looked up by name. Every failure, from a
 * truncated file to a variable of the wrong type, is a one-line {@link DatasetException} that names
 * the file. Arrays stay valid until {@link #close()}.
 */
public final class MatInput implements AutoCloseable {

    /** Bytes in a level-5 header: 116 of text, 8 of subsystem offset, 2 of version, 2 of endian mark. */
    private static final int HEADER_BYTES = 128;

    private static final Set<MatlabType> NUMERIC = EnumSet.of(MatlabType.Double, MatlabType.Single,
            MatlabType.Int8, MatlabType.UInt8, MatlabType.Int16, MatlabType.UInt16, MatlabType.Int32,
            MatlabType.UInt32, MatlabType.Int64, MatlabType.UInt64);

    private final Path file;
    private final Source source;
    private final Mat5File mat;
    private final Map<String, Array> byName = new HashMap<>();
    private final int variablesInFile;

    private MatInput(Path file, Source source, Mat5File mat, int variablesInFile) {
        this.file = file;
        this.source = source;
        this.mat = mat;
        this.variablesInFile = variablesInFile;
        for (MatFile.Entry e : mat.getEntries()) {
            byName.putIfAbsent(e.getName(), e.getValue());
        }
    }

    /**
     * Opens {@code file} and decodes the variables whose names {@code wanted} accepts (the others
     * are skipped, so a large file with many variables costs only what is asked for).
     */
    public static MatInput open(Path file, Predicate<String> wanted) {
        checkHeader(file);
        Source source = null;
        try {
            source = Sources.openFile(file.toFile());
            int[] seen = new int[1];
            Mat5File mat = Mat5.newReader(source).setEntryFilter(h -> {
                seen[0]++;
                return wanted.test(h.getName());
            }).readMat();
            return new MatInput(file, source, mat, seen[0]);
        } catch (IOException | RuntimeException e) {
            closeQuietly(source);
            throw new DatasetException(file, describe(e), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * The real, non-sparse numeric variable {@code name} (any MATLAB class from int8 to double).
     *
     * @throws DatasetException if the file has no such variable, or it is not real numeric
     */
    public Matrix numeric(String name) {
        Array a = byName.get(name);
        if (a == null && variablesInFile == 0) {
            throw new DatasetException(file, "holds no variables (empty, or truncated after its header)");
        }
        if (a == null) {
            throw new DatasetException(file, "missing variable " + name);
        }
        MatlabType type = a.getType();
        if (!NUMERIC.contains(type) || !(a instanceof Matrix m)) {
            throw new DatasetException(file, "variable " + name + " is of MATLAB class " + type
                    + ", expected a real numeric array");
        }
        if (m.isLogical() || m.isComplex()) {
            throw new DatasetException(file, "variable " + name + " is " + (m.isLogical() ? "logical" : "complex")
                    + ", expected a real numeric array");
        }
        return m;
    }

    /** Dimensions as MATLAB prints them, e.g. {@code "62x235x5"}. */
    public static String shape(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return s.toString();
    }

    @Override
    public void close() {
        try {
            mat.close();
        } catch (IOException | RuntimeException e) {
            // Releasing decoded buffers cannot lose data; the source is still closed below.
        }
        closeQuietly(source);
    }

    private static void checkHeader(Path file) {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(HEADER_BYTES);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "no such file", e);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + oneLine(e.toString()), e);
        }
        if (new String(header, 0, Math.min(10, header.length), StandardCharsets.US_ASCII).equals("MATLAB 7.3")) {
            throw new DatasetException(file, "is a MATLAB v7.3 (HDF5) MAT-file; only level-5 files (save -v7) are read");
        }
        if (header.length < HEADER_BYTES) {
            throw new DatasetException(file, "truncated or not a MAT-file: " + header.length
                    + " bytes, shorter than the " + HEADER_BYTES + "-byte MAT-file header");
        }
    }

    /** A one-line reason for a failed read, from the innermost cause that says something. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? "" : oneLine(root.getMessage());
        if (root instanceof EOFException) {
            return "truncated MAT-file (unexpected end of file)";
        }
        if (root instanceof ZipException || root instanceof DataFormatException) {
            return "corrupt MAT-file: bad zlib-compressed data (" + msg + ")";
        }
        if (msg.contains("not a valid MATLAB")) {
            return "not a MATLAB level-5 MAT-file";
        }
        return "unreadable MAT-file (" + root.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg) + ")";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static void closeQuietly(Source source) {
        if (source == null) {
            return;
        }
        try {
            source.close();
        } catch (IOException e) {
            // Nothing was written; a failed close of a read-only source loses nothing.
        }
    }
}
