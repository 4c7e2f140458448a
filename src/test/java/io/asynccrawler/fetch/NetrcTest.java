package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetrcTest {
    @Test
    void machinesDefaultQuotesAndMacrosAreReadAsCurlReadsThem() {
        Netrc netrc = Netrc.parse("machine a.example login ann password one\n"
                + "machine B.Example\n  login bob\n  account ignored\n  password \"two words \\\" and \\\\\"\n"
                + "macdef init\ncd /pub\nmachine c.example login mallory password macro\n\n"
                + "machine a.example login second password ignored\n"
                + "default login anon password guest\n");
        assertThat(netrc.forHost("a.example")).isEqualTo(new Netrc.Login("ann", "one"));
        assertThat(netrc.forHost("b.example")).isEqualTo(new Netrc.Login("bob", "two words \" and \\"));
        assertThat(netrc.forHost("c.example")).as("a macro's body is no entry").isEqualTo(new Netrc.Login("anon", "guest"));
        assertThat(netrc.forHost("elsewhere")).isEqualTo(new Netrc.Login("anon", "guest"));
        assertThat(netrc.forHost("a.example")).hasToString("ann:***");
    }

    @Test
    void withoutADefaultAnUnknownHostHasNoLogin() {
        Netrc netrc = Netrc.parse("machine only.example login u\n");
        assertThat(netrc.forHost("only.example")).isEqualTo(new Netrc.Login("u", ""));
        assertThat(netrc.forHost("other.example")).isNull();
        assertThat(Netrc.parse("").forHost("x")).isNull();
    }
}
