package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asynccrawler.testing.LocalServers;
import io.asynccrawler.testing.Nginx;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Debian's nginx compressing everything on the fly ({@code gzip_types *}), as servers are set up
 * in the wild: a .tar.gz asked for with Accept-Encoding comes gzipped a second time, and was saved
 * so (its name says gzip, so the coding was kept), and {@code tar tzf} failed. Compressed files are
 * asked for without Accept-Encoding, and come as stored; a gzip file whose URL does not say so
 * (only its Content-Type) is told by its bytes after one decoding; other files still come
 * compressed and are saved decoded.
 */
class OnTheFlyCompressionTest extends FetchTestBase {
    @Test
    void aGzipFileIsSavedAsStoredWhileTextIsStillCompressedOnTheWay() throws Exception {
        assumeTrue(Nginx.installed(), "Debian's nginx-light is not installed (.ci/run installs it)");
        Path root = Files.createDirectories(tmp.resolve("www"));
        byte[] tar = new byte[200_000];
        new Random(7).nextBytes(tar);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar);
        }
        Files.write(root.resolve("archive.tar.gz"), gz.toByteArray());
        Files.write(root.resolve("download"), gz.toByteArray()); // no suffix: only its type says gzip
        String page = "<html>" + "compress me ".repeat(5_000) + "</html>";
        Files.writeString(root.resolve("page.html"), page);
        // nginx's workers run as another user: the test's directories must let them read
        LocalServers.readableByAll(tmp, root, root.resolve("archive.tar.gz"), root.resolve("download"), root.resolve("page.html"));
        try (Nginx nginx = Nginx.serve(root, Files.createDirectories(tmp.resolve("nginx")),
                "default_type application/gzip; gzip on; gzip_types *; gzip_min_length 1; gzip_proxied any;")) {
            String archive = nginx.base().resolve("archive.tar.gz").toString();
            // the server does compress a .tar.gz again for a client that accepts gzip
            HttpResponse<byte[]> asked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(nginx.base().resolve("archive.tar.gz"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.headers().firstValue("content-encoding")).hasValue("gzip");

            Cli cli = fetch(list(archive + " archive.tar.gz", nginx.base().resolve("page.html") + " page.html",
                    nginx.base().resolve("download") + " download").toString());
            assertThat(cli.exitCode).as(cli.err).isZero();
            assertThat(Files.readAllBytes(out().resolve("archive.tar.gz"))).as("the gzip file as stored").isEqualTo(gz.toByteArray());
            // asked with Accept-Encoding (no suffix to tell), compressed again by nginx: one layer decoded is the file
            assertThat(Files.readAllBytes(out().resolve("download"))).as("the gzip file, one layer decoded").isEqualTo(gz.toByteArray());
            assertThat(Files.readString(out().resolve("page.html"), StandardCharsets.UTF_8)).isEqualTo(page);
            java.util.regex.Matcher sent = java.util.regex.Pattern.compile("\"GET /page\\.html HTTP/1\\.1\" 200 (\\d+)")
                    .matcher(Files.readString(tmp.resolve("nginx/access.log")));
            assertThat(sent.find()).isTrue();
            assertThat(Long.parseLong(sent.group(1))).as("the page came compressed").isLessThan(page.length() / 10);
        }
    }
}
