package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.examples.ReadmeExample;

/**
 * The README's embedding example compiles and runs against the embeddable core alone: the class
 * path holds this module's classes, autograd, nn, formats, EJML and fastutil-core, and nothing
 * else (no data readers, no command line, no MAT library).
 */
class EmbeddingExampleTest {

    private static final Pattern CORE_ENTRY = Pattern.compile(
            ".*/(autograd|nn|formats|strnn)/target/classes/?|.*/(autograd|nn|formats)-[0-9.]+\\.jar"
                    + "|.*/ejml-[a-z]+-[0-9.]+\\.jar|.*/fastutil-core-[0-9.]+\\.jar");

    @TempDir
    Path dir;

    @Test
    void readmeExampleCompilesAndRunsAgainstTheCoreAlone() throws Exception {
        Path model = dir.resolve("model.npz");
        StrnnFile.save(model, new StrnnModel(StrnnConfig.seedDefaults(), new SplittableRandom(1)),
                List.of("negative", "neutral", "positive"), Map.of(), Map.of(), Map.of(), false);
        ReadmeExample example = ReadmeExample.after("## Embedding the classifier").withPath(model);

        String printed = example.run(coreClassPath(), dir);

        String[] parts = printed.trim().split(" ");
        assertEquals(2, parts.length, "the example prints a class name and its probability: " + printed);
        assertTrue(List.of("negative", "neutral", "positive").contains(parts[0]), printed);
        double p = Double.parseDouble(parts[1]);
        assertTrue(p >= 1.0 / 3 && p <= 1.0, "the best class's probability: " + p);
    }

    @Test
    void theRestrictedClassPathReallyLacksTheDataReaders() throws Exception {
        String source = "import org.strnn.datasets.SampleSet;\npublic class Example { SampleSet s; }\n";
        StringBuilder errors = new StringBuilder();
        assertFalse(ReadmeExample.compiles(source, coreClassPath(), dir, errors),
                "a data-reader class compiled against the core");
        assertTrue(errors.toString().contains("org.strnn.datasets"), errors.toString());
    }

    private static List<String> coreClassPath() {
        List<String> core = ReadmeExample.classPath(CORE_ENTRY);
        assertTrue(core.stream().anyMatch(e -> e.contains("ejml")), "EJML is not on the test class path: " + core);
        return core;
    }
}
