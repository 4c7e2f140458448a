package io.asynccrawler.cli;

import io.asynccrawler.testing.ScriptedServer.Script;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The table of HostileServerTest: one row per hostile or faulty server behaviour, with what the
 * URL must end as. A row is a name (also the request path, /c/NAME), the scripts the server runs
 * for successive requests, the expected outcome, and any extra fetch options.
 */
final class HostileCases {
    private HostileCases() {
    }

    static final Map<String, HostileCase> CASES = new LinkedHashMap<>();

    static {
        String cl10 = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n";
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[] gzipHello = gzip("hello, world".getBytes(StandardCharsets.ISO_8859_1));
        byte[] bomb = gzip(new byte[20 * 1024 * 1024]);

        // well-formed but unusual: must succeed
        add(saves("plain", "0123456789", Script.reply(ok("0123456789"))));
        add(saves("interim_100_continue", "hi",
                Script.reply("HTTP/1.1 100 Continue\r\n\r\n" + ok("hi"))));
        add(saves("http10_close_delimited", "until close",
                Script.reply("HTTP/1.0 200 OK\r\n\r\nuntil close").close()));
        add(saves("bare_lf_line_endings", "lf", Script.reply("HTTP/1.1 200 OK\nContent-Length: 2\n\nlf")));
        add(saves("chunked_with_extensions_and_trailer", "abcdef",
                Script.reply(chunked + "3;ext=1\r\nabc\r\n3\r\ndef\r\n0\r\nX-Trailer: t\r\n\r\n")));
        add(savesNothing("no_content_204", Script.reply("HTTP/1.1 204 No Content\r\n\r\n")));
        add(saves("gzip_empty_body", "", Script.reply(head("Content-Encoding: gzip", "Content-Length: 0"))));
        add(saves("gzip_empty_chunked_body", "", Script.reply(chunked.replace("\r\n\r\n", "\r\nContent-Encoding: gzip\r\n\r\n")
                + "0\r\n\r\n")));
        add(fails("gzip_cut_after_its_first_byte", "truncated", "gzip stream ends",
                Script.reply(head("Content-Encoding: gzip", "Content-Length: 1")).send(new byte[] {(byte) 0x1f})));
        add(saves("gzip_body", "hello, world",
                Script.reply(head("Content-Encoding: gzip", "Content-Length: " + gzipHello.length)).send(gzipHello)));
        add(saves("content_length_with_spaces", "xyz", Script.reply("HTTP/1.1 200 OK\r\nContent-Length:   3  \r\n\r\nxyz")));
        add(saves("leftover_bytes_then_next_request", "0123456789",
                Script.reply(cl10 + "\r\n0123456789EXTRA-BYTES-HTTP/1.1 200 OK\r\n\r\n")));
        add(saves("leftover_partial_line_then_next_request", "0123456789", Script.reply(cl10 + "\r\n0123456789XY")));
        add(saves("content_disposition_is_ignored", "cd",
                Script.reply(head("Content-Disposition: attachment; filename=\"../../../etc/evil\"", "Content-Length: 2") + "cd")));

        // protocol faults: must fail, leaving no file
        add(fails("short_content_length", "truncated", "body truncated", Script.reply(cl10 + "\r\n01234").close()));
        add(fails("short_content_length_reset", "connection_reset", "connection reset", Script.reply(cl10 + "\r\n01234").reset()));
        add(fails("unfinished_chunked", "truncated", "body truncated", Script.reply(chunked + "a\r\n0123456789\r\n").close()));
        add(fails("chunk_cut_mid_data", "truncated", "body truncated", Script.reply(chunked + "a\r\n01234").close()));
        add(fails("bad_chunk_size", "bad_response", "bad response", Script.reply(chunked + "zz\r\nabc\r\n0\r\n\r\n").close()));
        add(fails("garbage_status_line", "bad_response", "bad response", Script.reply("HTTX/1.1 2OO OK\r\n\r\n").close()));
        add(fails("http09_style_body", "bad_response", "bad response", Script.reply("just some bytes\n").close()));
        add(fails("status_code_out_of_range", "http_999", "HTTP 999 Odd", Script.reply("HTTP/1.1 999 Odd\r\nContent-Length: 0\r\n\r\n")));
        add(fails("conflicting_content_lengths", "bad_response", "bad response",
                Script.reply(head("Content-Length: 10", "Content-Length: 20") + "0123456789").close()));
        add(fails("negative_content_length", "bad_response", "bad response", Script.reply(head("Content-Length: -5") + "abc").close()));
        add(fails("content_length_not_a_number", "bad_response", "bad response", Script.reply(head("Content-Length: ten") + "abc").close()));
        add(fails("content_length_and_chunked", "bad_response", "bad response",
                Script.reply(head("Content-Length: 3", "Transfer-Encoding: chunked") + "3\r\nabc\r\n0\r\n\r\n")));
        add(fails("unknown_transfer_encoding", "bad_response", "unsupported Transfer-Encoding: rot13",
                Script.reply(head("Transfer-Encoding: rot13") + "abc").close()));
        add(saves("header_of_70_kb", "x", Script.reply(head("Set-Cookie: big=" + "a".repeat(70_000), "Content-Length: 1") + "x")));
        add(fails("oversized_header", "bad_response", "bad response",
                Script.reply(head("X-Big: " + "a".repeat(400_000), "Content-Length: 1") + "x")));
        add(fails("endless_headers", "bad_response", "bad response",
                Script.reply("HTTP/1.1 200 OK\r\n").forever("X-More: yes\r\n".getBytes(StandardCharsets.ISO_8859_1))));
        add(saves("header_line_without_colon_is_tolerated", "x", Script.reply(head("this is not a header", "Content-Length: 1") + "x")));
        add(fails("corrupt_gzip", "bad_response", "not gzip",
                Script.reply(head("Content-Encoding: gzip", "Content-Length: 8") + "notgzip!")));
        add(fails("gzip_bad_checksum", "bad_response", "checksum",
                Script.reply(head("Content-Encoding: gzip", "Content-Length: " + gzipHello.length)).send(corruptTrailer(gzipHello))));
        add(fails("truncated_gzip_matching_length", "truncated", "gzip stream ends",
                Script.reply(head("Content-Encoding: gzip", "Content-Length: 15")).send(Arrays.copyOf(gzipHello, 15))));
        add(fails("unsupported_content_encoding", "bad_response", "unsupported Content-Encoding",
                Script.reply(head("Content-Encoding: compress", "Content-Length: 3") + "abc")));
        add(fails("garbage_zstd", "bad_response", "corrupt zstd body",
                Script.reply(head("Content-Encoding: zstd", "Content-Length: 3") + "abc")));
        add(fails("cut_brotli", "truncated", "brotli stream ends early",
                Script.reply(head("Content-Encoding: br", "Content-Length: 3") + "abc")));
        add(fails("hang_up_without_response", "closed", "connection closed before a response", Script.hangUp()));
        add(fails("reset_without_response", "connection_reset", "connection reset", Script.resetNow()));
        add(fails("reset_mid_body", "connection_reset", "connection reset", Script.reply(cl10 + "\r\n012").reset()));

        // timeouts and limits
        add(fails("silent_server", "read_timeout", "no data for 1s", Script.silence()).with("--read-timeout", "1s"));
        add(fails("silent_after_head", "read_timeout", "no data for 1s", Script.reply(cl10 + "\r\n0").untilClientCloses()).with("--read-timeout", "1s"));
        add(fails("one_byte_drip_against_deadline", "deadline", "deadline of 1500ms exceeded",
                Script.reply(cl10 + "\r\n").drip("0123456789".getBytes(StandardCharsets.ISO_8859_1), 400))
                .with("--timeout", "1500ms"));
        add(fails("huge_retry_after_not_waited_for", "http_503", "Retry-After 24h is longer than",
                Script.reply("HTTP/1.1 503 Busy\r\nRetry-After: 86400\r\nContent-Length: 0\r\n\r\n")).with("--retries", "3"));
        add(fails("retry_after_date_far_ahead", "http_503", "is longer than",
                Script.reply("HTTP/1.1 503 Busy\r\nRetry-After: Fri, 31 Dec 2100 23:59:59 GMT\r\nContent-Length: 0\r\n\r\n"))
                .with("--retries", "3"));
        add(saves("retry_after_date_in_the_past", "second",
                Script.reply("HTTP/1.1 503 Busy\r\nRetry-After: Thu, 01 Jan 1970 00:00:00 GMT\r\nContent-Length: 0\r\n\r\n"),
                Script.reply(ok("second"))).with("--retries", "1"));
        add(fails("decompression_bomb", "too_large", "--max-size 1048576",
                Script.reply(head("Content-Encoding: gzip", "Content-Length: " + bomb.length)).send(bomb)).with("--max-size", "1m"));
        add(fails("endless_chunked_body", "too_large", "--max-size",
                Script.reply(chunked).forever("400\r\n".concat("z".repeat(1024)).concat("\r\n").getBytes(StandardCharsets.ISO_8859_1)))
                .with("--max-size", "1m"));
        add(fails("endless_close_delimited_body", "deadline", "deadline of 2s exceeded",
                Script.reply("HTTP/1.1 200 OK\r\n\r\n").forever(new byte[8192])).with("--timeout", "2s"));
        add(fails("announced_length_over_max_size", "too_large", "--max-size 100",
                Script.reply(head("Content-Length: 1000000") + "x")).with("--max-size", "100"));

        // an existing file is never damaged by a failed re-download
        add(fails("failed_overwrite_keeps_the_old_file", "truncated", "body truncated",
                Script.reply(cl10 + "\r\n01234").close()).with("--overwrite").keeping("the old, good content"));

        // redirects and credentials
        add(fails("redirect_to_data_url", "bad_redirect", "non-http(s)", Script.reply(redirect("data:text/plain,hi"))));
        add(fails("redirect_to_file_url", "bad_redirect", "non-http(s)", Script.reply(redirect("file:///etc/passwd"))));
        add(fails("redirect_to_ftp_url", "bad_redirect", "non-http(s)", Script.reply(redirect("ftp://127.0.0.1/x"))));
        add(fails("redirect_without_location", "bad_redirect", "without a Location", Script.reply("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n")));
        add(fails("redirect_to_itself", "redirect_loop", "redirect loop", Script.reply(redirect("/c/redirect_to_itself"))));
        // A redirect with neither length nor chunks, the connection left open: followed at once (not
        // after --read-timeout), here to the same path, whose second answer is the file.
        add(saves("redirect_without_framing", "followed at once",
                Script.reply("HTTP/1.1 302 Found\r\nLocation: /c/redirect_without_framing?second\r\n\r\n"),
                Script.reply(ok("followed at once"))));
        // A second visit answered otherwise (a cookie the first set, a counter): followed, not a loop.
        add(saves("redirect_to_itself_once", "second visit", Script.reply(redirect("/c/redirect_to_itself_once")),
                Script.reply(ok("second visit"))));
        add(fails("redirect_to_a_port_out_of_range", "bad_redirect", "port out of range", Script.reply(redirect("http://127.0.0.1:99999/x"))));
        add(fails("redirect_to_unreadable_location", "bad_redirect", "unreadable Location", Script.reply(redirect("http://[::1/x"))));
        add(saves("authorization_not_sent_to_another_port", "elsewhere", redirectToOther("/auth"))
                .with("-H", "Authorization: Bearer secret-token").otherMustNotSee("secret"));
        add(saves("cookie_not_sent_to_another_port", "elsewhere", redirectToOther("/cookie"))
                .with("-H", "Cookie: session=secret").otherMustNotSee("secret"));
    }

