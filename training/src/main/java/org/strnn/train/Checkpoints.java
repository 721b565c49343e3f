package org.strnn.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strnn.datasets.SettingsException;
import org.strnn.model.StrnnFile;
import org.strnn.nn.optim.Adam;

/**
 * Training checkpoints: the model file plus, in its {@code training} object, the settings and the
 * history, and Adam's state as {@code optimizer/adam_m/NAME}, {@code optimizer/adam_v/NAME} and
 * {@code optimizer/adam_steps} arrays, so that a resumed run continues exactly where it stopped.
 */
public final class Checkpoints {

    private Checkpoints() {
    }

    public static void save(Path path, Trainer trainer, List<String> classNames, TrainSettings s,
                     Map<String, Object> provenance) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", s.epochs());
        training.put("batch", s.batchSize());
        training.put("lr", s.learningRate());
        training.put("clip", s.clipNorm());
        training.put("seed", s.seed());
        training.put("weight_decay", s.weightDecay());
        training.put("schedule", s.schedule().key());
        training.put("dropout", s.dropout());
        training.put("selection", s.selection().key());
        training.put("validation", s.validationFraction());
        training.put("patience", s.patience());
        training.put("refit", s.refit());
        training.put("optimizer", OptimizerStates.name(trainer.optimizer()));
        training.put("epochs_done", trainer.epochsDone());
        training.put("selected_epoch", trainer.selectedEpoch());
        training.put("history", Results.historyJson(trainer.history()));
        Map<String, double[]> state = optimizerState(trainer);
        Map<String, double[]> selected = trainer.selectedWeights();
        Map<String, double[]> last = trainer.lastWeights();
        if (last != null) {
            // Finished: the model holds the selected weights; keep the last ones to resume from.
            last.forEach((name, v) -> state.put("last/" + name, v));
        } else if (selected != null) {
            selected.forEach((name, v) -> state.put("selected/" + name, v));
        }
        StrnnFile.save(path, trainer.model(), classNames, training, provenance, state, true);
    }

    public static Map<String, double[]> optimizerState(Trainer trainer) {
        List<String> names = new ArrayList<>(trainer.model().namedParameters().keySet());
        Adam.State st = OptimizerStates.export(trainer.optimizer());
        Map<String, double[]> out = new LinkedHashMap<>();
        if (st == null) {
            return out;
        }
        double[] steps = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            if (st.firstMoments()[k] != null) {
                out.put("adam_m/" + names.get(k), st.firstMoments()[k]);
                out.put("adam_v/" + names.get(k), st.secondMoments()[k]);
            }
            steps[k] = st.steps()[k];
        }
        out.put("adam_steps", steps);
        return out;
    }

    public static void restoreOptimizer(Trainer trainer, StrnnFile.Contents c, Path file) {
        List<String> names = new ArrayList<>(trainer.model().namedParameters().keySet());
        Map<String, double[]> saved = c.optimizerState();
        double[] steps = saved.get("adam_steps");
        if (steps == null || steps.length != names.size()) {
            throw new IllegalArgumentException(file + ": has no usable optimiser state to resume from (was it saved by "
                    + "'strnn train'?)");
        }
        double[][] m = new double[names.size()][];
        double[][] v = new double[names.size()][];
        int[] t = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            m[k] = saved.get("adam_m/" + names.get(k));
            v[k] = saved.get("adam_v/" + names.get(k));
            t[k] = (int) steps[k];
            int size = trainer.model().namedParameters().get(names.get(k)).size();
            if ((m[k] == null) != (v[k] == null) || (m[k] != null && (m[k].length != size || v[k].length != size))) {
                throw new IllegalArgumentException(file + ": the optimiser state of " + names.get(k) + " does not match it");
            }
        }
        OptimizerStates.restore(trainer.optimizer(), new Adam.State(m, v, t));
        restoreWeights(trainer, c, file);
    }

    /**
     * Puts a checkpoint's weights where training left them: a finished run's model holds the
     * selected weights and keeps the last epoch's as {@code last/NAME}; a run stopped mid-way
     * holds the last epoch's and keeps the selected ones as {@code selected/NAME}.
     */
    private static void restoreWeights(Trainer trainer, StrnnFile.Contents c, Path file) {
        Map<String, double[]> saved = c.optimizerState();
        Map<String, double[]> last = prefixed(saved, "last/", trainer);
        Map<String, double[]> selected = prefixed(saved, "selected/", trainer);
        Object epoch = c.training().get("selected_epoch");
        int selectedEpoch = epoch instanceof Number num ? num.intValue() : 0;
        try {
            if (last != null) {
                trainer.restoreSelection(selectedEpoch, trainer.model().copyValues());
                trainer.loadWeights(last);
            } else {
                trainer.restoreSelection(selectedEpoch, selected);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": its saved weights do not match the model");
        }
    }

    private static Map<String, double[]> prefixed(Map<String, double[]> saved, String prefix, Trainer trainer) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : trainer.model().namedParameters().keySet()) {
            double[] v = saved.get(prefix + name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return out.isEmpty() ? null : out;
    }

    public static TrainSettings settingsOf(StrnnFile.Contents c, int epochs, Path file) {
        Map<String, Object> t = c.training();
        try {
            TrainSettings s = new TrainSettings(epochs, ((Number) t.get("batch")).intValue(),
                    ((Number) t.get("lr")).doubleValue(), ((Number) t.get("clip")).doubleValue(),
                    ((Number) t.get("seed")).longValue());
            if (!t.containsKey("selection")) {
                return s;
            }
            if (Boolean.TRUE.equals(t.get("refit"))) {
                throw new SettingsException(file + ": a --refit run cannot be resumed; train it again");
            }
            return s.withRegularisation(((Number) t.get("weight_decay")).doubleValue(),
                    Schedule.of((String) t.get("schedule")), ((Number) t.get("dropout")).doubleValue())
                    .withSelection(Selection.of((String) t.get("selection")),
                            ((Number) t.get("validation")).doubleValue(), ((Number) t.get("patience")).intValue(),
                            false);
        } catch (SettingsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": its training settings are missing or malformed, so it cannot be "
                    + "resumed");
        }
    }

    /** The settings the checkpoint was trained with, including its epoch target. */
    public static TrainSettings savedSettings(StrnnFile.Contents c, Path file) {
        Object epochs = c.training().get("epochs");
        if (!(epochs instanceof Number n) || n.intValue() < 1) {
            throw new IllegalArgumentException(file + ": its training settings are missing or malformed, so it cannot be "
                    + "resumed");
        }
        return settingsOf(c, n.intValue(), file);
    }

    public static List<EpochStats> historyOf(StrnnFile.Contents c, Path file) {
        try {
            return Results.historyFromJson(c.training().get("history"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": its training history is missing or malformed, so it cannot be "
                    + "resumed");
        }
    }

    public static void checkSameData(StrnnFile.Contents c, String data, String test, Path file) {
        Object saved = c.provenance().get("data");
        Object savedTest = c.provenance().get("test_data");
        if (!data.equals(saved) || !test.equals(savedTest)) {
            throw new SettingsException(file + ": was trained on " + saved + " (test: " + savedTest
                    + "); resume it with the same --data and --test");
        }
    }
}
