package io.asynccrawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts reached directly whatever proxy is set: {@code --noproxy} or {@code NO_PROXY}, read as
 * curl reads it. A comma list; a lone {@code *} matches every host; a name matches itself and the
 * names below it ({@code example.com} matches {@code www.example.com}, not {@code badexample.com};
 * a leading dot changes nothing); an IP address matches itself, and a CIDR range
 * ({@code 10.0.0.0/8}, {@code fd00::/8}) the literal addresses in it, IPv6 written with or without
 * brackets. Names are never looked up to match an address range, as curl does not.
 */
public final class NoProxy {
    /** Matches no host: every URL goes through the proxy. */
    public static final NoProxy NONE = new NoProxy(false, List.of(), List.of());

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean all;
    private final List<String> domains;
    private final List<Range> ranges;

    private NoProxy(boolean all, List<String> domains, List<Range> ranges) {
        this.all = all;
        this.domains = domains;
        this.ranges = ranges;
    }

    /** The list {@code spec} (null or blank: no host). */
    public static NoProxy parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        if (spec.strip().equals("*")) {
            return new NoProxy(true, List.of(), List.of());
        }
        List<String> domains = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.startsWith("[") && entry.contains("]")) {
                entry = entry.substring(1, entry.indexOf(']')) + entry.substring(entry.indexOf(']') + 1);
            }
            Range range = Range.parse(entry);
            if (range != null) {
                ranges.add(range);
                continue;
            }
            while (entry.startsWith(".")) {
                entry = entry.substring(1);
            }
            while (entry.endsWith(".")) {
                entry = entry.substring(0, entry.length() - 1);
            }
            if (!entry.isEmpty()) {
                domains.add(entry);
            }
        }
        return new NoProxy(false, List.copyOf(domains), List.copyOf(ranges));
    }

    /** Whether {@code host} (a URL's host: a name, an IPv4 address or a bracketed IPv6 one) is reached directly. */
    public boolean matches(String host) {
        if (all) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf('%') >= 0 ? h.indexOf('%') : h.length() - 1; // a zone is no part of the address
            h = h.substring(1, end);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        byte[] address = literal(h);
        if (address != null) {
            for (Range r : ranges) {
                if (r.contains(address)) {
                    return true;
                }
            }
        }
        for (String d : domains) {
            if (h.equals(d) || h.endsWith(d) && h.charAt(h.length() - d.length() - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    /**
     * The bytes of an IP literal, or null for a name: a dotted quad of decimals, or anything with a
     * colon (no name has one), which InetAddress parses without a lookup.
     */
    private static byte[] literal(String s) {
        if (s.isEmpty() || !(s.indexOf(':') >= 0 || DOTTED_QUAD.matcher(s).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** An address and how many of its leading bits must match (all of them when no prefix was given). */
    private record Range(byte[] network, int bits) {
        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = literal(address);
            if (network == null) {
                return null;
            }
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (bits < 0 || bits > network.length * 8) {
                    return null;
                }
            }
            return new Range(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
