package org.strnn.cli;

import java.nio.file.Path;
import java.util.List;
import org.strnn.model.StrnnModel;
import org.strnn.train.EpochStats;

/** The pictures of a run: learning curves, electrode saliency, temporal projection weights. */
final class Pictures {

    private Pictures() {
    }

    static void draw(Path out, StrnnModel model, List<EpochStats> history, Console console) {
        // Filled in when the plot package lands.
    }
}
