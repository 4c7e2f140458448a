package io.asynccrawler.job;

/**
 * Text from an input made safe to print: a list line can hold terminal escape sequences (an ESC
 * that recolours or clears the screen, an OSC that retitles the window, a BEL), which echoed as
 * they are would act on the user's terminal. Control characters (C0, DEL, C1) and the
 * bidirectional overrides that can make a line read otherwise than it is are written as escapes
 * ({@code \e}, {@code \x07}, and for a character past U+00FF a backslash, u and four hex
 * digits); everything else is kept.
 */
public final class Printable {
    private Printable() {
    }

    public static String of(String text) {
        if (text == null || clean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
            } else if (c == 0x1B) {
                out.append("\\e");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x100) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
