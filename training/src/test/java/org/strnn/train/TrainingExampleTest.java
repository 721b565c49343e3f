package org.strnn.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strnn.examples.ReadmeExample;

/**
 * The README's example of training from Java compiles and runs against the training library's
 * class path alone: the library, the model, the readers and their dependencies, without the
 * command line.
 */
class TrainingExampleTest {

    private static final String MODULES = "autograd|nn|formats|strnn|datasets|training";
    private static final Pattern LIBRARY_ENTRY = Pattern.compile(".*/(" + MODULES + ")/target/classes/?"
            + "|.*/(" + MODULES + ")-[0-9.]+\\.jar|.*/ejml-[a-z]+-[0-9.]+\\.jar|.*/fastutil-core-[0-9.]+\\.jar"
            + "|.*/mfl-core-[0-9.]+\\.jar");

    @TempDir
    Path dir;

    @Test
    void readmeTrainingExampleRunsWithoutTheCommandLine() throws Exception {
        List<String> classPath = ReadmeExample.classPath(LIBRARY_ENTRY);
        String printed = ReadmeExample.after("## Training from Java").run(classPath, dir);

        Matcher m = Pattern.compile("test accuracy ([0-9.]+) %").matcher(printed);
        assertTrue(m.find(), "the example prints its test accuracy: " + printed);
        double accuracy = Double.parseDouble(m.group(1));
        // Three classes: chance is 33 %; the default recipe learns the synthetic task far above it.
        assertTrue(accuracy > 60 && accuracy <= 100, "test accuracy " + accuracy + " %");
    }

    @Test
    void theLibraryClassPathIsReallyRestricted() throws Exception {
        // JUnit is on this test's own class path but not in the library's: a class of it must not
        // compile, or the filter lets everything through.
        StringBuilder errors = new StringBuilder();
        String source = "import org.junit.jupiter.api.Test;\npublic class Example { Test t; }\n";
        assertFalse(ReadmeExample.compiles(source, ReadmeExample.classPath(LIBRARY_ENTRY), dir, errors),
                "a JUnit class compiled against the training library's class path");
        assertTrue(errors.toString().contains("org.junit"), errors.toString());
    }
}
