package org.strnn.cli;

import java.util.Locale;
import org.strnn.train.EpochStats;
import org.strnn.train.TrainingListener;

/**
 * Training progress on stderr: a redrawn bar with epoch, loss, accuracy and ETA on a terminal,
 * one plain line per epoch otherwise, nothing when quiet.
 */
final class Progress implements TrainingListener {

    private final Console console;
    private final boolean quiet;
    private final int epochs;
    private final long start = System.nanoTime();
    private int firstEpoch = -1;
    private double lastAccuracy = Double.NaN;

    Progress(Console console, boolean quiet, int epochs) {
        this.console = console;
        this.quiet = quiet;
        this.epochs = epochs;
    }

    @Override
    public void stepDone(int epoch, int step, int steps, double loss) {
        if (firstEpoch < 0) {
            firstEpoch = epoch;
        }
        if (quiet || !console.terminal()) {
            return;
        }
        double done = (epoch - firstEpoch) + (double) step / steps;
        double total = epochs - firstEpoch + 1;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = done > 0 ? elapsed * (total - done) / done : Double.NaN;
        int width = 24;
        int filled = (int) Math.round(width * (double) step / steps);
        String bar = "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "");
        console.err().print(String.format(Locale.ROOT, "\repoch %d/%d [%s] %d/%d loss %.4f test acc %s ETA %s ",
                epoch, epochs, bar, step, steps, loss,
                Double.isNaN(lastAccuracy) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * lastAccuracy),
                clock(eta)));
        console.err().flush();
    }

    @Override
    public void epochDone(EpochStats s) {
        lastAccuracy = s.testAccuracy();
        if (quiet) {
            return;
        }
        String line = String.format(Locale.ROOT,
                "epoch %d/%d: train loss %.4f, train acc %.1f%%, test loss %.4f, test acc %.1f%% (%.1f s)",
                s.epoch(), epochs, s.trainLoss(), 100 * s.trainAccuracy(), s.testLoss(), 100 * s.testAccuracy(),
                s.seconds());
        if (console.terminal()) {
            console.err().print("\r\033[K");
        }
        console.err().println(line);
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
