package org.strnn.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * One run of a sweep: a {@code train} command line, and the place it holds in the sweep's grid.
 *
 * @param id          a stable id derived from {@link #argv} alone (see {@link #idOf})
 * @param argv        the canonical command line, starting with {@code "train"}; the engines add only
 *                    options that do not change the result ({@code --out}, {@code --json},
 *                    {@code --threads}, ...)
 * @param config      the configuration's label: everything but the seed and the fold, e.g.
 *                    {@code "synthetic / no sparsity / lr=0.003"}
 * @param configId    a stable id of the configuration (the argv without seed and fold)
 * @param axes        the configuration's coordinates in file order: source, protocol, variant,
 *                    then one entry per grid option
 * @param seed        the run's seed
 * @param fold        the run's fold, or -1 when its protocol has none
 * @param splitId     a stable id of the data and its split (the base options, the source and the
 *                    protocol): configurations with the same one are trained and tested on the same
 *                    samples, seed by seed and fold by fold, so their results pair
 */
public record Run(String id, List<String> argv, String config, String configId, List<String> axes, long seed,
                  int fold, String splitId) {

    public Run {
        argv = List.copyOf(argv);
        axes = List.copyOf(axes);
    }

    /**
     * A 12-hex-digit id: the start of the SHA-256 of the arguments joined by NUL characters. The
     * same arguments give the same id on every machine and in every run of the sweep.
     */
    public static String idOf(List<String> argv) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String a : argv) {
                md.update(a.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return Hex.of(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The command line as one shell-like line, for people. */
    public String commandLine() {
        StringBuilder sb = new StringBuilder("bin/strnn");
        for (String a : argv) {
            sb.append(' ').append(Hex.shellQuote(a));
        }
        return sb.toString();
    }
}
