package io.asynccrawler.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code .netrc} file as curl and wget read it: {@code machine NAME login USER password PASS}
 * entries and one {@code default} entry, the words separated by any white space, a word in double
 * quotes holding spaces ({@code \"} and {@code \\} escaped inside), {@code account} ignored and a
 * {@code macdef} skipped to the next blank line. The first entry for a machine counts.
 */
public final class Netrc {
    /** A login for a machine. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return user + ":***";
        }
    }

    private final Map<String, Login> machines;
    private final Login fallback;

    private Netrc(Map<String, Login> machines, Login fallback) {
        this.machines = machines;
        this.fallback = fallback;
    }

    /** The file at {@code path}; an IOException if it cannot be read. */
    public static Netrc read(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8));
    }

    static Netrc parse(String text) {
        Map<String, Login> machines = new HashMap<>();
        Login fallback = null;
        List<String> words = words(text);
        String machine = null;
        boolean isDefault = false;
        String user = null;
        String password = null;
        for (int i = 0; i <= words.size(); i++) {
            String w = i < words.size() ? words.get(i) : "machine"; // the end closes the last entry
            if (w.equals("machine") || w.equals("default")) {
                if (machine != null && user != null) {
                    machines.putIfAbsent(machine, new Login(user, password == null ? "" : password));
                } else if (isDefault && user != null && fallback == null) {
                    fallback = new Login(user, password == null ? "" : password);
                }
                isDefault = w.equals("default");
                machine = !isDefault && i + 1 < words.size() ? words.get(++i).toLowerCase(Locale.ROOT) : null;
                user = null;
                password = null;
            } else if ((w.equals("login") || w.equals("password") || w.equals("account")) && i + 1 < words.size()) {
                String value = words.get(++i);
                if (w.equals("login")) {
                    user = value;
                } else if (w.equals("password")) {
                    password = value;
                }
            }
        }
        return new Netrc(machines, fallback);
    }

    /** The words of {@code text}, quoted ones unquoted, macro definitions left out. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            StringBuilder w = new StringBuilder();
            if (c == '"') {
                for (i++; i < n && text.charAt(i) != '"'; i++) {
                    char q = text.charAt(i);
                    w.append(q == '\\' && i + 1 < n ? text.charAt(++i) : q);
                }
                i++;
            } else {
                for (; i < n && !Character.isWhitespace(text.charAt(i)); i++) {
                    w.append(text.charAt(i));
                }
            }
            words.add(w.toString());
            if (w.toString().equals("macdef") && c != '"') { // its name, then lines up to a blank one
                int blank = text.indexOf("\n\n", i);
                i = blank < 0 ? n : blank;
            }
        }
        return words;
    }

    /** The login for {@code host}: its machine's, else the default's, else null. */
    public Login forHost(String host) {
        Login l = machines.get(host.toLowerCase(Locale.ROOT));
        return l != null ? l : fallback;
    }
}
