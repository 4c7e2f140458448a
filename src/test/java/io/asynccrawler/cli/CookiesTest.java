package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Cookies against the test server's httpbin-style endpoints: set, sent back, deleted, loaded, saved, kept to their host. */
class CookiesTest extends TwoOriginsTestBase {
    private String saved(String name) throws Exception {
        return Files.readString(out().resolve(name));
    }

    @Test
    void aCookieSetOnTheWayIsSentBackAsTheLoginBounceNeeds() throws Exception {
        Cli cli = fetch(list(base + "/cookies/set?session=abc&lang=en bounce.json").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(saved("bounce.json")).contains("\"cookie\": \"session=abc; lang=en\"");
    }

    @Test
    void aFileIsLoadedTheJarIsSavedAndADeletedCookieIsGone() throws Exception {
        Path jar = tmp.resolve("cookies.txt");
        Files.writeString(jar, "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tfrom-file\n"
                + "#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t4102444800\tkeep\tme\n");
        Cli cli = fetch("-b", jar.toString(), "--cookie-jar", jar.toString(),
                list(base + "/cookies loaded.json", base + "/cookies/delete?session deleted.json").toString());

        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(saved("loaded.json")).contains("session=from-file").contains("keep=me");
        assertThat(saved("deleted.json")).contains("\"cookie\": \"keep=me\"");
        String written = Files.readString(jar);
        assertThat(written).contains("#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t4102444800\tkeep\tme").doesNotContain("session");
        assertThat(Files.getPosixFilePermissions(jar)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void cookiesStayWithTheirHostAndLiteralOnesWithTheUrlsGiven() throws Exception {
        String toLocalhost = base + "/redirect-to?url=" + URLEncoder.encode("http://localhost:" + server.address().getPort() + "/cookies",
                StandardCharsets.UTF_8);
        String secure = base + "/cookies/raw?line=" + URLEncoder.encode("s=1; Secure", StandardCharsets.UTF_8);
        String toOther = base + "/redirect-to?url=" + URLEncoder.encode(other.baseUri().resolve("/cookies").toString(), StandardCharsets.UTF_8);
        Cli cli = fetch("-b", "given=yes", "-c", "1", list(base + "/cookies/set?mine=1 set.json", toLocalhost + " localhost.json",
                secure + " secure.json", base + "/cookies plain.json", toOther + " other.json").toString());

        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(saved("set.json")).contains("given=yes; mine=1");
        assertThat(saved("localhost.json")).as("another host").contains("\"cookie\": null");
        assertThat(saved("plain.json")).as("a Secure cookie is not sent over http").contains("given=yes; mine=1").doesNotContain("s=1");
        assertThat(saved("other.json")).as("-b's cookies are for the URLs given; the port is no part of a cookie's host")
                .contains("\"cookie\": \"mine=1\"");
    }

    /** A crawl follows the redirect as a URL of its own, fetched apart: the jar is the crawl's, not the fetch's. */
    @Test
    void aCrawlSharesItsJarAcrossItsUrls() throws Exception {
        Cli cli = Cli.run("crawl", "-q", "--mode", mode(), "-o", out().toString(), "--report", report().toString(),
                base + "/cookies/set?crawl=1");
        assertThat(cli.exitCode).as(cli.err).isZero();
        String file = results().get(base + "/cookies").get("file").asText(); // cookies~2: the redirect's path took the directory
        assertThat(Files.readString(out().resolve(file))).contains("\"cookie\": \"crawl=1\"");
    }

    @Test
    void noCookiesKeepsNothing() throws Exception {
        Cli cli = fetch("--no-cookies", list(base + "/cookies/set?session=abc none.json").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(saved("none.json")).contains("\"cookie\": null");
    }
}
