package io.asynccrawler.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathClaimsTest {
    private final PathClaims claims = new PathClaims();

    private String claim(String p) {
        return claims.claim(Path.of(p)).toString();
    }

    @Test
    void aTakenNameGetsTheNextNumberedVariantInInputOrder() {
        assertThat(claim("h/a.txt")).isEqualTo("h/a.txt");
        assertThat(claim("h/a.txt")).isEqualTo("h/a~2.txt");
        assertThat(claim("h/a.txt")).isEqualTo("h/a~3.txt");
        assertThat(claim("h/a~2.txt")).isEqualTo("h/a~2~2.txt");
    }

    @Test
    void aDirectoryNeededWhereAFileWasSavedTakesANumberedName() {
        assertThat(claim("h/docs")).isEqualTo("h/docs");
        assertThat(claim("h/docs/intro")).isEqualTo("h/docs~2/intro");
        assertThat(claim("h/docs/more/deep.html")).isEqualTo("h/docs~2/more/deep.html");
        assertThat(claim("h/docs/intro")).isEqualTo("h/docs~2/intro~2");
    }

    @Test
    void aFileWhereADirectoryIsNeededTakesANumberedName() {
        assertThat(claim("h/docs/intro")).isEqualTo("h/docs/intro");
        assertThat(claim("h/docs")).isEqualTo("h/docs~2");
        assertThat(claim("h")).isEqualTo("h~2");
        assertThat(claim("h/docs/other")).isEqualTo("h/docs/other");
    }

    @Test
    void aNumberedDirectoryDoesNotTakeANameAFileAlreadyHas() {
        assertThat(claim("h/docs")).isEqualTo("h/docs");
        assertThat(claim("h/docs~2")).isEqualTo("h/docs~2");
        assertThat(claim("h/docs/x")).isEqualTo("h/docs~3/x");
    }

    @Test
    void aNameGivenBackGoesToTheDirectoryThatWantsIt() {
        assertThat(claims.claim(Path.of("h/list"), "http://h/list")).isEqualTo(Path.of("h/list"));
        claims.giveBack(Path.of("h/list"), "http://h/list"); // a redirect to /list/: no file
        assertThat(claim("h/list/index.html")).isEqualTo("h/list/index.html");
        assertThat(claim("h/list/a.txt")).isEqualTo("h/list/a.txt");
        assertThat(claim("h/list")).as("the directory has the name now").isEqualTo("h/list~2");
    }

    @Test
    void urlsInARowInOneDirectoryKeepItsNameNumberedOrNot() {
        assertThat(claim("h/docs")).isEqualTo("h/docs");
        assertThat(claim("h/docs/a")).isEqualTo("h/docs~2/a");
        assertThat(claim("h/docs/b")).isEqualTo("h/docs~2/b");
        assertThat(claim("h/docs/a")).isEqualTo("h/docs~2/a~2");
        assertThat(claim("h/x/a")).isEqualTo("h/x/a");
        assertThat(claim("h/x")).isEqualTo("h/x~2");
        assertThat(claim("h/x/b")).isEqualTo("h/x/b");
        assertThat(claim("h/docs/c")).isEqualTo("h/docs~2/c");
        assertThat(claim("h/docs~2")).isEqualTo("h/docs~2~2");
        assertThat(claim("h/docs/d")).isEqualTo("h/docs~2/d");
    }
}
