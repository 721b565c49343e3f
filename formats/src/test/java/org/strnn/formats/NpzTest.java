package org.strnn.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.check.Property;

/** The .npy encoding and the .npz archive: round trips, header layout, and every header check. */
class NpzTest {

    @TempDir
    Path dir;

    private static byte[] npy(String header, int major, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        int prefix = major == 1 ? 10 : 12;
        ByteBuffer b = ByteBuffer.allocate(prefix + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        return b.put(h).put(data).array();
    }

    private static byte[] doubles(double... d) {
        ByteBuffer b = ByteBuffer.allocate(8 * d.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : d) {
            b.putDouble(x);
        }
        return b.array();
    }

    @Test
    void arraysOfEveryRankAndDtypeRoundTrip() {
        Property.check("npz round trip", 10, gen -> {
            int rank = gen.intBetween(0, 4);
            int[] shape = new int[rank];
            int n = 1;
            for (int k = 0; k < rank; k++) {
                shape[k] = gen.intBetween(0, 3) == 0 ? 1 : gen.intBetween(1, 4);
                n *= shape[k];
            }
            double[] d = new double[n];
            long[] l = new long[n];
            int[] i = new int[n];
            for (int e = 0; e < n; e++) {
                d[e] = Double.longBitsToDouble(gen.random().nextLong());
                l[e] = gen.random().nextLong();
                i[e] = gen.random().nextInt();
            }
            List<NpyArray> arrays = List.of(NpyArray.ofDoubles("X", shape, d), NpyArray.ofLongs("y", shape, l),
                    NpyArray.ofInts("z", shape, i), NpyArray.ofDoubles("empty", new int[] {0, 3}, new double[0]));
            Path p = dir.resolve("a" + gen.seed() + ".npz");
            Npz.write(p, arrays, Map.of("notes.txt", "hi".getBytes(StandardCharsets.UTF_8)), false);
            Npz.Contents c = Npz.read(p);
            assertEquals(arrays, c.arrays()); // same names, dtypes, shapes and bit-identical values
            assertEquals("hi", new String(c.otherMembers().get("notes.txt"), StandardCharsets.UTF_8));
        });
    }

    @Test
    void headerIsNumpysLayoutAlignedTo64Bytes() {
        byte[] b = Npy.encode(NpyArray.ofDoubles("W", new int[] {2, 3}, new double[6]));
        String header = new String(b, 10, b.length - 10 - 48, StandardCharsets.ISO_8859_1);
        assertEquals(0, (10 + header.length()) % 64);
        assertEquals(128, 10 + header.length());
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith(" \n"));
        byte[] v = Npy.encode(NpyArray.ofDoubles("b", new int[] {3}, new double[3]));
        assertTrue(new String(v, StandardCharsets.ISO_8859_1).contains("'shape': (3,), }"));
        byte[] s = Npy.encode(NpyArray.ofLongs("s", new int[] {}, new long[] {7}));
        assertTrue(new String(s, StandardCharsets.ISO_8859_1).contains("'descr': '<i8', 'fortran_order': False, 'shape': (), }"));
    }

