package org.strnn.train;

/** Which epoch's weights end up in the trained model, and so which test accuracy is the headline. */
public enum Selection {

    /** The epoch with the lowest validation loss (training stops early); the default. */
    VALIDATION("validation"),
    /** The last epoch; used when there is no validation set. */
    LAST("last"),
    /**
     * The epoch with the highest test accuracy. This looks at the test data, so its accuracy is
     * optimistic; only for comparison with published numbers that were selected this way.
     */
    TEST_OPTIMISTIC("test (optimistic)");

    private final String label;

    Selection(String label) {
        this.label = label;
    }

    /** How results name it: {@code "validation"}, {@code "last"} or {@code "test (optimistic)"}. */
    public String label() {
        return label;
    }

    /** The selection whose {@link #label()} (or command-line key) is {@code s}. */
    public static Selection of(String s) {
        for (Selection sel : values()) {
            if (sel.label.equals(s) || sel.key().equals(s)) {
                return sel;
            }
        }
        throw new IllegalArgumentException("unknown selection '" + s + "' (validation, last or test)");
    }

    /** The command-line key: {@code validation}, {@code last} or {@code test}. */
    public String key() {
        return this == TEST_OPTIMISTIC ? "test" : label;
    }
}
