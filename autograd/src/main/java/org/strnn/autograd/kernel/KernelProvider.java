package org.strnn.autograd.kernel;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Chooses the {@link Kernels} implementation once, when this class is first used, the way Apache
 * Lucene ships the Vector API: the vectorised kernels run when
 * <ul>
 *   <li>the module {@code jdk.incubator.vector} is readable (the JVM was started with
 *       {@code --add-modules jdk.incubator.vector}; a library cannot add it itself),</li>
 *   <li>the VM is HotSpot with its C2 compiler available (not {@code -Xint}, not stopped at a C1
 *       tier), without which the Vector API is far slower than plain loops, and</li>
 *   <li>the preferred double vector is at least 128 bits wide;</li>
 * </ul>
 * otherwise the plain-Java {@link ScalarKernels} run and one line is logged (through
 * {@link System.Logger}, logger {@code org.strnn.autograd.kernel}) saying why and how to enable
 * them. Both give bit-identical results, so the choice affects speed only.
 *
 * <p>The system property {@value #PROPERTY}{@code =scalar} forces the scalar kernels (for tests
 * and benchmarks; no line is logged then).
 */
public final class KernelProvider {

    /** System property: {@code scalar} forces the scalar kernels; anything else (or unset) is automatic. */
    public static final String PROPERTY = "strnn.kernels";

    private static final String MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "org.strnn.autograd.kernel.VectorKernels";

    /** Why the vector kernels are unavailable, or null when they are available. */
    private static final String UNAVAILABLE;
    private static final Kernels VECTOR;
    /** The chosen implementation. */
    static final Kernels IMPL;

    static {
        String why = vectorProblem();
        Kernels vector = null;
        if (why == null) {
            try {
                vector = (Kernels) Class.forName(VECTOR_CLASS).getMethod("create").invoke(null);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                why = "the vector kernels could not be loaded (" + cause.getMessage() + ")";
            }
        }
        UNAVAILABLE = why;
        VECTOR = vector;
        boolean forced = "scalar".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
        IMPL = forced || vector == null ? ScalarKernels.INSTANCE : vector;
        if (!forced && vector == null) {
            String hint = why.contains(MODULE) ? "; pass --add-modules " + MODULE
                    + " to the JVM to enable the vectorised ones" : "";
            System.getLogger("org.strnn.autograd.kernel").log(System.Logger.Level.INFO,
                    "strnn: using the scalar kernels: " + why + hint);
        }
    }

    private KernelProvider() {
    }

    /** The implementation in use. */
    public static Kernels get() {
        return IMPL;
    }

    /** The name of the implementation in use: {@code "scalar"} or {@code "vector-<bits>"}, e.g. {@code "vector-256"}. */
    public static String name() {
        return IMPL.name();
    }

    /** The scalar implementation (always available). */
    public static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** The vectorised implementation, if this JVM can run it (even when {@value #PROPERTY} forces scalar). */
    public static Optional<Kernels> vector() {
        return Optional.ofNullable(VECTOR);
    }

    /** Why the vectorised implementation is unavailable, or empty when it is available. */
    public static Optional<String> whyNotVector() {
        return Optional.ofNullable(UNAVAILABLE);
    }

    /** What stands in the way of the Vector API, or null when nothing does. */
    private static String vectorProblem() {
        Optional<Module> module = ModuleLayer.boot().findModule(MODULE);
        if (module.isEmpty() || !KernelProvider.class.getModule().canRead(module.get())) {
            return "the module " + MODULE + " is not readable";
        }
        String vm = System.getProperty("java.vm.name", "");
        if (!vm.contains("HotSpot") && !vm.contains("OpenJDK")) {
            return "the VM is not HotSpot (" + vm + ")";
        }
        if (System.getProperty("java.vm.info", "").contains("interpreted mode")) {
            return "the JIT compiler is off (-Xint)";
        }
        return C2.problem();
    }

    /** Reads the C2 settings through the HotSpot diagnostic bean, kept apart in case java.management is absent. */
    private static final class C2 {
        static String problem() {
            try {
                com.sun.management.HotSpotDiagnosticMXBean bean =
                        ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                if ("false".equals(bean.getVMOption("UseCompiler").getValue())) {
                    return "the JIT compiler is off";
                }
                boolean tiered = "true".equals(bean.getVMOption("TieredCompilation").getValue());
                int stop = Integer.parseInt(bean.getVMOption("TieredStopAtLevel").getValue());
                if (tiered && stop < 4) {
                    return "C2 is disabled (-XX:TieredStopAtLevel=" + stop + ")";
                }
                return null;
            } catch (RuntimeException | LinkageError e) {
                // Without the management modules the settings cannot be read; C2 is the default.
                return null;
            }
        }
    }
}
