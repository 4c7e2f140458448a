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

    /** Starts {@code crawler serve} on a free port of 127.0.0.1; it says its URL on its first line. */
    static Served serve() throws IOException {
        Process p = new ProcessBuilder(command("serve", "--port", "0")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("http://")) {
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

    static List<String> command(List<String> jvmArgs, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
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
