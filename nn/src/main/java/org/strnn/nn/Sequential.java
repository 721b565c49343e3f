package org.strnn.nn;

import java.util.List;
import org.strnn.autograd.Tensor;

/**
 * Layers applied in order: {@code y = f_k(...f_2(f_1(x)))}. A layer that is a {@link Module} is
 * registered under its position, so the parameters of the first layer are {@code 0.W}, {@code 0.b}
 * and so on.
 */
public final class Sequential extends Module implements Layer {

    private final List<Layer> layers;

    public Sequential(Layer... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("Sequential needs at least one layer");
        }
        this.layers = List.of(layers);
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof Module m) {
                register(Integer.toString(i), m);
            }
        }
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Tensor apply(Tensor x) {
        Tensor y = x;
        for (Layer layer : layers) {
            y = layer.apply(y);
        }
        return y;
    }
}
