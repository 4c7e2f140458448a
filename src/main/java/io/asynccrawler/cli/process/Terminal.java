package io.asynccrawler.cli.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * What the terminal behind stderr can do: whether there is one (a progress line redrawn in place
 * makes sense), how wide it is, and whether colour is wanted ({@code NO_COLOR} says no). JLine's
 * exec provider tells, by asking the system ({@code test -t 2}, {@code stty}) rather than guessing.
 */
public record Terminal(boolean interactive, int width, boolean colour) {
    /** Columns assumed when the terminal does not say (a fresh pseudo-terminal reports 0). */
    static final int DEFAULT_WIDTH = 80;

    /** No terminal: plain lines, no colour. */
    static final Terminal NONE = new Terminal(false, DEFAULT_WIDTH, false);

    /** The terminal behind this process's stderr, if any. */
    public static Terminal ofStderr(Map<String, String> env) {
        try {
            TerminalProvider provider = Stderr.PROVIDER;
            if (provider == null) {
                return NONE;
            }
            int width = provider.systemStreamWidth(SystemStream.Error);
            if (width <= 0) {
                width = columns(env);
            }
            boolean colour = env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
            return new Terminal(true, width, colour);
        } catch (Exception | LinkageError e) {
            return NONE; // no way to tell: behave as when stderr is a file
        }
    }

    private static int columns(Map<String, String> env) {
        try {
            int n = Integer.parseInt(env.getOrDefault("COLUMNS", ""));
            return n > 0 ? n : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /**
     * Whether {@code fd} (a /proc/self/fd link) points somewhere that is no terminal: a file, a pipe,
     * a socket, /dev/null. Answers in microseconds where asking JLine spawns {@code test -t 2}
     * (tens of milliseconds of every start, for every run in a script). False when unsure.
     */
    public static boolean surelyNotATerminal(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return !(target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Whether stderr is a terminal does not change while the process runs: asked once. */
    private static final class Stderr {
        /** The provider that can tell stderr's width, or null when stderr is not a terminal. */
        static final TerminalProvider PROVIDER = find();

        private static TerminalProvider find() {
            if (surelyNotATerminal(Path.of("/proc/self/fd/2"))) {
                return null;
            }
            try {
                TerminalProvider provider = TerminalProvider.load("exec");
                return provider.isSystemStream(SystemStream.Error) ? provider : null;
            } catch (Exception | LinkageError e) {
                return null;
            }
        }
    }
}
