package org.strnn.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the house point one way. Reads every main source file of every module, maps each
 * package to the module that holds it, and fails on an import from a module that the importing
 * module may not use (an upward import), or on a cycle between packages.
 */
class PackageGraphTest {

    /** What each module's main code may import from, itself aside. */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "autograd", Set.of(),
            "formats", Set.of(),
            "nn", Set.of("autograd", "formats"),
            "strnn", Set.of("autograd", "nn", "formats"),
            "datasets", Set.of("formats"),
            "training", Set.of("autograd", "nn", "formats", "strnn", "datasets"),
            "cli", Set.of("autograd", "nn", "formats", "strnn", "datasets", "training"),
            "cluster", Set.of("autograd", "nn", "formats", "strnn", "datasets", "training", "cli"),
            "benchmarks", Set.of("autograd", "nn", "formats", "strnn"));

    private static final Pattern PACKAGE = Pattern.compile("^package (org\\.strnn[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?(org\\.strnn(?:\\.[a-z]\\w*)*)\\.(?:[A-Z]|\\*)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(org\\.strnn(?:\\.[a-z]\\w*)+)\\.[A-Z]\\w*");

    record Source(String module, String pkg, Path file, Set<String> uses) {
    }

    @Test
    void noModuleImportsFromARoomAboveItAndNoPackagesFormACycle() throws IOException {
        Path root = root();
        try (Stream<Path> modules = Files.list(root)) {
            List<String> unlisted = modules.filter(m -> Files.isDirectory(m.resolve("src/main/java")))
                    .map(m -> m.getFileName().toString()).filter(m -> !MAY_USE.containsKey(m)).sorted().toList();
            assertEquals(List.of(), unlisted, "modules this test does not know; add them to MAY_USE");
        }
        List<Source> sources = sources(root);
        assertTrue(sources.size() > 100, "found only " + sources.size() + " source files");
        assertEquals(List.of(), upwardImports(sources), "imports from a module that may not be used");
        assertEquals(List.of(), cycles(sources), "package cycles");
    }

    @Test
    void theCheckCatchesAnUpwardImportAndACycle() {
        // A planted layering bug: the core importing the command line, and two packages using each other.
        List<Source> planted = List.of(
                new Source("strnn", "org.strnn.model", Path.of("A.java"), Set.of("org.strnn.cli")),
                new Source("cli", "org.strnn.cli", Path.of("B.java"), Set.of("org.strnn.sweep")),
                new Source("cli", "org.strnn.sweep", Path.of("C.java"), Set.of("org.strnn.cli")));
        assertEquals(1, upwardImports(planted).size(), upwardImports(planted).toString());
        assertEquals(List.of("org.strnn.cli -> org.strnn.sweep -> org.strnn.cli"), cycles(planted));
    }

    static List<String> upwardImports(List<Source> sources) {
        Map<String, String> moduleOf = new HashMap<>();
        for (Source s : sources) {
            moduleOf.put(s.pkg(), s.module());
        }
        List<String> bad = new ArrayList<>();
        for (Source s : sources) {
            for (String used : s.uses()) {
                String m = moduleOf.get(used);
                if (m != null && !m.equals(s.module()) && !MAY_USE.getOrDefault(s.module(), Set.of()).contains(m)) {
                    bad.add(s.file() + " (" + s.module() + ") imports " + used + " (" + m + ")");
                }
            }
        }
        return bad;
    }

    /** Each strongly connected set of two or more packages, as one path around it. */
    static List<String> cycles(List<Source> sources) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Source s : sources) {
            Set<String> out = edges.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
            for (String u : s.uses()) {
                if (!u.equals(s.pkg())) {
                    out.add(u);
                }
            }
        }
        List<String> found = new ArrayList<>();
        Set<String> reported = new TreeSet<>();
        for (String start : edges.keySet()) {
            if (reported.contains(start)) {
                continue;
            }
            List<String> path = shortestCycle(start, edges);
            if (path != null) {
                reported.addAll(path);
                found.add(String.join(" -> ", path));
            }
        }
        return found;
    }

    /** The shortest path from {@code start} back to itself, or null (breadth-first, so deterministic). */
    private static List<String> shortestCycle(String start, Map<String, Set<String>> edges) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String n : edges.getOrDefault(start, Set.of())) {
            parent.putIfAbsent(n, start);
            queue.add(n);
        }
        while (!queue.isEmpty()) {
            String n = queue.poll();
            if (n.equals(start)) {
                List<String> path = new ArrayList<>();
                String at = parent.get(start);
                path.add(start);
                while (!at.equals(start)) {
                    path.add(1, at);
                    at = parent.get(at);
                }
                path.add(start);
                return path;
            }
            for (String m : edges.getOrDefault(n, Set.of())) {
                if (!parent.containsKey(m)) {
                    parent.put(m, n);
                    queue.add(m);
                }
            }
        }
        return null;
    }

    static List<Source> sources(Path root) throws IOException {
        List<Source> out = new ArrayList<>();
        for (String module : new TreeSet<>(MAY_USE.keySet())) {
            for (String folder : List.of("src/main/java", "src/vector/java")) {
                Path dir = root.resolve(module).resolve(folder);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        String text = Files.readString(f);
                        Matcher p = PACKAGE.matcher(text);
                        if (!p.find()) {
                            continue;
                        }
                        Set<String> uses = new TreeSet<>();
                        Matcher i = IMPORT.matcher(text);
                        while (i.find()) {
                            uses.add(i.group(1));
                        }
                        Matcher q = QUALIFIED.matcher(text.replaceAll("(?m)^(package|import) .*$", ""));
                        while (q.find()) {
                            uses.add(q.group(1));
                        }
                        out.add(new Source(module, p.group(1), root.relativize(f), uses));
                    }
                }
            }
        }
        return out;
    }

    private static Path root() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !(Files.isDirectory(root.resolve("autograd")) && Files.isDirectory(root.resolve("cli")))) {
            root = root.getParent();
        }
        assertTrue(root != null, "no repository root above " + Path.of("").toAbsolutePath());
        return root;
    }
}
