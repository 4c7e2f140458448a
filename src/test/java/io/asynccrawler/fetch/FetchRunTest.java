package io.asynccrawler.fetch;

import static io.asynccrawler.fetch.ScriptedClient.failWith;
import static io.asynccrawler.fetch.ScriptedClient.respond;
import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.save.FileSink;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.save.PartMeta;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetch policy on its own, over a transport with no network ({@link ScriptedClient}):
 * redirects, loops, retries and Retry-After, the 416 of a resumed download, and a receiver of
 * the caller's choosing, with the same policy.
 */
class FetchRunTest {
    private static final String A = "http://a.example/start";

    @TempDir
    Path tmp;

    private final ScriptedClient client = new ScriptedClient();

    @AfterEach
    void close() {
        client.close();
    }

    private Result fetch(FetchSettings settings, String url) throws Exception {
        return fetcher(settings).fetch(target(url)).get(30, TimeUnit.SECONDS);
    }

    private PolicyFetcher fetcher(FetchSettings settings) throws IOException {
        return new PolicyFetcher(client, settings, OutputDirectory.open(tmp.resolve("out")));
    }

    private static Target target(String url) {
        return new Target(URI.create(url), Path.of("saved.bin"), "test");
    }

    private static FetchSettings settings() {
        return FetchSettings.builder("test").build();
    }

    private String saved() throws IOException {
        return Files.readString(tmp.resolve("out/saved.bin"));
    }

