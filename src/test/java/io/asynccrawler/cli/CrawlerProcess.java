package io.asynccrawler.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

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
}
