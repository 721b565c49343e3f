package org.strnn.datasets.edf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes EDF+ or BDF+ recordings with long labelled events, to try the EDF path: {@code rounds}
 * rounds of one event per class, each {@code eventSeconds} long and back to back. Every channel is
 * Gaussian noise plus a 10-Hz rhythm whose amplitude grows with the class index, so the classes
 * differ in alpha-band DE (and the task is easy).
 */
public final class EventSynthesizer {

    private EventSynthesizer() {
    }

    /**
     * @param labels  channel labels, e.g. {@code "EEG AF3"}
     * @param classes the event texts, one per class
     */
    public static Path write(Path file, boolean bdf, List<String> labels, List<String> classes, int eventSeconds,
            int rounds, int rate, RandomGenerator rng) {
        int seconds = eventSeconds * classes.size() * rounds;
        double[][] signals = new double[labels.size()][seconds * rate];
        List<EdfWriter.Event> events = new ArrayList<>();
        for (int e = 0; e < classes.size() * rounds; e++) {
            int cls = e % classes.size();
            events.add(new EdfWriter.Event((double) e * eventSeconds, eventSeconds, classes.get(cls)));
            for (int c = 0; c < labels.size(); c++) {
                double amplitude = 5 + 4 * cls;
                for (int i = e * eventSeconds * rate; i < (e + 1) * eventSeconds * rate; i++) {
                    signals[c][i] = amplitude * Math.sin(2 * Math.PI * 10 * i / rate + c) + 6 * rng.nextGaussian();
                }
            }
        }
        EdfWriter.write(file, bdf, "X X X X", labels, rate, signals, events, false);
        return file;
    }
}