    @Test
    void aRedirectIsFollowedRelativeToWhereItCameFrom() throws Exception {
        client.on(A, respond(302, "", "Location", "../next/page?x=1#frag"))
                .on("http://a.example/next/page?x=1", respond(200, "hello"));
        Result r = fetch(settings(), A);
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.finalUrl()).isEqualTo("http://a.example/next/page?x=1");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.file()).isEqualTo("saved.bin");
        assertThat(saved()).isEqualTo("hello");
    }

    @Test
    void aLocationThatIsOnlyAQueryKeepsThePath() throws Exception {
        client.on("http://a.example/list.html", respond(301, "", "Location", "?page=2"))
                .on("http://a.example/list.html?page=2", respond(200, "two"));
        assertThat(fetch(settings(), "http://a.example/list.html").finalUrl()).isEqualTo("http://a.example/list.html?page=2");
    }

    @Test
    void aHeaderOfTheUsersGoesToItsOwnOriginOnly() throws Exception {
        client.on(A, respond(302, "", "Location", "http://b.example/x"))
                .on("http://b.example/x", respond(200, "b"));
        FetchSettings secret = settings().toBuilder().headers(List.of(new Header("Authorization", "Bearer T"))).build();
        assertThat(fetch(secret, A).outcome()).isEqualTo(Outcome.OK);
        assertThat(client.sent()).extracting(s -> s.header("Authorization")).containsExactly("Bearer T", null);
    }

    @Test
    void aRedirectBackToAnEarlierUrlIsFollowedUntilTheBudgetThenNamedALoop() throws Exception {
        client.on(A, respond(302, "", "Location", "/b"))
                .on("http://a.example/b", respond(307, "", "Location", "/c"))
                .on("http://a.example/c", respond(308, "", "Location", "/start"));
        Result r = fetch(FetchSettings.builder("test").maxRedirects(4).build(), A);
        assertThat(r.reasonWord()).isEqualTo("redirect_loop");
        assertThat(r.error()).isEqualTo("redirect loop " + A + " -> http://a.example/b -> http://a.example/c -> " + A
                + " (more than 4 redirects)");
        assertThat(client.urls()).as("the first and four redirects").hasSize(5);
    }

    @Test
    void moreRedirectsThanAllowedFail() throws Exception {
        client.on(A, respond(302, "", "Location", "/1"))
                .on("http://a.example/1", respond(302, "", "Location", "/2"))
                .on("http://a.example/2", respond(302, "", "Location", "/3"));
        Result r = fetch(settings().toBuilder().maxRedirects(2).build(), A);
        assertThat(r.reasonWord()).isEqualTo("too_many_redirects");
        assertThat(r.status()).isEqualTo(302);
    }

    @Test
    void aTransientFailureIsRetriedAndTheRetryCounted() throws Exception {
        client.on(A, failWith(FetchException.reset(null)), respond(503, ""), respond(200, "at last"));
        Result r = fetch(settings(), A);
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(saved()).isEqualTo("at last");
    }

    @Test
    void retriesRunOutOnTheLastFailure() throws Exception {
        client.on(A, respond(502, "bad gateway"));
        Result r = fetch(settings().toBuilder().retries(1).build(), A);
        assertThat(r.reasonWord()).isEqualTo("http_502");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.file()).isNull();
        assertThat(tmp.resolve("out/saved.bin")).doesNotExist();
    }

    @Test
    void aFailureThatWillNotChangeIsNotRetried() throws Exception {
        client.on(A, respond(404, "gone"));
        Result r = fetch(settings(), A);
        assertThat(r.reasonWord()).isEqualTo("http_404");
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void retryAfterIsWaitedForBeforeTheNextAttempt() throws Exception {
        client.on(A, respond(503, "", "Retry-After", "1"), respond(200, "ok"));
        Result r = fetch(settings(), A);
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        List<ScriptedClient.Sent> sent = client.sent();
        // the backoff alone is at most 500 ms here: a second between the attempts is Retry-After's
        assertThat(Duration.ofNanos(sent.get(1).nanos() - sent.get(0).nanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterLongerThanTheDeadlineFailsAtOnceSayingSo() throws Exception {
        client.on(A, respond(429, "", "Retry-After", "120"), respond(200, "never asked"));
        Result r = fetch(settings().toBuilder().timeout(Duration.ofSeconds(5)).build(), A);
        assertThat(r.reasonWord()).isEqualTo("http_429");
        assertThat(r.error()).isEqualTo("HTTP 429 (Retry-After 2m is longer than the 5s we wait)");
        assertThat(client.urls()).hasSize(1);
    }

    @Test
    void aCancelEndsAWaitForARetry() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        client.on(A, receiver -> {
            respond(503, "", "Retry-After", "50").run(receiver);
            answered.countDown();
        }, respond(200, "never asked"));
        PolicyFetcher fetcher = fetcher(settings());
        CompletableFuture<Result> result = fetcher.fetch(target(A));
        assertThat(answered.await(30, TimeUnit.SECONDS)).isTrue();
        fetcher.cancelAll(); // the run now waits 50 s for its retry, or is about to
        // ended well before the 50 s: cancelled in the wait, or with the 503 if the cancel came first
        assertThat(result.get(30, TimeUnit.SECONDS).reasonWord()).isIn("cancelled", "http_503");
        assertThat(client.urls()).hasSize(1);
    }

    @Test
    void a416ForAPartThatHoldsTheWholeBodyPublishesIt() throws Exception {
        OutputDirectory dir = part("0123456789", 10);
        client.on(A, respond(416, "", "Content-Range", "bytes */10"));
        Result r = new PolicyFetcher(client, settings().toBuilder().resume(true).build(), dir).fetch(target(A))
                .get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.bytes()).isEqualTo(10);
        assertThat(client.sent().get(0).header("Range")).isEqualTo("bytes=10-");
        assertThat(saved()).isEqualTo("0123456789");
    }

    /** Apache 2.4 and lighttpd answer 416 without Content-Range: the part's last byte asked again proves it whole. */
    @Test
    void a416WithoutContentRangeForAPartOfTheKnownLengthIsConfirmedByItsLastByte() throws Exception {
        OutputDirectory dir = part("0123456789", 10);
        client.on(A, respond(416, ""), respond(206, "9", "Content-Range", "bytes 9-9/10"));
        Result r = new PolicyFetcher(client, settings().toBuilder().resume(true).build(), dir).fetch(target(A))
                .get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(client.sent()).extracting(s -> s.header("Range")).containsExactly("bytes=10-", "bytes=9-");
        assertThat(client.sent().get(1).header("If-Range")).isNotNull();
        assertThat(r.resumedFrom()).isEqualTo(9);
        assertThat(saved()).isEqualTo("0123456789");
    }

    @Test
    void a416ForAPartThatCannotBeContinuedStartsOverOnce() throws Exception {
        OutputDirectory dir = part("01234", 10);
        client.on(A, respond(416, "", "Content-Range", "bytes */7"), respond(200, "abcdefg"));
        Result r = new PolicyFetcher(client, settings().toBuilder().resume(true).build(), dir).fetch(target(A))
                .get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(client.sent()).extracting(s -> s.header("Range")).containsExactly("bytes=5-", null);
        assertThat(saved()).isEqualTo("abcdefg");
    }

    /** An output directory with a part file of {@code bytes} for {@link #A}, of a body said to be {@code length} long. */
    private OutputDirectory part(String bytes, long length) throws IOException {
        OutputDirectory dir = OutputDirectory.open(tmp.resolve("out"));
        FileSink sink = FileSink.open(dir, Path.of("saved.bin"));
        sink.write(ByteBuffer.wrap(bytes.getBytes(StandardCharsets.US_ASCII)));
        sink.keep();
        new PartMeta(A, "\"v1\"", null, length).write(dir, Path.of("saved.bin"));
        return dir;
    }

    @Test
    void aReceiverOfTheCallersChoiceGetsTheSamePolicy() throws Exception {
        client.on("http://a.example/robots.txt", respond(301, "", "Location", "https://a.example/robots.txt"))
                .on("https://a.example/robots.txt", respond(503, ""), respond(200, "User-agent: *\nDisallow: /private\n"));
        List<MemoryBody> bodies = new ArrayList<>();
        Result r = fetcher(settings()).fetch(target("http://a.example/robots.txt"), MemoryBody.each(500 * 1024, bodies::add))
                .get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.file()).as("kept in memory, no file").isNull();
        assertThat(r.attempts()).as("the redirect, the 503 and the 200").isEqualTo(3);
        assertThat(bodies).hasSize(3);
        assertThat(new String(bodies.get(2).bytes(), StandardCharsets.UTF_8)).isEqualTo("User-agent: *\nDisallow: /private\n");
        assertThat(r.bytes()).isEqualTo(33);
        assertThat(tmp.resolve("out")).isEmptyDirectory();
    }

    @Test
    void aMemoryBodyLargerThanItsLimitFails() throws Exception {
        client.on(A, respond(200, "x".repeat(100)));
        Result r = fetcher(settings()).fetch(target(A), MemoryBody.each(64, b -> { })).get(30, TimeUnit.SECONDS);
        assertThat(r.reasonWord()).isEqualTo("too_large");
    }
}
