package org.strnn.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strnn.datasets.SampleSet;
import org.strnn.layout.Layouts;
import org.strnn.model.StrnnConfig;

/** The one fit check that train, eval and predict share. */
class DataFitTest {

    static SampleSet data(int rows, int steps, int features, List<String> classes, int count) {
        int n = rows * 3;
        return new SampleSet(new double[count * steps * n * features], new int[count], steps,
                Layouts.lattice(rows, 3), features, classes);
    }

    private static void fails(StrnnConfig c, List<String> names, SampleSet d, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataFit.check(c, names, d, "test"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void everyMismatchIsNamed() {
        StrnnConfig c = StrnnConfig.defaults(Layouts.lattice(3, 3), 2, 4, 2);
        List<String> names = List.of("a", "b");
        assertDoesNotThrow(() -> DataFit.check(c, names, data(3, 4, 2, names, 5), "test"));
        fails(c, names, data(2, 4, 2, names, 5), "layout");
        fails(c, names, data(3, 5, 2, names, 5), "expects T=4 x d=2");
        fails(c, names, data(3, 4, 3, names, 5), "expects T=4 x d=2");
        fails(c, names, data(3, 4, 2, List.of("b", "a"), 5), "classes are [a, b]");
        fails(c, null, data(3, 4, 2, List.of("a", "b", "c"), 5), "C=2");
        fails(c, names, data(3, 4, 2, names, 0), "no samples");
    }
}
