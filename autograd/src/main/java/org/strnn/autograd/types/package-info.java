/**
 * The value types that the graph ops and the internal kernels share: the activation functions and
 * the DAG of a spatial traversal. They depend on nothing, so both {@code org.strnn.autograd} and
 * its kernels can use them without depending on each other both ways.
 */
package org.strnn.autograd.types;
