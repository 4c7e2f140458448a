package io.asynccrawler.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The cookies of a job, as RFC 6265 §5.3 keeps them: what a response sets is sent back with the
 * requests it matches (domain, path, secure, expiry), by any URL of the job, so a login's redirect
 * that sets a cookie and comes back works, and a crawl's pages share them. A Domain attribute
 * naming a public suffix is refused (a cookie for all of {@code co.uk}), unless it is the host
 * itself (then the cookie is the host's alone). Bounded as RFC 6265 §6.1 asks at least: 50
 * cookies a domain (the oldest gives way), 3,000 in all, 4 KiB each.
 */
public final class CookieJar {
    private static final int PER_DOMAIN = 50;
    private static final int TOTAL = 3000;
    private static final int MAX_BYTES = 4096;

    private final Predicate<String> publicSuffix;
    /** By domain, each list in the order the cookies were set. Guarded by this. */
    private final Map<String, List<Cookie>> byDomain = new HashMap<>();
    private int size;

    /** A jar that refuses cookies for the domains {@code publicSuffix} names. */
    public CookieJar(Predicate<String> publicSuffix) {
        this.publicSuffix = publicSuffix;
    }

    /** Keeps what the {@code Set-Cookie} lines {@code setCookies} of a response to {@code uri} set (or delete). */
    public void receive(URI uri, List<String> setCookies) {
        if (setCookies == null || setCookies.isEmpty() || uri.getHost() == null) { // null: no Set-Cookie
            return;
        }
        Instant now = Instant.now();
        for (String line : setCookies) {
            Cookie c = Cookie.parse(line, uri, now);
            if (c == null || c.name().length() + c.value().length() > MAX_BYTES) {
                continue;
            }
            if (!c.hostOnly() && publicSuffix.test(c.domain())) {
                if (!c.domain().equals(uri.getHost().toLowerCase(java.util.Locale.ROOT))) {
                    continue; // RFC 6265 §5.3 step 5: a cookie for every site under a public suffix
                }
                c = new Cookie(c.name(), c.value(), c.domain(), true, c.path(), c.expires(), c.secure(), c.httpOnly());
            }
            put(c, now);
        }
    }

    /** Adds cookies read from a file ({@code -b}): as if a response had set them. */
    public void load(List<Cookie> cookies) {
        Instant now = Instant.now();
        for (Cookie c : cookies) {
            put(c, now);
        }
    }

    private synchronized void put(Cookie c, Instant now) {
        List<Cookie> list = byDomain.computeIfAbsent(c.domain(), d -> new ArrayList<>());
        for (Iterator<Cookie> it = list.iterator(); it.hasNext(); ) {
            Cookie old = it.next();
            if (old.name().equals(c.name()) && old.path().equals(c.path()) && old.hostOnly() == c.hostOnly()) {
                it.remove(); // replaced, or deleted by an expiry in the past
                size--;
            }
        }
        if (!c.expiredAt(now)) {
            if (list.size() >= PER_DOMAIN) {
                list.remove(0);
                size--;
            }
            if (size >= TOTAL) {
                return; // full: a job meeting 3,000 cookies keeps the first
            }
            list.add(c);
            size++;
        }
        if (list.isEmpty()) {
            byDomain.remove(c.domain());
        }
    }

    /** The {@code Cookie} header for a request to {@code uri}: longest paths first (RFC 6265 §5.4), or null for none. */
    public String header(URI uri) {
        List<Cookie> matching = new ArrayList<>();
        Instant now = Instant.now();
        synchronized (this) {
            if (size == 0 || uri.getHost() == null) {
                return null;
            }
            // the host and each domain above it: the lists that can hold cookies for it
            String d = uri.getHost().toLowerCase(java.util.Locale.ROOT);
            while (true) {
                for (Cookie c : byDomain.getOrDefault(d, List.of())) {
                    if (c.sendsTo(uri, now)) {
                        matching.add(c);
                    }
                }
                int dot = d.indexOf('.');
                if (dot < 0) {
                    break;
                }
                d = d.substring(dot + 1);
            }
        }
        if (matching.isEmpty()) {
            return null;
        }
        matching.sort(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed());
        StringBuilder header = new StringBuilder();
        for (Cookie c : matching) {
            header.append(header.length() == 0 ? "" : "; ").append(c.name()).append('=').append(c.value());
        }
        return header.toString();
    }

    /** The cookies kept now and not expired, for {@code --cookie-jar}. */
    public synchronized List<Cookie> all() {
        Instant now = Instant.now();
        List<Cookie> all = new ArrayList<>();
        for (List<Cookie> list : byDomain.values()) {
            for (Cookie c : list) {
                if (!c.expiredAt(now)) {
                    all.add(c);
                }
            }
        }
        all.sort(Comparator.comparing(Cookie::domain).thenComparing(Cookie::path).thenComparing(Cookie::name));
        return all;
    }
}
