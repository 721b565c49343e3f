package org.strnn.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during training: the first signal asks the run to stop after the
 * current step, so that it can write what is done and say how to resume; a second one stops the
 * process at once (files are written atomically, so nothing is left half-written either way).
 */
final class Interrupt implements AutoCloseable {

    /** Thrown at a step boundary after a signal arrived; carries the signal's name. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String signal) {
            super("interrupted by SIG" + signal, null, false, false);
        }
    }

    /** The exit code of a run stopped by a signal: 128 + SIGINT's number, as shells report it. */
    static final int EXIT = 130;

    private static final String[] SIGNALS = {"INT", "TERM"};

    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile String received;

    private Interrupt() {
    }

    /** Catches SIGINT and SIGTERM until {@link #close()}; where the JVM does not allow it, catches nothing. */
    static Interrupt install() {
        Interrupt i = new Interrupt();
        for (String name : SIGNALS) {
            try {
                i.previous.add(Signal.handle(new Signal(name), i::onSignal));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                i.previous.add(null);
            }
        }
        return i;
    }

    private void onSignal(Signal s) {
        if (received != null) {
            System.err.println();
            System.err.println("strnn: interrupted again: stopping now");
            Runtime.getRuntime().halt(EXIT);
        }
        received = s.getName();
    }

    /** Throws {@link Stopped} if a signal has arrived. */
    void check() {
        String s = received;
        if (s != null) {
            throw new Stopped(s);
        }
    }

    @Override
    public void close() {
        for (int k = 0; k < SIGNALS.length; k++) {
            if (previous.get(k) != null) {
                Signal.handle(new Signal(SIGNALS[k]), previous.get(k));
            }
        }
    }
}
