package org.strnn.autograd;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnomalyTest {

    @Test
    void offByDefaultSoNaNsPassThrough() {
        assertFalse(Anomaly.isEnabled());
        Tensor y = assertDoesNotThrow(() -> Ops.log(Tensor.constant(1, 2, 1.0, -1.0)));
        assertTrue(Double.isNaN(y.get(0, 1)));
    }

    @Test
    void reportsTheFirstOpThatProducesNaNInForward() {
        Tensor x = Tensor.variable("x", 1, 2, 1.0, -1.0);
        try (var on = Anomaly.detect()) {
            Tensor fine = Ops.tanh(x);
            AnomalyException e = assertThrows(AnomalyException.class, () -> Ops.log(Ops.sub(fine, Ops.scale(fine, 2))));
            assertTrue(e.getMessage().contains("'log'"), e.getMessage());
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
        assertFalse(Anomaly.isEnabled());
    }

    @Test
    void reportsTheOpWhoseBackwardProducesInfinity() {
        // sqrt-free example: d/dx log(x) at x = 0+ overflows only in backward: 1 / 1e-320 = inf.
        Tensor x = Tensor.variable("x", 1, 1, 1e-320);
        try (var on = Anomaly.detect()) {
            Tensor y = Ops.scale(Ops.log(Ops.addScalar(x, 0.0)), 1.0);
            AnomalyException e = assertThrows(AnomalyException.class, y::backward);
            assertTrue(e.getMessage().contains("backward of op 'log'"), e.getMessage());
        }
    }
}
