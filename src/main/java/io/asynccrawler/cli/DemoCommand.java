package io.asynccrawler.cli;

import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawler demo}: the comparison, offline, against the built-in server on loopback. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Offline showcase: starts the test server on a free loopback port, builds a list of slow URLs (/aio: 1-3 s each) and some bodies, and runs 'compare' in the sync, threads, (virtual) and async modes.",
            "Prints the table and the timeline and draws demo-timeline.svg. Takes about a minute."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--slow", paramLabel = "N", defaultValue = "20", description = "Slow URLs (/aio?min=1&max=3) (default: ${DEFAULT-VALUE}).")
    int slow;

    @Option(names = "--bodies", paramLabel = "N", defaultValue = "10", description = "100 KB bodies (default: ${DEFAULT-VALUE}).")
    int bodies;

    @Option(names = "--timeline", paramLabel = "FILE", defaultValue = "demo-timeline.svg",
            description = "Where the picture goes (default: ${DEFAULT-VALUE}).")
    Path timeline;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (slow < 0 || bodies < 0 || slow + bodies == 0) {
            err.println("demo: --slow and --bodies must not be negative, and not both zero");
            return ExitCodes.USAGE;
        }
        Path work = Files.createTempDirectory("crawler-demo-");
        try (TestServer server = TestServer.start("127.0.0.1", 0, null, Transport.auto())) {
            String base = server.baseUri().toString();
            List<String> urls = new ArrayList<>();
            for (int i = 1; i <= slow; i++) {
                urls.add(base + "aio?min=1&max=3&seed=" + i);
            }
            for (int i = 1; i <= bodies; i++) {
                urls.add(base + "bytes/100000?seed=" + i);
            }
            Path list = Files.write(work.resolve("urls.txt"), urls);
            err.println("demo: test server at " + base + ", " + urls.size() + " URLs, output in " + work);
            List<String> args = new ArrayList<>(List.of("-o", work.resolve("out").toString(),
                    "-c", String.valueOf(urls.size()), "--timeline", timeline.toString(), "--modes",
                    Mode.VIRTUAL.isAvailable() ? "sync,threads,virtual,async" : "sync,threads,async"));
            if (logging.quiet) {
                args.add("-q");
            }
            args.add(list.toString());
            CommandLine compare = new CommandLine(new CompareCommand());
            compare.setOut(spec.commandLine().getOut());
            compare.setErr(err);
            return compare.execute(args.toArray(String[]::new));
        } finally {
            ScratchDirs.delete(work);
        }
    }
}
