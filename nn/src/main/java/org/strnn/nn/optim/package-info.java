/**
 * Optimisers behind {@link org.strnn.nn.optim.Optimizer} ({@code step()} reads gradients and
 * writes weights): {@link org.strnn.nn.optim.Sgd}, {@link org.strnn.nn.optim.Adam},
 * {@link org.strnn.nn.optim.AdamW}, each with PyTorch's update formula; and
 * {@link org.strnn.nn.optim.GradClip}.
 */
package org.strnn.nn.optim;
