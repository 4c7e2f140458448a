package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.transport.Transport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request the event loop client cannot even begin fails its exchange, as on the blocking
 * transport: no exception at the caller, no URL that never ends. (A port above 65535 is refused
 * earlier, as bad input; here it is given to the client directly.)
 */
class ExchangeStartFailureTest {
    @TempDir
    Path tmp;

    @Test
    void anAddressNettyRefusesFailsTheExchange() throws Exception {
        FetchSettings settings = FetchSettings.defaults("test");
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 1))) {
            PolicyFetcher fetcher = new PolicyFetcher(client, settings, OutputDirectory.open(Files.createDirectories(tmp.resolve("out"))));
            Result r = fetcher.fetch(new Target(URI.create("http://127.0.0.1:99999/x"), Path.of("x"), "test"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.reasonWord()).isEqualTo("error");
            assertThat(r.error()).contains("port out of range");
        }
    }
}
