package org.strnn.plot;

/** Test access to the colour positions of a layout map. */
public final class LayoutMapAccess {

    private LayoutMapAccess() {
    }

    public static double[] positions(LayoutMapPlot plot) {
        return plot.positions();
    }
}
