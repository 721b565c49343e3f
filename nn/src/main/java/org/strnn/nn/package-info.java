/**
 * Generic neural-network parts on top of {@code org.strnn.autograd}: {@link org.strnn.nn.Module}
 * (named parameters, nesting, all-or-nothing state loading), initialisers ({@link org.strnn.nn.Inits}),
 * {@link org.strnn.nn.Linear} and activation layers, recurrent cells behind
 * {@link org.strnn.nn.RecurrentCell} (Elman, GRU, LSTM), unrolling ({@link org.strnn.nn.Recurrent})
 * and {@link org.strnn.nn.Bidirectional}, and L1 sparsity ({@link org.strnn.nn.Sparsity}).
 * Optimisers are in {@code org.strnn.nn.optim}; model and array files in {@code org.strnn.nn.io}.
 * Values are rank-2 with the batch along rows; randomness is always passed in.
 */
package org.strnn.nn;
