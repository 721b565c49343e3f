package org.strnn.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dtypes of feature files, read from a file NumPy wrote (make_dtypes.py beside it). */
class NpyDtypesTest {

    @TempDir
    Path tmp;

    private static Npz.Contents golden() throws URISyntaxException {
        return Npz.read(Path.of(NpyDtypesTest.class.getResource("dtypes.npz").toURI()));
    }

    @Test
    void readsWhatNumpyWrites() throws URISyntaxException {
        Npz.Contents c = golden();
        NpyArray f4 = c.array("f4");
        assertEquals(NpyArray.DType.FLOAT32, f4.dtype());
        assertArrayEquals(new double[] {1.5, -2.25, 3.0, (double) 1e-3f}, f4.toDoubles());
        assertArrayEquals(new long[] {-128, 0, 127}, c.array("i1").toLongs());
        assertArrayEquals(new long[] {0, 200, 255}, c.array("u1").toLongs());
        assertArrayEquals(new long[] {-32768, 7, 32767}, c.array("i2").toLongs());
        assertArrayEquals(new long[] {0, 65535}, c.array("u2").toLongs());
        assertArrayEquals(new long[] {4294967295L, 1}, c.array("u4").toLongs());
        assertArrayEquals(new long[] {Long.MAX_VALUE, 0}, c.array("u8").toLongs());
        assertArrayEquals(new String[] {"Fp1", "CPz", "\u00e9l\u00e9ctrode"}, c.array("names").toStrings());
        assertEquals("<U9", c.array("names").descr());
        assertArrayEquals(new String[] {"AF3", "T7"}, c.array("raw").toStrings());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, c.array("fortran").toLongs(), "Fortran order read as C order");
        assertArrayEquals(new String[] {"-128", "0", "127"}, c.array("i1").toStrings());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.array("names").toDoubles());
        assertTrue(e.getMessage().contains("holds text"), e.getMessage());
    }

    @Test
    void textArraysRoundTrip() {
        NpyArray names = NpyArray.ofStrings("channels", new int[] {3}, new String[] {"Fp1", "", "T10"});
        Path f = tmp.resolve("t.npz");
        Npz.write(f, List.of(names), false);
        NpyArray back = Npz.read(f).array("channels");
        assertEquals(names, back);
        assertArrayEquals(new String[] {"Fp1", "", "T10"}, back.toStrings());
    }
}
