package org.strnn.nn;

import java.util.random.RandomGenerator;

/**
 * Fills a new parameter's values. A parameter is a {@code rows x cols} matrix stored row-major; a
 * weight that maps {@code in} features to {@code out} features is {@code out x in}, so its
 * fan-in is {@code cols} and its fan-out is {@code rows}. A vector (a bias) is {@code 1 x n}.
 * Standard initialisers are in {@link Inits}.
 */
@FunctionalInterface
public interface Init {

    /**
     * Writes all {@code rows * cols} values of {@code data}, drawing any randomness from
     * {@code rng} only (the same generator state gives the same values).
     */
    void fill(double[] data, int rows, int cols, RandomGenerator rng);
}
