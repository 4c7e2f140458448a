package io.asynccrawler.fetch;

import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * URLs in the ASCII form HTTP sends (RFC 9112 §3.2: a request target is ASCII): an
 * internationalized host name as its IDNA "xn--" form ({@code bücher.example} is {@code
 * xn--bcher-kva.example}), every other non-ASCII character percent-encoded as UTF-8 ({@code /ü}
 * is {@code /%C3%BC}), as browsers and wget send them. java.net.URI keeps such characters as they
 * are and finds no host in an IDN at all, so URLs pass through here before it parses them.
 *
 * <p>A host that ends in a number is written as the IPv4 address it stands for, dotted decimal
 * ({@link Ipv4Host}: {@code 127.1}, {@code 0x7f000001} and {@code 0177.0.0.1} are {@code 127.0.0.1}).
 *
 * <p>Host names are converted by {@link IDN} (IDNA 2003): the few characters IDNA 2008 treats
 * otherwise ({@code ß}, final sigma, joiners) map as IDNA 2003 says ({@code faß.de} is {@code fass.de}).
 */
public final class AsciiUrl {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AsciiUrl() {
    }

    /**
     * {@code text} (an absolute or relative URL) in ASCII; {@code text} itself when it is ASCII already.
     *
     * @throws IllegalArgumentException a host name IDNA refuses (an empty label, one too long)
     */
    public static String of(String text) {
        return numericHost(isAscii(text) ? text : convert(text, false));
    }

    /**
     * A Location header's value in ASCII. Both transports read a header's bytes as ISO-8859-1, one
     * char a byte; servers send raw UTF-8 there more often than they should, so bytes that are UTF-8
     * are read as UTF-8 (and then encoded as {@link #of} does), any others encoded byte by byte, as
     * curl does. Spaces become {@code %20}, as in curl and browsers.
     *
     * @throws IllegalArgumentException a host name IDNA refuses
     */
    public static String ofHeader(String value) {
        String spaced = value.indexOf(' ') < 0 ? value : value.replace(" ", "%20");
        if (isAscii(spaced)) {
            return numericHost(spaced);
        }
        if (!isLatin1(spaced)) {
            return numericHost(convert(spaced, false)); // not as a transport decodes a header: take it as text
        }
        byte[] bytes = spaced.getBytes(StandardCharsets.ISO_8859_1);
        String text;
        try {
            text = convert(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString(), false);
        } catch (CharacterCodingException e) {
            text = convert(spaced, true);
        }
        return numericHost(text);
    }

    /**
     * {@code url} with a host that ends in a number written as the IPv4 address it stands for
     * ({@link Ipv4Host}: {@code 127.1} is {@code 127.0.0.1}); {@code url} itself otherwise.
     *
     * @throws IllegalArgumentException the host ends in a number but is no IPv4 address
     */
    private static String numericHost(String url) {
        int[] h = hostBounds(url);
        if (h == null || h[1] == h[2] || url.charAt(h[1]) == '[') {
            return url; // no authority, no host, or IPv6
        }
        String v4 = Ipv4Host.canonical(url, h[1], h[2]);
        boolean same = v4 == null || v4.length() == h[2] - h[1] && url.startsWith(v4, h[1]);
        return same ? url : url.substring(0, h[1]) + v4 + url.substring(h[2]);
    }

    private static String convert(String text, boolean bytesAsIs) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int rest = 0;
        int[] h = hostBounds(text);
        if (h != null) {
            out.append(text, 0, h[0]);
            encode(text.substring(h[0], h[1]), bytesAsIs, out); // user info and its '@'
            String host = text.substring(h[1], h[2]);
            out.append(isAscii(host) ? host : IDN.toASCII(host));
            encode(text.substring(h[2], h[3]), bytesAsIs, out); // ':' and port
            rest = h[3];
        }
        encode(text.substring(rest), bytesAsIs, out);
        return out.toString();
    }

    /**
     * Where the authority and its host lie in {@code url}: {authority start, host start, host end,
     * authority end}, an IPv6 literal with its brackets; null if {@code url} has no authority.
     */
    private static int[] hostBounds(String url) {
        int start = authorityStart(url);
        if (start < 0) {
            return null;
        }
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        int hostStart = at >= start ? at + 1 : start;
        int hostEnd;
        if (hostStart < end && url.charAt(hostStart) == '[') {
            int close = url.indexOf(']', hostStart);
            hostEnd = close >= 0 && close < end ? close + 1 : end;
        } else {
            int colon = url.lastIndexOf(':', end - 1);
            hostEnd = colon >= hostStart ? colon : end;
        }
        return new int[] {start, hostStart, hostEnd, end};
    }

    /** Where the authority begins: after {@code scheme://}, or after the {@code //} of a network-path reference; -1 if none. */
    private static int authorityStart(String text) {
        if (text.startsWith("//")) {
            return 2;
        }
        int scheme = text.indexOf("://");
        return scheme > 0 && text.indexOf('/') == scheme + 1 && isAscii(text.substring(0, scheme)) ? scheme + 3 : -1;
    }

    /** Appends {@code s} with each non-ASCII character as its UTF-8 bytes percent-encoded (or, {@code bytesAsIs}, as the one byte it stands for). */
    private static void encode(String s, boolean bytesAsIs, StringBuilder out) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < s.length() && s.charAt(end) >= 0x80) {
                end++;
            }
            String run = s.substring(i, end);
            for (byte b : run.getBytes(bytesAsIs ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end;
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