    @Test
    void readsFortranOrderVersion2AndOtherQuoting() {
        // [[1, 2, 3], [4, 5, 6]] stored column by column
        NpyArray f = Npy.decode("f", npy("{\"descr\":\"<f8\",\"fortran_order\":True,\"shape\":(2,3)}\n", 2,
                doubles(1, 4, 2, 5, 3, 6)));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, f.toDoubles(), 0.0);
        NpyArray t = Npy.decode("t", npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 1, 2), }\n", 1,
                doubles(1, 3, 2, 4)));
        assertArrayEquals(new double[] {1, 2, 3, 4}, t.toDoubles(), 0.0);
        NpyArray v3 = Npy.decode("v", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1L,), }\n", 3, doubles(2.5)));
        assertArrayEquals(new int[] {1}, v3.shape());
    }

    @Test
    void badHeadersSayWhatIsWrong() {
        String ok = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }\n";
        Map<String, byte[]> cases = Map.ofEntries(
                Map.entry("bad magic", "not numpy at all".getBytes(StandardCharsets.ISO_8859_1)),
                Map.entry("unsupported .npy version 4.0", npy(ok, 1, doubles(1, 2)).clone()),
                Map.entry("unsupported dtype '>f8'", npy(ok.replace("<f8", ">f8"), 1, doubles(1, 2))),
                Map.entry("unknown key 'extra'", npy(ok.replace("}", "'extra': 1}"), 1, doubles(1, 2))),
                Map.entry("'shape' is missing", npy("{'descr': '<f8', 'fortran_order': False}", 1, doubles(1, 2))),
                Map.entry("not a dict", npy("('<f8',)", 1, doubles(1, 2))),
                Map.entry("invalid dimension -2", npy(ok.replace("(2,)", "(-2,)"), 1, doubles(1, 2))),
                Map.entry("truncated: shape (2,) of <f8 needs 16 data bytes, the member has 8", npy(ok, 1, doubles(1))),
                Map.entry("8 unexpected bytes after the data", npy(ok, 1, doubles(1, 2, 3))),
                Map.entry("the header needs", java.util.Arrays.copyOf(npy(ok, 1, doubles(1, 2)), 30)),
                Map.entry("too many elements", npy(ok.replace("(2,)", "(100000, 100000)"), 1, doubles(1, 2))));
        cases.get("unsupported .npy version 4.0")[6] = 4;
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            var e = assertThrows(IllegalArgumentException.class, () -> Npy.decode("a", c.getValue()), c.getKey());
            assertTrue(e.getMessage().contains(c.getKey()), c.getKey() + " vs " + e.getMessage());
        }
    }

    @Test
    void labelsAcceptIntegersAndIntegralFloats() {
        assertArrayEquals(new int[] {0, 2, 1}, NpyArray.ofLongs("y", new int[] {3}, new long[] {0, 2, 1}).toInts());
        assertArrayEquals(new int[] {0, 2, 1}, NpyArray.ofInts("y", new int[] {3}, new int[] {0, 2, 1}).toInts());
        assertArrayEquals(new int[] {0, 2, 1}, NpyArray.ofDoubles("y", new int[] {3}, new double[] {0, 2, 1}).toInts());
        var e = assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofDoubles("y", new int[] {2}, new double[] {0, 1.5}).toInts());
        assertEquals("array y: element 1 = 1.5 is not an integer", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofLongs("y", new int[] {1}, new long[] {1L << 40}).toInts());
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofDoubles("x", new int[] {2, 2}, new double[3]));
    }

    @Test
    void duplicateAndMissingFilesAreClearErrors() throws Exception {
        Path p = dir.resolve("dup.npz");
        NpyArray a = NpyArray.ofDoubles("a", new int[] {1}, new double[] {1});
        var e = assertThrows(FormatException.class, () -> Npz.write(p, List.of(a, a), false));
        assertTrue(e.getMessage().contains("two members are named 'a.npy'"), e.getMessage());
        assertTrue(Files.notExists(p));
        var missing = assertThrows(FormatException.class, () -> Npz.read(dir.resolve("nope.npz")));
        assertEquals(dir.resolve("nope.npz") + ": no such file", missing.getMessage());
    }

    @Test
    void sameArraysGiveTheSameBytes() throws Exception {
        List<NpyArray> arrays = List.of(NpyArray.ofDoubles("w", new int[] {2, 2}, new double[] {1, 2, 3, 4}));
        Npz.write(dir.resolve("1.npz"), arrays, false);
        Npz.write(dir.resolve("2.npz"), arrays, false);
        assertArrayEquals(Files.readAllBytes(dir.resolve("1.npz")), Files.readAllBytes(dir.resolve("2.npz")));
    }
}
