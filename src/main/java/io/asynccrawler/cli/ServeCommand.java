package io.asynccrawler.cli;

import io.asynccrawler.server.ServerSettings;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
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
            "It speaks HTTP/1.1, and h2c to a client that opens with HTTP/2's preface; with --tls-cert, https with h2 and http/1.1 by ALPN.",
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

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve https: the certificate chain, PEM. The server then offers h2 and http/1.1 by ALPN.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The private key of --tls-cert, PEM, PKCS#8 unencrypted (openssl pkcs8 -topk8 -nocrypt); default: the --tls-cert file.")
    Path tlsKey;

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
        if (tlsKey != null && tlsCert == null) {
            err.println("serve: --tls-key needs --tls-cert");
            return ExitCodes.USAGE;
        }
        SslContext tls;
        try {
            tls = tlsCert == null ? null : serverTls(tlsCert, tlsKey == null ? tlsCert : tlsKey);
        } catch (IOException e) {
            err.println("serve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        TestServer server;
        try {
            server = TestServer.start(new ServerSettings(bind, port, files, transport, tls));
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

    /** A TLS server context from PEM files, offering h2 then http/1.1 by ALPN, as nginx with http2 on. */
    static SslContext serverTls(Path cert, Path key) throws IOException {
        for (Path file : List.of(cert, key)) {
            if (!Files.isReadable(file)) {
                throw new IOException("cannot read " + file);
            }
        }
        try {
            return SslContextBuilder.forServer(cert.toFile(), key.toFile())
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            // Netty's words name what it missed ("found no certificates", "does not contain valid private key")
            throw new IOException("no certificate and PKCS#8 key in " + cert + (key.equals(cert) ? "" : " and " + key) + ": "
                    + Errors.describe(e), e);
        }
    }
}
