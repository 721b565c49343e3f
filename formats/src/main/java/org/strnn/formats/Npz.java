package org.strnn.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} archive: a zip file with one {@code name.npy} member per array (what
 * {@code numpy.savez} writes and {@code numpy.load} reads), plus any other members as raw bytes
 * (a model file's {@code config.json}).
 *
 * <p>We write uncompressed (stored) members with a fixed timestamp, so the same arrays give the
 * same bytes, and the write is atomic ({@link AtomicFile}). We read stored or deflated members,
 * including NumPy's zip64 ones. Reading checks the zip structure, each member's size and CRC-32,
 * and each {@code .npy} header and data length, and rejects duplicate member names; any problem
 * is a {@link FormatException} naming the file and the member, never a partial result.
 */
public final class Npz {

    /** The suffix of array members. */
    public static final String NPY_SUFFIX = ".npy";

    /** The DOS timestamp of every member we write (the zip epoch), for reproducible files. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** What an archive holds, in member order. */
    public record Contents(List<NpyArray> arrays, Map<String, byte[]> otherMembers) {
        public Contents {
            arrays = List.copyOf(arrays);
            otherMembers = Collections.unmodifiableMap(new LinkedHashMap<>(otherMembers));
        }

        /** The array called {@code name}, or null. */
        public NpyArray array(String name) {
            for (NpyArray a : arrays) {
                if (a.name().equals(name)) {
                    return a;
                }
            }
            return null;
        }
    }

    private Npz() {
    }

    /** Writes {@code arrays} as {@code name.npy} members, in order. */
    public static void write(Path path, List<NpyArray> arrays, boolean overwrite) {
        write(path, arrays, Map.of(), overwrite);
    }

    /**
     * Writes {@code arrays} as {@code name.npy} members, in order, then {@code otherMembers} under
     * their exact names, in map order.
     */
    public static void write(Path path, List<NpyArray> arrays, Map<String, byte[]> otherMembers, boolean overwrite) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (NpyArray a : arrays) {
            addMember(path, members, a.name() + NPY_SUFFIX, Npy.encode(a));
        }
        for (Map.Entry<String, byte[]> e : otherMembers.entrySet()) {
            addMember(path, members, e.getKey(), e.getValue());
        }
        AtomicFile.write(path, overwrite, out -> writeZip(out, members));
    }

    private static void addMember(Path path, Map<String, byte[]> members, String name, byte[] bytes) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("\\")) {
            throw new FormatException(path, "invalid member name '" + name + "'");
        }
        if (members.put(name, bytes) != null) {
            throw new FormatException(path, "two members are named '" + name + "'");
        }
    }

    private static void writeZip(OutputStream out, Map<String, byte[]> members) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, byte[]> e : members.entrySet()) {
            byte[] bytes = e.getValue();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            ZipEntry entry = new ZipEntry(e.getKey());
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
            entry.setTimeLocal(FIXED_TIME);
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Reads every member; see the class comment for what is checked. */
    public static Contents read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new FormatException(path, Files.exists(path) ? "not a regular file" : "no such file");
        }
        Map<String, byte[]> raw = readMembers(path);
        List<NpyArray> arrays = new ArrayList<>();
        Map<String, byte[]> other = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : raw.entrySet()) {
            String member = e.getKey();
            if (member.endsWith(NPY_SUFFIX)) {
                String name = member.substring(0, member.length() - NPY_SUFFIX.length());
                try {
                    arrays.add(Npy.decode(name, e.getValue()));
                } catch (IllegalArgumentException bad) {
                    throw new FormatException(path, "member " + member + ": " + bad.getMessage(), bad);
                }
            } else {
                other.put(member, e.getValue());
            }
        }
        return new Contents(arrays, other);
    }

    /**
     * Member bytes by name, in archive order. The central directory (at the end of the file, so a
     * truncated file has none) lists the members; each local header (before each member's data)
     * must name the same member, and each member's bytes must match both its local and its
     * central size and CRC-32. Names are not covered by any checksum, so comparing the two copies
     * is what catches a damaged name.
     */
    private static Map<String, byte[]> readMembers(Path path) {
        List<ZipEntry> central = new ArrayList<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Set<String> names = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!names.add(entry.getName())) {
                    throw new FormatException(path, "two members are named '" + entry.getName() + "'");
                }
                if (entry.isDirectory()) {
                    throw new FormatException(path, "unexpected directory member '" + entry.getName() + "'");
                }
                long size = entry.getSize();
                if (size < 0 || size > Integer.MAX_VALUE - 8) {
                    throw new FormatException(path, "member " + entry.getName() + " has an invalid size " + size);
                }
                central.add(entry);
            }
        } catch (FormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw invalid(path, e);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
            for (ZipEntry expected : central) {
                ZipEntry local = in.getNextEntry();
                String name = expected.getName();
                if (local == null || !local.getName().equals(name)) {
                    throw new FormatException(path, "corrupt archive: the central directory lists '" + name
                            + "' but the member there is " + (local == null ? "missing" : "'" + local.getName() + "'"));
                }
                long size = expected.getSize();
                // readNBytes grows its buffer as data arrive, so a corrupt size cannot force a huge allocation;
                // ZipInputStream checks the data against the local header's CRC-32 when the member ends
                byte[] bytes;
                try {
                    bytes = in.readNBytes((int) size);
                    if (bytes.length != size || in.read() != -1) {
                        throw new FormatException(path, "member " + name + " is truncated or its size is corrupt");
                    }
                } catch (IOException e) {
                    throw new FormatException(path, "member " + name + " is corrupt or truncated: " + e.getMessage(), e);
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (crc.getValue() != expected.getCrc()) {
                    throw new FormatException(path, "member " + name + " is corrupt (CRC-32 mismatch)");
                }
                out.put(name, bytes);
            }
            ZipEntry extra = in.getNextEntry();
            if (extra != null) {
                throw new FormatException(path, "corrupt archive: member '" + extra.getName()
                        + "' is not in the central directory");
            }
        } catch (FormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw invalid(path, e);
        }
        return out;
    }

    private static FormatException invalid(Path path, Exception e) {
        // java.util.zip reports damage as ZipException, EOFException, or occasionally a runtime exception
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new FormatException(path, "not a valid .npz (zip) archive, or truncated/corrupt: " + why, e);
    }
}
