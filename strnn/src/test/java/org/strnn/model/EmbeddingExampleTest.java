package org.strnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.model.io.StrnnFile;

/**
 * The README's embedding example compiles and runs against the embeddable core alone: the class
 * path holds this module's classes, autograd, nn, layout, EJML and fastutil-core, and nothing
 * else (no data readers, no command line, no MAT library).
 */
class EmbeddingExampleTest {

    private static final Pattern CORE_ENTRY = Pattern.compile(
            ".*/(autograd|nn|layout|model)/target/classes/?|.*/(autograd|nn|layout)-[0-9.]+\\.jar"
                    + "|.*/ejml-[a-z]+-[0-9.]+\\.jar|.*/fastutil-core-[0-9.]+\\.jar");

    @TempDir
    Path dir;

    @Test
    void readmeExampleCompilesAndRunsAgainstTheCoreAlone() throws Exception {
        String example = readmeExample();
        Path model = dir.resolve("model.npz");
        StrnnFile.save(model, new StrnnModel(StrnnConfig.seedDefaults(), new SplittableRandom(1)),
                List.of("negative", "neutral", "positive"), Map.of(), Map.of(), Map.of(), false);
        String source = asProgram(example.replaceFirst("Path\\.of\\(\"[^\"]*\"\\)",
                Matcher.quoteReplacement("Path.of(\"" + model.toString().replace("\\", "\\\\") + "\")")));

        String printed = run(compile(source, coreClassPath()));

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
        assertFalse(compiles(source, coreClassPath(), errors), "a data-reader class compiled against the core");
        assertTrue(errors.toString().contains("org.strnn.datasets"), errors.toString());
    }

    /** The first {@code java} block after the README's heading "Embedding the classifier". */
    private static String readmeExample() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("README.md")) || !Files.isDirectory(root.resolve("model"))) {
            root = root.getParent();
            assertTrue(root != null, "no README.md above the module folder");
        }
        String text = Files.readString(root.resolve("README.md"));
        int heading = text.indexOf("## Embedding the classifier");
        assertTrue(heading >= 0, "README.md has no section 'Embedding the classifier'");
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(block.find(heading), "the embedding section has no java block");
        return block.group(1);
    }

    /** The example's imports, then its statements as the body of {@code Example.main}. */
    private static String asProgram(String example) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : example.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        return imports + "public class Example {\n public static void main(String[] args) throws Exception {\n"
                + body + " }\n}\n";
    }

    private static List<String> coreClassPath() {
        List<String> core = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (CORE_ENTRY.matcher(entry.replace('\\', '/')).matches()) {
                core.add(entry);
            }
        }
        assertTrue(core.stream().anyMatch(e -> e.contains("ejml")), "EJML is not on the test class path: " + core);
        return core;
    }

    private boolean compiles(String source, List<String> classPath, StringBuilder errors) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src")).resolve("Example.java");
        Files.writeString(src, source);
        Path out = Files.createDirectories(dir.resolve("out"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, null, diagnostics, "-classpath", String.join(File.pathSeparator, classPath),
                "-d", out.toString(), src.toString());
        errors.append(diagnostics.toString(StandardCharsets.UTF_8));
        return rc == 0;
    }

    private List<String> compile(String source, List<String> classPath) throws IOException {
        StringBuilder errors = new StringBuilder();
        assertTrue(compiles(source, classPath, errors), "the README example does not compile against the core:\n"
                + errors + "\n" + source);
        List<String> runPath = new ArrayList<>(classPath);
        runPath.add(0, dir.resolve("out").toString());
        return runPath;
    }

    /** Runs {@code Example.main} in a class loader that sees only {@code classPath} (and the JDK). */
    private static String run(List<String> classPath) throws Exception {
        URL[] urls = new URL[classPath.size()];
        for (int k = 0; k < urls.length; k++) {
            urls[k] = Path.of(classPath.get(k)).toUri().toURL();
        }
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Method main = loader.loadClass("Example").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
