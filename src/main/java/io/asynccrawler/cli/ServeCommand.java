package io.asynccrawler.cli;

import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawler serve}: runs the built-in test server until interrupted. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Run the built-in HTTP test server (for tests, demos and benchmarks) until Ctrl-C.",
            "Prints the URL it listens on as the first line of stdout.",
            "Endpoints: /aio /delay/{ms} /bytes/{n} /files/... /status/{code} /redirect/{n} /redirect-to?url= /drip?bytes=&ms= /fault/reset /fault/truncate /fault/hang /site/{pages}x{fanout}/ (GET / lists them)."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
    String bind;

    @Option(names = "--files", paramLabel = "DIR", description = "Directory served under /files/.")
    Path files;

    @Option(names = "--transport", defaultValue = "auto", converter = TransportConverter.class,
            completionCandidates = TransportConverter.Names.class,
            description = "auto, epoll, io_uring or nio (default: ${DEFAULT-VALUE}).")
    Transport transport;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("serve: --port must be between 0 and 65535: " + port);
            return ExitCodes.USAGE;
        }
        if (files != null && !Files.isDirectory(files)) {
            err.println("serve: --files is not a directory: " + files);
            return ExitCodes.USAGE;
        }
        TestServer server;
        try {
            server = TestServer.start(bind, port, files, transport);
        } catch (Exception e) { // bind failures arrive as checked exceptions from the native layer
            err.println("serve: cannot listen on " + bind + ":" + port + ": " + Errors.describe(e));
            return ExitCodes.SOME_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(server.baseUri());
        out.flush();
        if (server.listensOnEveryAddress()) {
            err.println("serve: listening on every address (--bind " + bind + "), port " + server.address().getPort());
            err.flush();
        }
        server.awaitClose();
        return ExitCodes.OK;
    }
}
