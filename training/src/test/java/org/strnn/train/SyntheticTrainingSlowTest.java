package org.strnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.strnn.datasets.Split;
import org.strnn.datasets.synthetic.SyntheticGenerator;
import org.strnn.model.StrnnClassifier;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;

/**
 * The default model and recipe learn the default synthetic task (what {@code bin/strnn train} runs): several
 * minutes, so only with {@code mvn -B verify -Pslow}.
 */
@Tag("slow")
class SyntheticTrainingSlowTest {

    @Test
    void theDefaultRecipeLearnsTheSyntheticTask() {
        Split split = SyntheticGenerator.seedLike().split(1200, 600, 7);
        StrnnModel model = new StrnnModel(StrnnConfig.seedDefaults(), new SplittableRandom(1));
        model.setInputScaling(Standardisation.fit(split.train()));
        Trainer trainer = new Trainer(model, TrainSettings.defaults());
        trainer.train(split.train(), TrainingListener.monitoring(split.test(), TrainingListener.SILENT));
        double selected = Evaluation.of(StrnnClassifier.of(model), split.test()).accuracy();
        System.out.printf("synthetic default recipe: test accuracy %.3f (validation-selected, epoch %d)%n", selected,
                trainer.outcome().selectedEpoch());
        assertEquals(Selection.VALIDATION, trainer.outcome().selection());
        assertTrue(selected > 0.93, "validation-selected test accuracy " + selected);
    }
}
