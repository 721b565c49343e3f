package org.strnn.autograd.kernel;

/**
 * The hot loops of the products, behind one interface so that an implementation can be chosen
 * once, at start-up ({@link KernelProvider}): plain Java ({@link ScalarKernels}) or the JDK's
 * incubating Vector API (when {@code --add-modules jdk.incubator.vector} is given).
 *
 * <p>Every implementation computes every output element with exactly the same sequence of
 * floating-point operations, with multiplications and additions separate (never a fused
 * multiply-add). The products ({@link #mulRows} and {@link #mulTransRows}, and through them
 * {@link Gemm#multPacked}; every product of the model goes through them) add the terms to the
 * accumulator one at a time, in index order. So every implementation gives bit-identical
 * results, and a loop may be reordered only across independent output elements, never within one
 * element's sum.
 *
 * <p>The static methods of {@link Rows} and {@link Gemm} delegate to the chosen implementation;
 * callers normally use those.
 */
public interface Kernels {

    /** A short name of the implementation: {@code "scalar"} or {@code "vector-<bits>"}. */
    String name();

    /** See {@link Rows#mulRows}. */
    void mulRows(double[][] s, int sFrom, int m, int tFrom, int tTo, double[][] b, double[][] c, int cFrom, int n,
                 boolean add);

    /** See {@link Rows#mulTransRows}. */
    void mulTransRows(double[][] a, int p0, int m, int tFrom, int tTo, double[][] b, double[][] c, int cFrom, int n);

    /** See {@link Rows#add}. */
    void add(double[] c, double[] a, int n);
}
