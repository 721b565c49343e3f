package org.strnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strnn.cli.CliRunner.TINY;
import static org.strnn.cli.CliRunner.run;
import static org.strnn.cli.CliRunner.with;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.autograd.Parallel;
import org.strnn.formats.Json;
import org.strnn.formats.Npz;

/** {@code strnn explain} as a user runs it: pictures and an .npz whose parts agree. */
class ExplainTest {

    @TempDir
    Path tmp;

    @AfterEach
    void oneThread() {
        Parallel.setThreads(1);
    }

    @Test
    void explainWritesPicturesAndAConsistentNpz() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, run(with(with(new String[] {"train"}, TINY), "--epochs", "2", "--out", run.toString())).exit());
        String model = run.resolve("model.npz").toString();
        CliRunner.Result r = run("explain", "--model", model, "--data", "synthetic:train=48,test=24");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("electrodes with the most evidence: "), r.out());
        Path out = run.resolve("attribution");
        for (String f : List.of("attribution_electrodes.png", "attribution_bands.png", "attribution_time.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        Npz.Contents npz = Npz.read(out.resolve(ExplainCommand.NPZ));
        assertArrayEquals(new int[] {3, 9, 62, 5}, npz.array("mean").shape());
        assertArrayEquals(new int[] {3, 62}, npz.array("vertex").shape());
        assertArrayEquals(new int[] {8, 8, 8}, npz.array("counts").toInts());
        double[] mean = npz.array("mean").toDoubles();
        double[] vertex = npz.array("vertex").toDoubles();
        double[] band = npz.array("band").toDoubles();
        for (int c = 0; c < 3; c++) {
            double v5 = 0;
            double b2 = 0;
            for (int t = 0; t < 9; t++) {
                for (int f = 0; f < 5; f++) {
                    v5 += Math.abs(mean[((c * 9 + t) * 62 + 5) * 5 + f]);
                }
                for (int v = 0; v < 62; v++) {
                    b2 += Math.abs(mean[((c * 9 + t) * 62 + v) * 5 + 2]);
                }
            }
            assertEquals(v5, vertex[c * 62 + 5], 1e-12 * (1 + v5));
            assertEquals(b2, band[c * 5 + 2], 1e-12 * (1 + b2));
        }
        Map<String, Object> info = Json.parseObject(new String(npz.otherMembers().get("attribution.json"),
                StandardCharsets.UTF_8));
        assertEquals("gradient-x-input", info.get("method"));
        assertEquals(62, ((List<?>) info.get("vertices")).size());

        CliRunner.userError(run("explain", "--model", model, "--data", "synthetic:train=48,test=24"), 1,
                "is not empty", "--force");
        CliRunner.Result ig = run("explain", "--model", model, "--data", "synthetic:train=48,test=24", "--method",
                "integrated-gradients", "--ig-steps", "4", "--out", tmp.resolve("ig").toString());
        assertEquals(0, ig.exit(), ig.toString());
        Map<String, Object> igInfo = Json.parseObject(new String(Npz.read(tmp.resolve("ig").resolve(ExplainCommand.NPZ))
                .otherMembers().get("attribution.json"), StandardCharsets.UTF_8));
        assertEquals("integrated-gradients", igInfo.get("method"));
        CliRunner.userError(run("explain", "--model", model, "--data", "synthetic", "--method", "shap"), 2,
                "--method must be one of");
    }
}
