package org.strnn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.strnn.datasets.Split;
import org.strnn.datasets.synthetic.SyntheticGenerator;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnModel;

/**
 * The default model learns the default synthetic task (what {@code ./strnn train} runs): several
 * minutes, so only with {@code mvn -B verify -Pslow}.
 */
@Tag("slow")
class SyntheticTrainingSlowTest {

    private static double lastAccuracy(double clip) {
        Split split = SyntheticGenerator.seedLike().split(1200, 600, 7);
        StrnnModel model = new StrnnModel(StrnnConfig.seedDefaults(), new SplittableRandom(1));
        model.setInputScaling(Standardisation.fit(split.train()));
        List<EpochStats> h = new Trainer(model, new TrainSettings(20, 32, 1e-3, clip, 1))
                .fit(split.train(), split.test(), TrainingListener.SILENT);
        return h.get(h.size() - 1).testAccuracy();
    }

    @Test
    void theDefaultModelLearnsTheSyntheticTask() {
        double plain = lastAccuracy(0);
        double clipped = lastAccuracy(1);
        System.out.printf("synthetic default: last-epoch test accuracy %.3f (no clipping), %.3f (clip 1)%n", plain,
                clipped);
        assertTrue(plain > 0.7, "without clipping: " + plain);
        assertTrue(clipped > 0.9, "with clipping at norm 1: " + clipped);
    }
}
