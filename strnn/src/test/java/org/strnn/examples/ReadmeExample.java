package org.strnn.examples;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles and runs a {@code java} block of the README against a chosen class path, so that the
 * README's examples are tested as a user would paste them: the block's imports, then its
 * statements as the body of {@code Example.main}. Shared by the modules' example tests.
 */
public final class ReadmeExample {

    private final String code;

    private ReadmeExample(String code) {
        this.code = code;
    }

    /** The first {@code java} block after the README heading {@code heading} (e.g. "## Training from Java"). */
    public static ReadmeExample after(String heading) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("README.md")) || !Files.isDirectory(root.resolve("strnn"))) {
            root = root.getParent();
            assertTrue(root != null, "no README.md above the module folder");
        }
        String text = Files.readString(root.resolve("README.md"));
        int at = text.indexOf(heading);
        assertTrue(at >= 0, "README.md has no section '" + heading + "'");
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(block.find(at), "the section '" + heading + "' has no java block");
        return new ReadmeExample(block.group(1));
    }

    public String code() {
        return code;
    }

    /** The example with the first {@code Path.of("...")} pointing at {@code file} instead. */
    public ReadmeExample withPath(Path file) {
        return new ReadmeExample(code.replaceFirst("Path\\.of\\(\"[^\"]*\"\\)",
                Matcher.quoteReplacement("Path.of(\"" + file.toString().replace("\\", "\\\\") + "\")")));
    }

    /** The example's imports, then its statements as the body of {@code Example.main}. */
    public String asProgram() {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : code.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        return imports + "public class Example {\n public static void main(String[] args) throws Exception {\n"
                + body + " }\n}\n";
    }

    /** The entries of this JVM's class path that {@code allowed} matches (with forward slashes). */
    public static List<String> classPath(Pattern allowed) {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (allowed.matcher(entry.replace('\\', '/')).matches()) {
                out.add(entry);
            }
        }
        return out;
    }

    /** Compiles {@code source} (a class {@code Example}) into {@code dir}; false with the diagnostics in {@code errors}. */
    public static boolean compiles(String source, List<String> classPath, Path dir, StringBuilder errors)
            throws IOException {
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

    /** Compiles this example against {@code classPath} only, runs it in a loader that sees only that, and returns what it printed. */
    public String run(List<String> classPath, Path dir) throws Exception {
        String source = asProgram();
        StringBuilder errors = new StringBuilder();
        assertTrue(compiles(source, classPath, dir, errors), "the README example does not compile against "
                + classPath + ":\n" + errors + "\n" + source);
        List<String> runPath = new ArrayList<>(classPath);
        runPath.add(0, dir.resolve("out").toString());
        URL[] urls = new URL[runPath.size()];
        for (int k = 0; k < urls.length; k++) {
            urls[k] = Path.of(runPath.get(k)).toUri().toURL();
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
