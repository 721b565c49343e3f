package org.strnn.autograd;

/**
 * A thread-local mode switched on for the extent of a try-with-resources block, such as
 * {@link Grad#disabled()} or {@link Anomaly#detect()}. Scopes nest; closing one twice is harmless.
 */
public final class Scope implements AutoCloseable {
    private final int[] depth;
    private boolean open = true;

    Scope(int[] depth) {
        this.depth = depth;
        depth[0]++;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            depth[0]--;
        }
    }
}
