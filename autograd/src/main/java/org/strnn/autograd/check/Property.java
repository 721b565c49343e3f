package org.strnn.autograd.check;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A small seeded property-test runner, independent of any test framework (it throws
 * {@link AssertionError}, which JUnit reports as a failure).
 *
 * <pre>{@code
 * Property.check("relu matches finite differences", 50, gen -> {
 *     DMatrixRMaj x = gen.matrixAwayFrom(gen.rows(), gen.cols(), 0.0, 0.05);
 *     GradCheck.defaults().jacobian("relu", in -> Ops.relu(in.get(0)), List.of(x), gen.random());
 * });
 * }</pre>
 *
 * <p>Each trial gets its own seed, derived from the property's name and the trial number, so a
 * run is reproducible. When a trial fails, the error names the seed and the JVM flag that replays
 * it: with {@code -Dstrnn.seed=<seed>} every property runs exactly one trial, from that seed.
 * {@code -Dstrnn.trials=<n>} changes the number of trials of every property.
 */
public final class Property {

    /** System property: replay one trial from this seed (decimal or 0x-hex). */
    public static final String SEED_PROPERTY = "strnn.seed";
    /** System property: override the number of trials. */
    public static final String TRIALS_PROPERTY = "strnn.trials";

    private Property() {
    }

    /** Runs {@code body} on {@code trials} generators with reproducible seeds. */
    public static void check(String name, int trials, Consumer<Gen> body) {
        String replay = System.getProperty(SEED_PROPERTY);
        if (replay != null && !replay.isBlank()) {
            runTrial(name, 0, parseSeed(replay), body);
            return;
        }
        String override = System.getProperty(TRIALS_PROPERTY);
        int n = override == null || override.isBlank() ? trials : Integer.parseInt(override.trim());
        long base = baseSeed(name);
        for (int i = 0; i < n; i++) {
            runTrial(name, i, mix(base + i), body);
        }
    }

    /** The seed of trial {@code trial} of property {@code name} (what {@link #check} uses). */
    public static long seedOf(String name, int trial) {
        return mix(baseSeed(name) + trial);
    }

    private static void runTrial(String name, int trial, long seed, Consumer<Gen> body) {
        try {
            body.accept(new Gen(seed));
        } catch (RuntimeException | AssertionError e) {
            String msg = "property '" + name + "' failed on trial " + trial + " with seed " + hex(seed)
                    + "; replay with -D" + SEED_PROPERTY + "=" + hex(seed) + "\n  " + e;
            System.err.println(msg);
            throw new PropertyFailure(msg, seed, e);
        }
    }

    static String hex(long seed) {
        return "0x" + Long.toHexString(seed);
    }

    static long parseSeed(String s) {
        String t = s.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a decimal or 0x-hex long, got '" + s + "'", e);
        }
    }

    private static long baseSeed(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A failed trial; {@link #seed()} replays it. */
    public static final class PropertyFailure extends AssertionError {
        private static final long serialVersionUID = 1L;
        private final long seed;

        PropertyFailure(String message, long seed, Throwable cause) {
            super(message, cause);
            this.seed = seed;
        }

        public long seed() {
            return seed;
        }
    }
}
