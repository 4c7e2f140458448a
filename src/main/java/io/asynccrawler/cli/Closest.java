package io.asynccrawler.cli;

/** The known name a mistyped one was meant to be: the nearest within two edits, as git's "did you mean". */
final class Closest {
    /** Two edits: a swapped pair (fecth), a letter left out or doubled (concurency) and one more; three guess wrong. */
    private static final int MAX_EDITS = 2;

    private Closest() {
    }

    /** The name of {@code known} nearest to {@code typed}, or null when none is within two edits. */
    static String among(String typed, Iterable<String> known) {
        String closest = null;
        int best = MAX_EDITS + 1;
        for (String name : known) {
            int d = editDistance(typed, name);
            if (d < best) {
                best = d;
                closest = name;
            }
        }
        return closest;
    }

    /** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters is one edit. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
