package org.strnn.nn.optim;

/**
 * Updates parameters from their gradients. The optimiser is separate from the gradient
 * computation: the caller runs the forward and backward passes, then {@link #step()} reads each
 * parameter's gradient and writes its values. It never clears gradients; that is the caller's
 * job (for example {@code Module.zeroGrad()}). A parameter that has never received a gradient
 * ({@code !hasGrad()}) is skipped, as PyTorch skips parameters whose gradient is {@code None}.
 * {@code zeroGrad()} keeps the buffer, so a parameter that took part in an earlier step but got no
 * gradient in this one is stepped with a zero gradient (momentum still moves it), as in PyTorch
 * with {@code zero_grad(set_to_none=False)}.
 */
public interface Optimizer {

    /** One update of every parameter from its current gradient. */
    void step();

    /** Forgets all state (step count, momentum and moment buffers), as if newly constructed. */
    void reset();

    double learningRate();

    /** Changes the learning rate for the following steps (for schedules); state is kept. */
    void setLearningRate(double lr);
}
