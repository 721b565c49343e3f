package org.strnn.cli;

/** Help text for commands. */
final class Help {

    static final String DATA_SOURCES = """
              synthetic[:train=N,test=N,noise=X,seed=S]
                            seeded SEED-shaped samples whose class is a spatial pattern moving in time
                            (the default; 1200 train and 600 test samples, noise 1.0, seed 7)
              seed:DIR      a SEED ExtractedFeatures directory; --subject and --session pick the
                            experiment (trials 1-9 train, 10-15 test)
              edf:FILE[,FILE...]
                            EDF+ recordings with event annotations (--events, --slice); the last file is
                            the test file unless --test names another source
              faces:DIR     a CK+-style directory of face-image sequences; --fold picks one of 10
                            subject-exclusive folds
            """;

    private Help() {
    }

    static String of(Command c) {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: ./strnn ").append(c.name()).append(' ').append(c.usage()).append("\n\n");
        sb.append(c.summary()).append('\n');
        if (!c.description().isEmpty()) {
            sb.append('\n').append(c.description().strip()).append('\n');
        }
        sb.append("\noptions:\n");
        for (Option o : c.options()) {
            String left = "--" + o.name() + (o.isFlag() ? "" : " " + o.argument());
            String right = o.help() + (o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")");
            if (left.length() > 24) {
                sb.append("  ").append(left).append('\n').append(" ".repeat(28)).append(right).append('\n');
            } else {
                sb.append(String.format("  %-25s %s%n", left, right));
            }
        }
        sb.append("  --help                    show this help\n");
        return sb.toString();
    }
}
