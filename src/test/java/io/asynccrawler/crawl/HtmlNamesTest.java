package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tag names from a page's bytes: lower-cased as HTML's tokenizer does, the common ones given as constants. */
class HtmlNamesTest {
    private static String tag(String text) {
        byte[] b = ("<" + text + ">").getBytes(StandardCharsets.ISO_8859_1);
        return HtmlNames.tag(b, 1, b.length - 1);
    }

    @Test
    void aCommonNameInAnyCaseIsItsConstant() {
        for (String name : new String[] {"a", "A", "Link", "IMG", "sCrIpT", "h1", "H6", "textarea", "plaintext"}) {
            String read = tag(name);
            assertThat(read).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
            assertThat(read).as(name).isSameAs(read.intern());
        }
    }

    @Test
    void anyOtherNameIsMadeLowerCasedWithItsOtherBytesAsTheyAre() {
        assertThat(tag("My-Widget")).isEqualTo("my-widget");
        assertThat(tag("linkx")).isEqualTo("linkx");
        assertThat(tag("lin")).isEqualTo("lin");
        assertThat(tag("h7")).isEqualTo("h7");
        assertThat(tag("h\u0011")).as("a control byte is no digit, though it is one bit off").isEqualTo("h\u0011");
        assertThat(tag("\u00c0b")).as("no letter of ASCII").isEqualTo("\u00c0b");
        assertThat(tag("svg:Rect")).isEqualTo("svg:rect");
    }
}
