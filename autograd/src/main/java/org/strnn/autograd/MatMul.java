package org.strnn.autograd;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Matrix products. With C = A B and upstream G = dL/dC: dL/dA = G B^T and dL/dB = A^T G. EJML's
 * multAddTransA / multAddTransB accumulate exactly these into the gradient buffers.
 */
final class MatMul {

    private MatMul() {
    }

    /** C = A B. */
    static Tensor matmul(Tensor a, Tensor b) {
        ShapeCheck.require(a.cols() == b.rows(), "matmul", "shapes " + a.shape() + " and " + b.shape()
                + " do not chain (" + a.cols() + " columns vs " + b.rows() + " rows)");
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), b.cols());
        CommonOps_DDRM.mult(a.value, b.value, out);
        return Tensor.derived("matmul", out, g -> {
            if (a.requiresGrad()) {
                CommonOps_DDRM.multAddTransB(g, b.value, a.gradBuffer());
            }
            if (b.requiresGrad()) {
                CommonOps_DDRM.multAddTransA(a.value, g, b.gradBuffer());
            }
        }, a, b);
    }

    /** C = A^T B. dL/dA = B G^T, dL/dB = A G. */
    static Tensor matmulTransA(Tensor a, Tensor b) {
        ShapeCheck.require(a.rows() == b.rows(), "matmulTransA", "shapes " + a.shape() + " and " + b.shape()
                + " do not chain as A^T B (" + a.rows() + " rows vs " + b.rows() + " rows)");
        DMatrixRMaj out = new DMatrixRMaj(a.cols(), b.cols());
        CommonOps_DDRM.multTransA(a.value, b.value, out);
        return Tensor.derived("matmulTransA", out, g -> {
            if (a.requiresGrad()) {
                CommonOps_DDRM.multAddTransB(b.value, g, a.gradBuffer());
            }
            if (b.requiresGrad()) {
                CommonOps_DDRM.multAdd(a.value, g, b.gradBuffer());
            }
        }, a, b);
    }

    /** C = A B^T. dL/dA = G B, dL/dB = G^T A. */
    static Tensor matmulTransB(Tensor a, Tensor b) {
        ShapeCheck.require(a.cols() == b.cols(), "matmulTransB", "shapes " + a.shape() + " and " + b.shape()
                + " do not chain as A B^T (" + a.cols() + " columns vs " + b.cols() + " columns)");
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), b.rows());
        CommonOps_DDRM.multTransB(a.value, b.value, out);
        return Tensor.derived("matmulTransB", out, g -> {
            if (a.requiresGrad()) {
                CommonOps_DDRM.multAdd(g, b.value, a.gradBuffer());
            }
            if (b.requiresGrad()) {
                CommonOps_DDRM.multAddTransA(g, a.value, b.gradBuffer());
            }
        }, a, b);
    }
}
