package io.asynccrawler.cli;

import io.asynccrawler.fetch.Credentials;
import io.asynccrawler.fetch.Netrc;
import io.asynccrawler.fetch.Proxies;
import io.asynccrawler.save.FileErrors;
import java.io.Console;
import java.io.IOException;
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

    /** Where the proxy variables and HOME are read: the process's environment, or a test's (Main.execute sets it). */
    Map<String, String> environment = System.getenv();

    /** The password asked for on the terminal, once: the settings are made more than once (checked, then run). */
    private String askedPassword;

    /** The proxies; an IllegalArgumentException naming the option or variable with a bad proxy URL. */
    Proxies proxies() {
        return Proxies.of(proxy, noProxy, environment);
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
