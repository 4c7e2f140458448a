package io.asynccrawler.server;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code /site/{pages}x{fanout}/...}: a generated site to crawl, the same on every request
 * ({@link SiteShape} says which pages a crawl to a given depth reaches). Every page links to its
 * children in five spellings (relative, absolute path with its digits percent-escaped, full URL
 * with a fragment, protocol-relative with a dot segment, through {@code ..}), its parent and the
 * root, and needs a style sheet (which needs an image and another sheet) and an image of its own.
 * Some pages have more: a broken link
 * (every fifth, from page 4), a link that redirects back to the page (every fifth, from page 2);
 * the root has a link to a second host (127.0.0.2, same port), a {@code rel="nofollow"} link, a
 * {@code mailto:} link, and two traps: a calendar with a next month forever, and a path that
 * repeats its last segment forever.
 */
final class SitePages {
    private static final String HTML = "text/html; charset=utf-8";
    /** Image bytes, deterministic: enough to be a file, no more. */
    private static final int IMAGE_BYTES = 64;

    private SitePages() {
    }

    /** Serves {@code rest}, the path after {@code /site/}. */
    static void serve(Call call, String rest) {
        if (Sitemaps.serve(call, rest)) {
            return;
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            sendRedirect(call, HttpResponseStatus.MOVED_PERMANENTLY, "/site/" + rest + "/"); // as a server does for a directory
            return;
        }
        SiteShape site = SiteShape.parse(rest.substring(0, slash));
        String path = rest.substring(slash + 1);
        if (path.isEmpty()) {
            call.text(HttpResponseStatus.OK, HTML, page(call, site, 0));
        } else if (path.startsWith("p/") && path.endsWith(".html")) {
            int i = number(path.substring(2, path.length() - 5), site.pages());
            if (i < 0) {
                Endpoints.notFound(call);
            } else {
                call.text(HttpResponseStatus.OK, HTML, page(call, site, i));
            }
        } else if (path.equals("style.css")) {
            call.text(HttpResponseStatus.OK, "text/css", "@import \"print.css\";\nbody { background: url(img/bg.png) }\n");
        } else if (path.equals("print.css")) {
            call.text(HttpResponseStatus.OK, "text/css", "@media print { img { display: none } }\n");
        } else if (path.startsWith("img/") && path.endsWith(".png")) {
            image(call, path);
        } else if (path.startsWith("moved/") && path.endsWith(".html")) {
            int i = number(path.substring(6, path.length() - 5), site.pages());
            sendRedirect(call, HttpResponseStatus.MOVED_PERMANENTLY, i < 0 ? site.root() : "../" + site.path(i).substring(site.root().length()));
        } else if (path.equals("secret.html")) {
            call.text(HttpResponseStatus.OK, HTML, "<!doctype html><title>not to be followed</title><p>nofollow led here\n");
        } else if (path.startsWith("calendar/")) {
            calendar(call, site, path);
        } else if (path.startsWith("loop/")) {
            call.text(HttpResponseStatus.OK, HTML, "<!doctype html><title>" + path + "</title><a href=\"a/\">deeper</a>\n");
        } else {
            Endpoints.notFound(call); // missing/{i}.html: the broken links
        }
    }

    /**
     * The server's {@code /robots.txt}, for crawls of its sites: page 11 of every site and every
     * site's {@code private/} are disallowed, except {@code private/open.html} (the longer rule
     * wins); other agents' groups and a sitemap line are there to be read past.
     */
    static void robots(Call call) {
        call.text(HttpResponseStatus.OK, "text/plain", String.join("\n",
                "# crawler serve: for crawls of /site/",
                "User-agent: otherbot",
                "Disallow: /",
                "",
                "User-agent: *",
                "Disallow: /site/*/p/11.html$",
                "Disallow: /site/*/private/",
                "Allow: /site/*/private/open.html",
                "",
                "Sitemap: http://" + call.host + "/site/sitemap.xml",
                ""));
    }

