package org.strnn.autograd;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.strnn.autograd.kernel.Elementwise;

/** Slicing, concatenation, transpose and reshape: ops that move values without arithmetic. */
final class Shapes {

    private Shapes() {
    }

    /** Rows [from, from+count) of x. The gradient is scattered back to those rows. */
    static Tensor sliceRows(Tensor x, int from, int count) {
        ShapeCheck.require(from >= 0 && count >= 0 && from + count <= x.rows(), "sliceRows",
                "rows [" + from + ", " + (from + count) + ") are outside " + x.shape());
        int c = x.cols();
        DMatrixRMaj out = new DMatrixRMaj(count, c);
        System.arraycopy(x.value.data, from * c, out.data, 0, count * c);
        return Tensor.derived("sliceRows", out, g -> {
            double[] gx = x.gradData();
            int o = from * c;
            for (int i = 0; i < count * c; i++) {
                gx[o + i] += g.data[i];
            }
        }, x);
    }

    /** Columns [from, from+count) of x. */
    static Tensor sliceCols(Tensor x, int from, int count) {
        ShapeCheck.require(from >= 0 && count >= 0 && from + count <= x.cols(), "sliceCols",
                "columns [" + from + ", " + (from + count) + ") are outside " + x.shape());
        int r = x.rows();
        int c = x.cols();
        DMatrixRMaj out = new DMatrixRMaj(r, count);
        for (int i = 0; i < r; i++) {
            System.arraycopy(x.value.data, i * c + from, out.data, i * count, count);
        }
        return Tensor.derived("sliceCols", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < count; j++) {
                    gx[i * c + from + j] += g.data[i * count + j];
                }
            }
        }, x);
    }

    /** Stacks the parts top to bottom; they must have the same number of columns. */
    static Tensor concatRows(List<Tensor> parts) {
        ShapeCheck.require(!parts.isEmpty(), "concatRows", "needs at least one tensor");
        int c = parts.get(0).cols();
        int rows = 0;
        for (Tensor p : parts) {
            ShapeCheck.require(p.cols() == c, "concatRows",
                    "shapes " + parts.get(0).shape() + " and " + p.shape() + " have different column counts");
            rows += p.rows();
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, c);
        int o = 0;
        for (Tensor p : parts) {
            System.arraycopy(p.value.data, 0, out.data, o, p.size());
            o += p.size();
        }
        Tensor[] ps = parts.toArray(new Tensor[0]);
        return Tensor.derived("concatRows", out, g -> {
            int off = 0;
            for (Tensor p : ps) {
                if (p.requiresGrad()) {
                    double[] gp = p.gradData();
                    for (int i = 0; i < gp.length; i++) {
                        gp[i] += g.data[off + i];
                    }
                }
                off += p.size();
            }
        }, ps);
    }

    /** Places the parts side by side; they must have the same number of rows. */
    static Tensor concatCols(List<Tensor> parts) {
        ShapeCheck.require(!parts.isEmpty(), "concatCols", "needs at least one tensor");
        int r = parts.get(0).rows();
        int cols = 0;
        for (Tensor p : parts) {
            ShapeCheck.require(p.rows() == r, "concatCols",
                    "shapes " + parts.get(0).shape() + " and " + p.shape() + " have different row counts");
            cols += p.cols();
        }
        DMatrixRMaj out = new DMatrixRMaj(r, cols);
        int off = 0;
        for (Tensor p : parts) {
            Elementwise.placeColumns(p.value.data, r, p.cols(), out.data, cols, off);
            off += p.cols();
        }
        Tensor[] ps = parts.toArray(new Tensor[0]);
        int total = cols;
        return Tensor.derived("concatCols", out, g -> {
            int o = 0;
            for (Tensor p : ps) {
                int pc = p.cols();
                if (p.requiresGrad()) {
                    double[] gp = p.gradData();
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < pc; j++) {
                            gp[i * pc + j] += g.data[i * total + o + j];
                        }
                    }
                }
                o += pc;
            }
        }, ps);
    }

    /** y = x^T. dx = g^T. */
    static Tensor transpose(Tensor x) {
        int r = x.rows();
        int c = x.cols();
        DMatrixRMaj out = new DMatrixRMaj(c, r);
        double[] xs = x.value.data;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out.data[j * r + i] = xs[i * c + j];
            }
        }
        return Tensor.derived("transpose", out, g -> {
            double[] gx = x.gradData();
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    gx[i * c + j] += g.data[j * r + i];
                }
            }
        }, x);
    }

    /** The same row-major values seen as rows x cols. */
    static Tensor reshape(Tensor x, int rows, int cols) {
        ShapeCheck.require(rows >= 0 && cols >= 0 && (long) rows * cols == x.size(), "reshape",
                "cannot view " + x.shape() + " (" + x.size() + " values) as " + rows + "x" + cols);
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        System.arraycopy(x.value.data, 0, out.data, 0, x.size());
        return Tensor.derived("reshape", out, g -> Tensor.accumulate(x, g), x);
    }
}
