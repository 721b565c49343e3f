package org.strnn.datasets.edf;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.strnn.datasets.DatasetException;
import org.strnn.layout.Layout;
import org.strnn.layout.Layouts;
import org.strnn.datasets.SampleSet;
import org.strnn.datasets.Split;
import org.strnn.datasets.features.Band;

/**
 * A walk from two EEG Motor Movement/Imagery recordings to a train/test split: reads both files and
 * prints what they hold, cuts T1 ("left") and T2 ("right") events into samples of {@code T = 4}
 * one-second slices on {@link Layouts#cap64()}, and prints the split and the range of its DE
 * features per band.
 *
 * <pre>java -cp datasets.jar org.strnn.datasets.edf.EventTaskDemo S001R03.edf S001R07.edf</pre>
 *
 * <p>A data problem prints one line and exits with status 1; a usage mistake exits with 2.
 */
public final class EventTaskDemo {

    static final int STEPS = 4;

    private EventTaskDemo() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the demo; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: EventTaskDemo TRAIN.edf TEST.edf  (for example S001R03.edf S001R07.edf)");
            return 2;
        }
        try {
            Path train = Path.of(args[0]);
            Path test = Path.of(args[1]);
            Layout layout = Layouts.cap64();
            for (Path p : List.of(train, test)) {
                out.println(describe(EdfReader.read(p)));
            }
            EventTaskBuilder builder = new EventTaskBuilder(layout, STEPS).label("T1", "left").label("T2", "right");
            Split split = builder.split(train.getFileName() + "->" + test.getFileName(), List.of(train), List.of(test));
            out.println("split " + split.name() + " (T1=left, T2=right, T=" + STEPS + " slices of 1 s, layout "
                    + layout + "):");
            out.println("  train: " + counts(split.train()));
            out.println("  test:  " + counts(split.test()));
            out.println("  " + deRange(split.train()));
            return 0;
        } catch (DatasetException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static String describe(EdfRecording recording) {
        EdfHeader h = recording.header();
        Map<String, Integer> texts = new TreeMap<>();
        for (EdfAnnotation a : recording.annotations()) {
            texts.merge(a.text(), 1, Integer::sum);
        }
        return recording.file().getFileName() + ": " + (h.isEdfPlus() ? h.reserved().substring(0, 5) : "EDF") + ", "
                + recording.channelCount() + " channels + " + h.annotationSignalIndices().size()
                + " annotation signal(s), " + recording.sampleRate(0) + " Hz, " + h.records() + " records of "
                + h.recordDurationSeconds() + " s, " + recording.annotations().size() + " annotations " + texts;
    }

    static String deRange(SampleSet set) {
        StringBuilder sb = new StringBuilder("train DE (nats, min/median/max over samples, slices and channels):");
        int per = set.steps() * set.vertices();
        for (int b = 0; b < set.features(); b++) {
            double[] values = new double[set.size() * per];
            int p = 0;
            for (int i = 0; i < set.size(); i++) {
                for (int t = 0; t < set.steps(); t++) {
                    for (int v = 0; v < set.vertices(); v++) {
                        values[p++] = set.get(i, t, v, b);
                    }
                }
            }
            if (values.length == 0) {
                return sb.append(" (no samples)").toString();
            }
            Arrays.sort(values);
            sb.append(String.format(" %s %.2f/%.2f/%.2f", Band.SEED.get(b).name(), values[0],
                    values[values.length / 2], values[values.length - 1]));
        }
        return sb.toString();
    }

    private static String counts(SampleSet set) {
        int[] counts = set.classCounts();
        StringBuilder sb = new StringBuilder(set.describe() + " (");
        for (int k = 0; k < counts.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(set.classNames().get(k)).append(' ').append(counts[k]);
        }
        return sb.append(')').toString();
    }
}
