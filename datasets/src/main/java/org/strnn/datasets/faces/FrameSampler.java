package org.strnn.datasets.faces;

/**
 * Which frames of a sequence make the {@code T} time slices of a sample.
 *
 * <p>Slice {@code i} (0-based) takes frame {@code round(i * (N - 1) / (T - 1))} of an {@code N}-frame
 * sequence, rounding halves up, so the slices are evenly spaced, the first slice is the first frame
 * (CK+: neutral onset) and the last slice is the last frame (CK+: the peak expression).
 *
 * <p><b>Short sequences.</b> When {@code N < T}, the same formula repeats frames: each frame is
 * used once or more, in order, and no frame is skipped. For example {@code N = 3, T = 5} gives
 * frames {@code 0 1 1 2 2}. A sequence is never rejected for being short; a one-frame sequence
 * gives {@code T} copies of that frame. With {@code T = 1} the single slice is the last (peak)
 * frame.
 */
public final class FrameSampler {

    private FrameSampler() {
    }

    /** The {@code steps} frame indices, non-decreasing, in {@code [0, frames)}. */
    public static int[] indices(int frames, int steps) {
        if (frames < 1 || steps < 1) {
            throw new IllegalArgumentException("need frames >= 1 and steps >= 1, got frames=" + frames
                    + ", steps=" + steps);
        }
        int[] out = new int[steps];
        if (steps == 1) {
            out[0] = frames - 1;
            return out;
        }
        long span = frames - 1L;
        long denominator = steps - 1L;
        for (int i = 0; i < steps; i++) {
            // round(i * span / denominator), halves up, in exact integer arithmetic
            out[i] = (int) ((2L * i * span + denominator) / (2L * denominator));
        }
        return out;
    }
}
