package io.asynccrawler.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The credentials a job was given for servers: {@code -u USER:PASSWORD}, sent to the origin of
 * each URL given (never after a redirect to another), and a {@code .netrc}, whose login for a host
 * is sent to that host, whichever URL led there (curl's rules). Both as Basic (RFC 7617, UTF-8).
 * Credentials in a URL itself come first, then {@code -u}, then the netrc; an {@code -H
 * Authorization} wins over all of them (RequestHeaders).
 */
public final class Credentials {
    /** None. */
    public static final Credentials NONE = new Credentials(null, null);

    private final String userBasic;
    private final Netrc netrc;

    private Credentials(String userBasic, Netrc netrc) {
        this.userBasic = userBasic;
        this.netrc = netrc;
    }

    /**
     * @param user     {@code -u}'s user name, or null
     * @param password its password (asked for when -u gave none)
     * @param netrc    the netrc to read, or null
     */
    public static Credentials of(String user, String password, Netrc netrc) {
        return user == null && netrc == null ? NONE : new Credentials(user == null ? null : basic(user, password), netrc);
    }

    /** The Authorization value (Basic) for a request to {@code uri} of a download that started at {@code target}, or null. */
    String authorizationFor(URI uri, URI target) {
        if (userBasic != null && Urls.sameOrigin(uri, target)) {
            return userBasic;
        }
        if (netrc != null && uri.getHost() != null) {
            Netrc.Login login = netrc.forHost(uri.getHost());
            return login == null ? null : basic(login.user(), login.password());
        }
        return null;
    }

    static String basic(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return this == NONE ? "none" : (userBasic != null ? "-u" : "") + (netrc != null ? " netrc" : "");
    }
}
