package org.strnn.cli;

/** Help text for commands. */
final class Help {

    static final String DATA_SOURCES = """
              synthetic[:train=N,test=N,noise=X,seed=S]
                            seeded SEED-shaped samples whose class is a spatial pattern moving in time
                            (the default; 1200 train and 600 test samples, noise 1.0, seed 7)
              seed:DIR      a SEED ExtractedFeatures directory (paper split: trials 1-9 train, 10-15 test)
              seed-iv:DIR   SEED-IV's eeg_feature_smooth folder (4 classes; trials 1-16 train, 17-24 test)
              deap:DIR      DEAP's data_preprocessed_matlab folder (or one sNN.mat); --target, --threshold
              edf:FILE[,FILE...]   (also bdf:)
                            EDF/EDF+/BDF/BDF+ recordings with event annotations (--events, --slice);
                            channels placed by their 10-05 names; every event is a trial of many slices
              npz:FILE      features computed elsewhere, as docs/features-npz.md specifies
              faces:DIR     a CK+-style directory of face-image sequences (10 subject-exclusive folds)
            protocols (--protocol): paper (the source's own split), kfold (--folds K over the trials of
            each subject), loso (leave one subject out), cross-session (test on one session of a subject,
            train on its others); --fold I picks a fold in train, experiment runs them all.
            """;

    private Help() {
    }

    static String of(Command c) {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: bin/strnn ").append(c.name()).append(' ').append(c.usage()).append("\n\n");
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
