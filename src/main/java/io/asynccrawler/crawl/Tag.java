package io.asynccrawler.crawl;

import java.util.Arrays;

/**
 * A start tag as {@link HtmlTags} reads it: its lower-case name and the few attributes a link can
 * be in (a handful a tag, so a list beats a map).
 */
final class Tag {
    private String name;
    private String[] attributes = new String[4]; // name, value, name, value
    private int size;

    Tag(String name) {
        this.name = name;
    }

    /** This tag made another, named {@code name} with no attributes: a reader uses one for all its tags. */
    Tag reset(String name) {
        this.name = name;
        Arrays.fill(attributes, 0, size, null);
        size = 0;
        return this;
    }

    String name() {
        return name;
    }

    /** The value of attribute {@code lowerName}, "" if given without one, or null if absent. */
    String attr(String lowerName) {
        for (int k = 0; k < size; k += 2) {
            if (attributes[k].equals(lowerName)) {
                return attributes[k + 1];
            }
        }
        return null;
    }

    void put(String lowerName, String value) {
        if (size == attributes.length) {
            attributes = java.util.Arrays.copyOf(attributes, size * 2);
        }
        attributes[size++] = lowerName;
        attributes[size++] = value;
    }
}
