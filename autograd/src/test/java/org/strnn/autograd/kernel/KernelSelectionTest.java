package org.strnn.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The implementation chosen at start-up is the one this JVM should run: Surefire's two executions
 * (see the pom) say which one they expect through {@code -Dstrnn.expect.kernels}, so a run that
 * silently fell back to the scalar kernels, or loaded the vector ones without the module, fails.
 */
class KernelSelectionTest {

    @Test
    void theExpectedImplementationRuns() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        String expected = System.getProperty("strnn.expect.kernels", "");
        if (expected.equals("vector")) {
            assertTrue(module, "this execution should run with --add-modules jdk.incubator.vector");
            assertTrue(KernelProvider.name().startsWith("vector-"),
                    "expected the vector kernels, got " + KernelProvider.name() + ": "
                            + KernelProvider.whyNotVector().orElse(""));
        } else if (expected.equals("scalar")) {
            assertEquals("scalar", KernelProvider.name());
            assertTrue(KernelProvider.whyNotVector().isPresent() || module);
        }
        if (!module) {
            assertTrue(KernelProvider.vector().isEmpty(), "vector kernels without the module");
            assertTrue(KernelProvider.whyNotVector().orElse("").contains("jdk.incubator.vector"));
        }
    }
}
