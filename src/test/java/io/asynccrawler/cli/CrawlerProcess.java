package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
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

    private CrawlerProcess() {
    }

    /** Runs {@code command}, its stdout discarded and its stderr kept in {@code stderr}; it must end within 60 s. */
    static Ran run(List<String> command, Path stderr) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
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
