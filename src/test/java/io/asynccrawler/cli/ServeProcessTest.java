package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code crawler serve --port 0} as a real process: the first stdout line is its address. */
class ServeProcessTest {
    @Test
    void printsItsAddressFirstAndServesUntilStopped() throws Exception {
        Process process = new ProcessBuilder(CrawlerProcess.command("serve", "--port", "0"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = stdout.readLine();
            assertThat(first).matches("http://127\\.0\\.0\\.1:\\d+/");
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(first).resolve("/bytes/1000")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.body()).hasSize(1000);
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook closes the server
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * What the Docker image sets (CRAWLER_BIND=0.0.0.0, so that {@code -p 8080:8080} reaches the
     * server): every address listens, 127.0.0.2 included, which a loopback-only bind refuses; the
     * printed URL is still one a client can use, and stderr says where it listens.
     */
    @Test
    void bindFromTheEnvironmentListensOnEveryAddress() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(CrawlerProcess.command("serve", "--port", "0"));
        builder.environment().put("CRAWLER_BIND", "0.0.0.0");
        Process process = builder.start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = stdout.readLine();
            assertThat(first).matches("http://127\\.0\\.0\\.1:\\d+/");
            int port = URI.create(first).getPort();
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + port + "/bytes/10")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.body()).hasSize(10);
            String said = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(said).isEqualTo("serve: listening on every address (--bind 0.0.0.0), port " + port);
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
