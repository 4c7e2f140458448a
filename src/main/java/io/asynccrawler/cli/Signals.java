package io.asynccrawler.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a job: the handler stops the job and the command returns
 * 130 or 143 itself, after writing its report, instead of the JVM exiting under it.
 */
final class Signals implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private Signals() {
    }

    /** Calls {@code onSignal} with the exit code (130 or 143) when INT or TERM arrives. */
    static Signals install(IntConsumer onSignal) {
        Signals s = new Signals();
        s.handle("INT", 130, onSignal);
        s.handle("TERM", 143, onSignal);
        return s;
    }

    private void handle(String name, int exitCode, IntConsumer onSignal) {
        try {
            Signal signal = new Signal(name);
            previous.add(Signal.handle(signal, sig -> onSignal.accept(exitCode)));
            signals.add(signal);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // The signal does not exist here or the JVM reserves it; the default behaviour stays.
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
