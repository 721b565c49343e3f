package org.strnn.datasets.edf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes EDF+ and BDF+ test recordings with long labelled events: {@code repeats} rounds of one
 * event per class, each {@code eventSeconds} long and back to back. Every channel is noise plus
 * a 10-Hz rhythm whose amplitude depends on the class, so the classes differ in alpha-band DE.
 * Not a test itself.
 */
final class EventFiles {

    private EventFiles() {
    }

    static Path write(Path file, boolean bdf, List<String> labels, List<String> classes, int eventSeconds, int repeats,
            int rate, long seed) {
        int seconds = eventSeconds * classes.size() * repeats;
        double[][] signals = new double[labels.size()][seconds * rate];
        SplittableRandom random = new SplittableRandom(seed);
        List<EdfWriter.Event> events = new ArrayList<>();
        for (int e = 0; e < classes.size() * repeats; e++) {
            int cls = e % classes.size();
            events.add(new EdfWriter.Event(e * eventSeconds, eventSeconds, classes.get(cls)));
            for (int c = 0; c < labels.size(); c++) {
                double amplitude = 5 + 10 * cls;
                for (int i = e * eventSeconds * rate; i < (e + 1) * eventSeconds * rate; i++) {
                    signals[c][i] = amplitude * Math.sin(2 * Math.PI * 10 * i / rate + c) + 3 * random.nextDouble(-1, 1);
                }
            }
        }
        EdfWriter.write(file, bdf, "X X X X", labels, rate, signals, events, false);
        return file;
    }
}
