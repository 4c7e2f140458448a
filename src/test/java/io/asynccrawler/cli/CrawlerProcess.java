package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.testing.Processes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** The command line that runs {@code crawler ARGS} in a new JVM from the test class path. */
final class CrawlerProcess {
    /** What a finished process left: its exit code and its standard error. */
    record Ran(int exitCode, String err) {
    }

    /** {@code crawler serve} in a process of its own, out of the test JVM's leak detector (which slows a server tenfold). */
    record Served(Process process, URI base) implements AutoCloseable {
        @Override
        public void close() {
            Processes.stop(process);
        }
    }

    private CrawlerProcess() {
    }

    /** Starts {@code crawler serve} on a free port of 127.0.0.1, with {@code more} options; it says its URL on its first line. */
    static Served serve(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(List.of(more));
        Process p = new ProcessBuilder(command(args.toArray(String[]::new))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("http")) {
            p.destroyForcibly();
            throw new IOException("crawler serve did not say its URL: " + first);
        }
        return new Served(p, URI.create(first.trim()));
    }

    /** Runs {@code command}, its stdout discarded and its stderr kept in {@code stderr}; it must end within 60 s. */
    static Ran run(List<String> command, Path stderr) throws IOException, InterruptedException {
        return run(command, stderr, 60);
    }

    /** As {@link #run(List, Path)}, for a command that may take up to {@code seconds}. */
    static Ran run(List<String> command, Path stderr, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
        try {
            assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("exits").isTrue();
        } finally {
            p.destroyForcibly();
        }
        return new Ran(p.exitValue(), Files.readString(stderr));
    }

    /**
     * The command line, its JVM started with SIGINT's default action where this JVM inherited it
     * ignored: a shell ignores SIGINT in what it starts with {@code &} or {@code nohup}, children
     * inherit that, and a JVM that finds SIGINT ignored never installs its handler, so a test's
     * {@code kill -INT} would do nothing. coreutils' {@code env --default-signal} (9.x) restores it;
     * without it, {@link #assumeSigintReachesChildren()} skips the tests that need it.
     */
    static List<String> command(List<String> jvmArgs, List<String> args) {
        List<String> command = new ArrayList<>(Signals.RESTORE_SIGINT);
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
    }

    /** Skips the calling test, saying why, when a child's SIGINT would be ignored and cannot be restored. */
    static void assumeSigintReachesChildren() {
        Assumptions.assumeTrue(Signals.RESTORE_SIGINT.size() > 0 || !Signals.SIGINT_IGNORED,
                "SIGINT is ignored in this JVM (started with & or nohup) and `env --default-signal` is missing:"
                        + " a child would inherit the ignored SIGINT");
    }

    /** Sends {@code signal} (INT, TERM, KILL) to {@code process} with kill(1); fails saying why if it cannot. */
    static void signal(Process process, String signal) throws IOException, InterruptedException {
        if (signal.equals("INT")) {
            assumeSigintReachesChildren();
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = kill.waitFor();
        assertThat(exit).as("kill -%s %d could not be sent (exit %d): %s", signal, process.pid(), exit, said).isZero();
    }

    /** What this JVM knows of SIGINT: whether it inherited it ignored, and the prefix that restores it in a child. */
    private static final class Signals {
        static final boolean SIGINT_IGNORED = sigintIgnored();
        static final List<String> RESTORE_SIGINT = SIGINT_IGNORED && envRestoresSignals()
                ? List.of("env", "--default-signal=INT") : List.of();

        /** SigIgn in /proc/self/status is a hex mask of ignored signals, bit n-1 for signal n (SIGINT = 2). */
        private static boolean sigintIgnored() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("SigIgn:")) {
                        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0b10) != 0;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return false; // not Linux: a child gets what the shell gave, as before
            }
            return false;
        }

        private static boolean envRestoresSignals() {
            try {
                Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static List<String> command(String... args) {
        return command(List.of(), List.of(args));
    }

    /**
     * As {@link #command(List, List)}, without the test classes on the class path: their
     * logback-test.xml, which LogConfigurator leaves to logback, would replace the logging set-up
     * the command makes for users.
     */
    static List<String> commandAsUsersRunIt(List<String> jvmArgs, List<String> args) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = command(jvmArgs, args);
        command.set(command.indexOf("-cp") + 1, classPath);
        return command;
    }
}
