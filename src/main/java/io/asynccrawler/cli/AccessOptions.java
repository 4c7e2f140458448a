package io.asynccrawler.cli;

import io.asynccrawler.crawl.PublicSuffixes;
import io.asynccrawler.fetch.CookieJar;
import io.asynccrawler.fetch.Credentials;
import io.asynccrawler.fetch.NetscapeCookies;
import io.asynccrawler.fetch.Netrc;
import io.asynccrawler.fetch.Proxies;
import io.asynccrawler.save.FileErrors;
import java.io.Console;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** How the job reaches servers and proves who it is: proxies and credentials (part of {@link FetchOptions}). */
final class AccessOptions {
    @Option(names = {"-x", "--proxy"}, paramLabel = "URL",
            description = "Go through the proxy URL: http://, socks5:// or socks5h:// (the proxy looks names up), user:password@ for"
                    + " its credentials, port 1080 when left out; '' for none (default: http_proxy, https_proxy, all_proxy).")
    String proxy;

    @Option(names = "--noproxy", paramLabel = "LIST",
            description = "Reach these hosts directly: names (and the names below them), IP addresses, CIDR ranges, '*' for all"
                    + " (default: no_proxy).")
    String noProxy;

    @Option(names = {"-u", "--user"}, paramLabel = "USER[:PASSWORD]",
            description = "Send these credentials (Basic) to the origin of each URL given, never after a redirect to another;"
                    + " asked for on the terminal when the password is left out (default: none).")
    String user;

    @Option(names = "--netrc", description = "Send each host the login ~/.netrc holds for it (default: off).")
    boolean netrc;

    @Option(names = "--netrc-file", paramLabel = "FILE", description = "As --netrc, with FILE for ~/.netrc (default: none).")
    Path netrcFile;

    @Option(names = {"-b", "--cookie"}, paramLabel = "FILE|'K=V; K2=V2'",
            description = "Start with the cookies of FILE (Netscape format, as curl and wget write it; a missing FILE is an empty jar), or"
                    + " send these cookies to each URL given (default: none).")
    String cookie;

    @Option(names = "--cookie-jar", paramLabel = "FILE",
            description = "Write every cookie to FILE at the end, in the Netscape format, readable by you alone (default: none).")
    Path cookieJar;

    @Option(names = "--no-cookies", description = "Neither keep nor send the cookies servers set (default: kept for the job, as wget).")
    boolean noCookies;

    /** Where the proxy variables and HOME are read: the process's environment, or a test's (Main.execute sets it). */
    Map<String, String> environment = System.getenv();

    /** The password asked for on the terminal, once: the settings are made more than once (checked, then run). */
    private String askedPassword;

    /** The proxies; an IllegalArgumentException naming the option or variable with a bad proxy URL. */
    Proxies proxies() {
        return Proxies.of(proxy, noProxy, environment);
    }

    /**
     * The job's cookie jar, -b's file loaded into it, or null with --no-cookies; an
     * IllegalArgumentException naming -b when its file cannot be read.
     */
    CookieJar cookies() {
        if (noCookies) {
            return null;
        }
        CookieJar jar = new CookieJar(PublicSuffixes::isPublicSuffix);
        if (cookie != null && cookie.indexOf('=') < 0) { // no '=': a file, as curl reads -b
            Path file = Path.of(cookie);
            try {
                jar.load(NetscapeCookies.read(file));
            } catch (NoSuchFileException absent) {
                // as curl: a jar to start, as with -b FILE -c FILE on a first run
            } catch (IOException e) {
                throw new IllegalArgumentException("--cookie: cannot read " + file + ": " + FileErrors.describe(e));
            }
        }
        return jar;
    }

    /** -b's literal cookies ({@code k=v; k2=v2}), or null. */
    String cookieLine() {
        return cookie != null && cookie.indexOf('=') >= 0 ? cookie.strip() : null;
    }

    /** Writes {@code jar} to --cookie-jar, if given; a line on {@code err} if it cannot be written. */
    void saveCookies(CookieJar jar, java.io.PrintWriter err) {
        if (cookieJar == null || jar == null) {
            return;
        }
        try {
            NetscapeCookies.write(cookieJar, jar.all());
        } catch (IOException e) {
            err.println("crawler: cannot write --cookie-jar " + cookieJar + ": " + FileErrors.describe(e));
        }
    }

    /** -u and the netrc; an IllegalArgumentException naming the option that cannot be used. */
    Credentials credentials() {
        Netrc logins = null;
        Path file = netrcFile != null ? netrcFile : netrc ? Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".netrc")
                : null;
        if (file != null) {
            try {
                logins = Netrc.read(file);
            } catch (IOException e) {
                throw new IllegalArgumentException((netrcFile != null ? "--netrc-file" : "--netrc") + ": cannot read " + file + ": "
                        + FileErrors.describe(e));
            }
        }
        if (user == null) {
            return Credentials.of(null, null, logins);
        }
        int colon = user.indexOf(':');
        if (colon >= 0) {
            return Credentials.of(user.substring(0, colon), user.substring(colon + 1), logins);
        }
        if (askedPassword == null) {
            askedPassword = askPassword();
        }
        return Credentials.of(user, askedPassword, logins);
    }

    /** -u's password, read from the terminal without echo, as curl asks for it. */
    private String askPassword() {
        Console console = System.console();
        char[] typed = console == null ? null : console.readPassword("Enter host password for user '%s': ", user);
        if (typed == null) {
            throw new IllegalArgumentException("--user " + user + ": no password, and no terminal to ask for it: give USER:PASSWORD");
        }
        return new String(typed);
    }
}
