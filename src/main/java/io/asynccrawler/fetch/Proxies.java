package io.asynccrawler.fetch;

import java.net.URI;
import java.util.Map;

/**
 * Which proxy each URL goes through: {@code -x/--proxy} for every URL, else the environment as
 * curl reads it ({@code http_proxy} in lower case only, as curl, since a CGI server sets
 * {@code HTTP_PROXY} from a request header; {@code https_proxy} or {@code HTTPS_PROXY};
 * {@code all_proxy} or {@code ALL_PROXY} for a scheme without its own), lower case first; an
 * empty variable counts as unset. {@code --noproxy}, else {@code no_proxy}/{@code NO_PROXY}, names
 * the hosts reached directly, whichever way the proxy was set. {@code --proxy ""} turns the
 * environment's proxies off.
 */
public final class Proxies {
    /** Every URL direct. */
    public static final Proxies NONE = new Proxies(null, null, NoProxy.NONE);

    private final Proxy forHttp;
    private final Proxy forHttps;
    private final NoProxy direct;

    private Proxies(Proxy forHttp, Proxy forHttps, NoProxy direct) {
        this.forHttp = forHttp;
        this.forHttps = forHttps;
        this.direct = direct;
    }

    /**
     * The proxies {@code proxyOption} (null when not given, empty for none) and {@code noProxyOption}
     * (null when not given) say, with {@code env} for what they leave open. An IllegalArgumentException
     * names the option or variable that holds a bad proxy URL.
     */
    public static Proxies of(String proxyOption, String noProxyOption, Map<String, String> env) {
        NoProxy direct = NoProxy.parse(noProxyOption != null ? noProxyOption : variable(env, "no_proxy", "NO_PROXY"));
        if (proxyOption != null) {
            Proxy all = proxyOption.isBlank() ? null : parse("--proxy", proxyOption);
            return all == null ? NONE : new Proxies(all, all, direct);
        }
        Proxy fallback = parseVariable(env, "all_proxy", "ALL_PROXY");
        String http = variable(env, "http_proxy");
        Proxy forHttp = http != null ? parse("http_proxy", http) : fallback;
        Proxy forHttps = parseVariable(env, "https_proxy", "HTTPS_PROXY");
        if (forHttps == null) {
            forHttps = fallback;
        }
        return forHttp == null && forHttps == null ? NONE : new Proxies(forHttp, forHttps, direct);
    }

    /** The proxy {@code uri} goes through, or null for a direct connection. */
    public Proxy forUri(URI uri) {
        if (this == NONE) {
            return null;
        }
        Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? forHttps : forHttp;
        return p == null || direct.matches(uri.getHost()) ? null : p;
    }

    /** Whether any URL may go through a proxy. */
    public boolean any() {
        return this != NONE;
    }

    private static Proxy parseVariable(Map<String, String> env, String lower, String upper) {
        String value = variable(env, lower, upper);
        if (value == null) {
            return null;
        }
        return parse(env.containsKey(lower) && !env.get(lower).isEmpty() ? lower : upper, value);
    }

    private static Proxy parse(String source, String value) {
        try {
            return Proxy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage() + ": " + redacted(value));
        }
    }

    /** {@code value} with any password in it hidden: the error that names it goes to a terminal. */
    private static String redacted(String value) {
        return value.replaceAll("(?<=//|^)([^/@:]*):[^/@]*@", "$1:***@");
    }

    /** The first of {@code names} set to something non-empty, or null. */
    private static String variable(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return this == NONE ? "no proxy" : "http: " + forHttp + ", https: " + forHttps;
    }
}
