package io.asynccrawler.cli.process;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a job: the handler stops the job and the command returns
 * 130 or 143 itself, after writing its report, instead of the JVM exiting under it. A stop that
 * cannot finish (a report written to a pipe nobody reads, a file write hung on a dead network
 * disk) does not keep the process alive: after {@link #GRACE}, or at a second signal, it exits
 * with the same code without waiting further; part files stay part files.
 */
public final class Signals implements AutoCloseable {
    public static final Duration GRACE = Duration.ofSeconds(4);

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    /** The exit code of the first signal, 0 until one came. */
    private final AtomicInteger stopping = new AtomicInteger();
    private final PrintStream err;

    private Signals(PrintStream err) {
        this.err = err;
    }

    /** Calls {@code onSignal} with the exit code (130 or 143) when INT or TERM arrives. */
    public static Signals install(IntConsumer onSignal) {
        Signals s = new Signals(System.err);
        s.handle("INT", 130, onSignal);
        s.handle("TERM", 143, onSignal);
        return s;
    }

    private void handle(String name, int exitCode, IntConsumer onSignal) {
        try {
            Signal signal = new Signal(name);
            previous.add(Signal.handle(signal, sig -> onSignal(exitCode, onSignal)));
            signals.add(signal);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // The signal does not exist here or the JVM reserves it; the default behaviour stays.
        }
    }

    private void onSignal(int exitCode, IntConsumer onSignal) {
        if (stopping.compareAndSet(0, exitCode)) {
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(GRACE.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                exitNow("crawler: still stopping after " + GRACE.toSeconds() + " s (a write is blocked); exiting without waiting");
            }, "stop-watchdog");
            watchdog.setDaemon(true); // a stop that finishes in time exits as usual
            watchdog.start();
            onSignal.accept(exitCode);
        } else {
            exitNow("crawler: second signal; exiting without waiting");
        }
    }

    /** Says why on stderr, unless stderr itself is what blocks (then 100 ms later without it), and halts. */
    private void exitNow(String why) {
        Thread say = new Thread(() -> {
            err.println(why);
            err.flush();
        }, "stop-message");
        say.setDaemon(true);
        say.start();
        try {
            say.join(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(stopping.get());
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