    /** The page number {@code text} names, or -1 if it names no page of the site. */
    private static int number(String text, int pages) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit) || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        int i = Integer.parseInt(text);
        return i < pages ? i : -1;
    }

    private static String page(Call call, SiteShape site, int i) {
        String root = site.root();
        StringBuilder b = new StringBuilder(512 + 64 * site.fanout());
        b.append("<!doctype html><html><head><title>Page ").append(i).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(root).append("style.css\">\n")
                .append("</head><body><h1>Page ").append(i).append("</h1>\n")
                .append("<img src=\"").append(root).append("img/").append(i).append(".png\" alt=\"\">\n");
        for (int c : site.children(i)) {
            b.append("<a href=\"").append(childLink(call, site, i, c)).append("\">page ").append(c).append("</a>\n");
        }
        if (i > 0) {
            b.append("<a href=\"").append(site.path(site.parent(i))).append("\">up</a> <a href=\"").append(root).append("\">home</a>\n");
        }
        if (i % 5 == 4) {
            b.append("<a href=\"").append(root).append("missing/").append(i).append(".html\">broken</a>\n");
        }
        if (i % 5 == 2) {
            b.append("<a href=\"").append(root).append("moved/").append(i).append(".html\">moved here</a>\n");
        }
        if (i == 0) {
            b.append("<a href=\"//").append(otherHost(call.host)).append(root).append("\">the other host</a>\n")
                    .append("<a rel=\"nofollow\" href=\"secret.html\">secret</a> <a href=\"mailto:site@example.org\">mail</a>\n")
                    .append("<a href=\"calendar/2026/1\">calendar</a> <a href=\"loop/\">loop</a>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /** Child {@code c} of page {@code i}, in one of five spellings of the same URL. */
    private static String childLink(Call call, SiteShape site, int i, int c) {
        String here = i == 0 ? "p/" : ""; // the root is at /site/NxF/, the others at /site/NxF/p/
        switch (c % 5) {
            case 0: return here + c + ".html";
            case 1: return site.root() + "p/" + escapedDigits(c) + ".html"; // %31%30 for 10: unreserved, decoded by a crawler
            case 2: return "HTTP://" + call.host + site.path(c) + "#section";
            case 3: return "//" + call.host + site.root() + "p/./" + c + ".html";
            default: return (i == 0 ? "p/../p/" : "../p/") + c + ".html";
        }
    }

    /** {@code n}'s digits, each percent-escaped. */
    private static String escapedDigits(int n) {
        StringBuilder b = new StringBuilder();
        for (char d : Integer.toString(n).toCharArray()) {
            b.append('%').append(Integer.toHexString(d));
        }
        return b.toString();
    }

    /** The second host of a test: 127.0.0.2 on the same port (all of 127/8 is loopback). */
    static String otherHost(String host) {
        int colon = host.lastIndexOf(':');
        return "127.0.0.2" + (colon < 0 || host.endsWith("]") ? "" : host.substring(colon));
    }

    /** {@code calendar/{year}/{month}}: a month that links to the next, forever. */
    private static void calendar(Call call, SiteShape site, String path) {
        String[] parts = path.split("/");
        if (parts.length != 3) {
            Endpoints.notFound(call);
            return;
        }
        long year = Call.parseBounded("year", parts[1], 1, 999_999);
        long month = Call.parseBounded("month", parts[2], 1, 12);
        String next = month == 12 ? (year + 1) + "/1" : year + "/" + (month + 1);
        call.text(HttpResponseStatus.OK, HTML, "<!doctype html><title>" + year + "-" + month + "</title><a href=\""
                + site.root() + "calendar/" + next + "\">next month</a>\n");
    }

    private static void image(Call call, String path) {
        call.send(call.full(HttpResponseStatus.OK, "image/png", DeterministicBytes.bytes(path.hashCode(), 0, IMAGE_BYTES)));
    }

    private static void sendRedirect(Call call, HttpResponseStatus status, String location) {
        FullHttpResponse response = call.full(status, HTML, "<a href=\"" + location + "\">moved</a>\n");
        response.headers().set(HttpHeaderNames.LOCATION, location);
        call.send(response);
    }
}
