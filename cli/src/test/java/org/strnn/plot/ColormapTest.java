package org.strnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class ColormapTest {

    @Test
    void viridisRunsFromDarkPurpleToYellow() {
        assertEquals(0x440154, Colormap.VIRIDIS.rgb(0));
        assertEquals(0xFDE725, Colormap.VIRIDIS.rgb(1));
    }

    @Test
    void valuesOutsideTheUnitIntervalAreClamped() {
        assertEquals(Colormap.VIRIDIS.rgb(0), Colormap.VIRIDIS.rgb(-3));
        assertEquals(Colormap.VIRIDIS.rgb(1), Colormap.VIRIDIS.rgb(1.5));
    }

    @Test
    void viridisGetsStrictlyLighterAlongTheScale() {
        double previous = -1;
        for (int i = 0; i <= 100; i++) {
            double l = Draw.luminance(Colormap.VIRIDIS.at(i / 100.0));
            assertTrue(l > previous, "luminance falls at t = " + i / 100.0);
            previous = l;
        }
    }

    @Test
    void interpolatesLinearlyBetweenStops() {
        Colormap grey = new Colormap("grey", 0x000000, 0xFFFFFF);
        assertEquals(0x808080, grey.rgb(0.5));
        Colormap three = new Colormap("three", 0xFF0000, 0x00FF00, 0x0000FF);
        assertEquals(0x00FF00, three.rgb(0.5));
        assertEquals(0x008080, three.rgb(0.75), "halfway from green to blue, with no red");
    }

    @Test
    void divergingScaleIsBlueBelowNearWhiteAtTheMiddleRedAbove() {
        Color low = Colormap.BLUE_WHITE_RED.at(0);
        Color mid = Colormap.BLUE_WHITE_RED.at(0.5);
        Color high = Colormap.BLUE_WHITE_RED.at(1);
        assertTrue(low.getBlue() > low.getRed() + 80, "low end " + low);
        assertTrue(high.getRed() > high.getBlue() + 80, "high end " + high);
        assertTrue(mid.getRed() >= 240 && mid.getGreen() >= 240 && mid.getBlue() >= 240, "middle " + mid);
    }

    @Test
    void rejectsNanAndTooFewStops() {
        Pixels.assertRejected(() -> Colormap.VIRIDIS.rgb(Double.NaN), "NaN");
        Pixels.assertRejected(() -> new Colormap("one", 0xFFFFFF), "at least 2");
    }
}