    private static void add(HostileCase c) {
        CASES.put(c.name, c);
    }

    static HostileCase saves(String name, String content, Script... scripts) {
        return new HostileCase(name, scripts, 0, "ok", null, null, content);
    }

    /** A success that saves no file (a 204 has no body). */
    static HostileCase savesNothing(String name, Script... scripts) {
        return new HostileCase(name, scripts, 0, "ok", null, null, null);
    }

    static HostileCase fails(String name, String reason, String errorPart, Script... scripts) {
        return new HostileCase(name, scripts, 1, "failed", reason, errorPart, null);
    }

    static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    static String head(String... headers) {
        return "HTTP/1.1 200 OK\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
    }

    static String redirect(String location) {
        return "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
    }

    /** A redirect to the second server; its port is known only once it runs, so the Location is written late. */
    static Script redirectToOther(String path) {
        return Script.replyLazily(() -> redirect(HostileServerTest.other.base() + path));
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] corruptTrailer(byte[] gzip) {
        byte[] copy = gzip.clone();
        copy[copy.length - 8] ^= 0x55; // the CRC-32
        return copy;
    }

    /** One row of the table. */
    static final class HostileCase {
        final String name;
        final Script[] scripts;
        final int exit;
        final String outcome;
        final String reason;
        final String errorPart;
        final String saved;
        final List<String> args = new ArrayList<>();
        String existing;
        String otherMustNotSee;

        HostileCase(String name, Script[] scripts, int exit, String outcome, String reason, String errorPart, String saved) {
            this.name = name;
            this.scripts = scripts;
            this.exit = exit;
            this.outcome = outcome;
            this.reason = reason;
            this.errorPart = errorPart;
            this.saved = saved;
        }

        String path() {
            return "/c/" + name;
        }

        HostileCase with(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        /** A file already at the URL's path before the run; it must be there, unchanged, after. */
        HostileCase keeping(String content) {
            existing = content;
            return this;
        }

        /** Text (lower case) that must not appear in any request the second server receives. */
        HostileCase otherMustNotSee(String text) {
            otherMustNotSee = text;
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
