/**
 * Pictures of a training run, drawn with {@code java.awt} alone and written as PNG: learning curves
 * ({@link org.strnn.plot.LearningCurvePlot}), a scalp or lattice map of one value per vertex such as
 * the electrode saliency of the spatial projections ({@link org.strnn.plot.LayoutMapPlot},
 * {@link org.strnn.plot.ElectrodeSaliency}), and heatmaps of weight matrices such as the temporal
 * projections {@code Gf} and {@code Gb} ({@link org.strnn.plot.HeatmapPlot}).
 *
 * <p>Every plot builds a {@link java.awt.image.BufferedImage} with {@code render()}; {@link
 * org.strnn.plot.Png#write} saves it atomically and refuses to replace an existing file unless told
 * to. Nothing here needs a display: rendering works with {@code java.awt.headless=true}.
 */
package org.strnn.plot;
