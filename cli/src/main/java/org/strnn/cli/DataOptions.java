package org.strnn.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strnn.datasets.source.EdfEvents;
import org.strnn.datasets.source.SourceSettings;
import org.strnn.model.StrnnFile;
import org.strnn.nn.io.Provenance;

/**
 * The options that turn a source into samples ({@link #OPTIONS}), recorded in a model's
 * provenance by {@code train} so that {@code eval} and {@code predict} cut new data the same way
 * without the user repeating {@code --events}, {@code --steps} or {@code --slice}.
 */
final class DataOptions {

    /** Arguments completed from a model file, and which options were taken from it. */
    record Fallback(Args args, String note) {
    }

    /** The options that shape how sources are read and split, shared by every command that reads data. */
    static final List<Option> OPTIONS = SourceSettings.OPTIONS.stream()
            .map(s -> new Option(s.name(), s.argument(), s.defaultValue(), s.help())).toList();

    private DataOptions() {
    }

    /** The data options in effect for a run: every one with a value (given or default), and T. */
    static Map<String, String> of(Args args, int steps) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Option o : OPTIONS) {
            String v = o.isFlag() ? (args.flag(o.name()) ? "true" : null) : args.string(o.name());
            if (v != null) {
                m.put(o.name(), v);
            }
        }
        m.put("steps", String.valueOf(steps));
        return m;
    }

    /**
     * {@code args} with the model's recorded data options for those the user left out (T at least,
     * from the model's configuration), and a note naming the ones taken from the model file (empty
     * when none).
     */
    static Fallback fromModel(Args args, StrnnFile.Contents model) {
        Map<String, String> recorded = new LinkedHashMap<>();
        try {
            recorded.putAll(Provenance.fromJson(model.provenance()).dataOptions());
        } catch (IllegalArgumentException e) {
            // an older or hand-made file: only T is known
        }
        recorded.put("steps", String.valueOf(model.model().config().steps()));
        String data = args.has("data") ? args.string("data") : "";
        if (recorded.get("steps").equals(EdfEvents.files(data).isEmpty() ? "9" : "4")) {
            recorded.remove("steps"); // the source's own default: nothing to take from the model
        }
        Map<String, String> used = new LinkedHashMap<>();
        for (Option o : OPTIONS) {
            String v = recorded.get(o.name());
            if (v != null && !args.has(o.name()) && !v.equals(o.defaultValue())) {
                used.put(o.name(), v);
            }
        }
        StringBuilder note = new StringBuilder();
        if (!used.isEmpty()) {
            note.append("from the model file:");
            used.forEach((k, v) -> note.append(" --").append(k).append(' ').append(v));
        }
        return new Fallback(args.withFallback(used), note.toString());
    }
}
