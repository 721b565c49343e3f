package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: a 64 KiB tmpfs. Needs root and mount(8); skipped (with the reason) where
 * they are not available.
 */
class FullDiskTest {

    @TempDir
    Path tmp;

    private Path mount;

    private static int exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a small tmpfs");
        mount = tmp.resolve("small");
        Files.createDirectories(mount);
        assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()) == 0,
                "mount -t tmpfs is not permitted here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null && exec("umount", mount.toString()) != 0) {
            System.gc(); // a memory-mapped writer's mapping keeps the file system busy until it is collected
            if (exec("umount", mount.toString()) != 0) {
                exec("umount", "-l", mount.toString());
            }
        }
    }

    @Test
    void trainingOntoAFullDiskFailsWithOneLineAndLeavesNoPartialFile() throws IOException {
        // Fill the file system almost completely, then ask for a model (~250 KB) to be written there.
        Path filler = mount.resolve("filler");
        try {
            Files.write(filler, new byte[60 * 1024]);
        } catch (IOException e) {
            // full already: fine
        }
        Path out = mount.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--data", "synthetic:train=40,test=20", "--epochs", "1",
                "--out", out.toString(), "--quiet");
        assertEquals(1, r.exit(), r.toString());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), r.toString());
        assertTrue(err.startsWith("strnn: error: "), r.toString());
        assertTrue(err.toLowerCase().contains("space"), r.toString());
        if (Files.isDirectory(out)) {
            try (Stream<Path> files = Files.list(out)) {
                List<Path> left = files.toList();
                assertTrue(left.isEmpty(), "no partial files: " + left);
            }
        }
    }

    @Test
    void synthSeedOntoAFullDiskFailsWithOneLineLeavesNothingAndCanRunAgain() throws Exception {
        Path dir = mount.resolve("seed");
        CliRunner.Result r = CliRunner.run("synth", "seed", dir.toString(), "--subjects", "1", "--sessions", "1");
        assertEquals(1, r.exit(), r.toString());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), r.toString());
        assertTrue(err.startsWith("strnn: error: " + dir + ": the disk filled up"), r.toString());
        try (Stream<Path> files = Files.list(mount)) {
            List<Path> left = files.toList();
            assertTrue(left.isEmpty(), "nothing half-written is left: " + left);
        }
        assertEquals(0, exec("mount", "-o", "remount,size=8m", mount.toString()));
        CliRunner.Result again = CliRunner.run("synth", "seed", dir.toString(), "--subjects", "1", "--sessions", "1",
                "--trial-seconds", "4");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(Files.isRegularFile(dir.resolve("ExtractedFeatures").resolve("label.mat")), again.toString());
    }
}
