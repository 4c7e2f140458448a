package io.asynccrawler.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The command line that runs {@code crawler ARGS} in a new JVM from the test class path. */
final class CrawlerProcess {
    private CrawlerProcess() {
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
