package org.strnn.train;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Map;
import org.strnn.datasets.SampleSet;
import org.strnn.nn.io.Provenance;

/**
 * Builds a trained model's {@link Provenance}: seed, library and Java version, time, the identities
 * of the training and test data, SHA-256 fingerprints of their exact samples, and the options
 * that turned the source into samples. Every command that saves a model builds it here, so every
 * model file carries the same fields.
 */
public final class TrainingProvenance {

    private TrainingProvenance() {
    }

    /**
     * The provenance of a model trained on {@code train} and tested on {@code test}.
     *
     * @param testIdentity null (with {@code test} null) when the run had no test data
     */
    public static Provenance of(long seed, String dataIdentity, SampleSet train, String testIdentity, SampleSet test,
                                Map<String, String> dataOptions, Clock clock) {
        return Provenance.of(seed, dataIdentity, clock).withJava().withTest(testIdentity)
                .withFingerprints(fingerprint(train), test == null ? null : fingerprint(test))
                .withDataOptions(dataOptions);
    }

    /** The provenance of an untrained model. */
    public static Provenance untrained(long seed, Clock clock) {
        return Provenance.of(seed, "none (untrained)", clock).withJava();
    }

    /** SHA-256 over the samples' values and labels, as {@code sha256:<hex>}: identifies the exact data a model saw. */
    public static String fingerprint(SampleSet data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8];
            double[] sample = new double[data.sampleLength()];
            for (int i = 0; i < data.size(); i++) {
                data.copySample(i, sample, 0);
                for (double v : sample) {
                    long bits = Double.doubleToLongBits(v);
                    for (int b = 0; b < 8; b++) {
                        buf[b] = (byte) (bits >>> (8 * b));
                    }
                    md.update(buf);
                }
                md.update((byte) data.label(i));
            }
            StringBuilder hex = new StringBuilder("sha256:");
            for (byte b : md.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
