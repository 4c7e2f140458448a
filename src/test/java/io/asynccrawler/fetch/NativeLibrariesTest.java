package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native libraries copied out of their jar once, into the user's cache, and found there after. */
class NativeLibrariesTest {
    @TempDir
    Path home;
    private String userHome;

    @BeforeEach
    void cacheInATemporaryHome() {
        assumeTrue(System.getenv("XDG_CACHE_HOME") == null, "XDG_CACHE_HOME names the cache: not a temporary one");
        userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void homeBack() {
        if (userHome != null) {
            System.setProperty("user.home", userHome);
        }
    }

    @Test
    void aLibraryInAJarIsCopiedOnceUnderTheNameItsLoaderLooksFor() throws Exception {
        String resource = "/META-INF/io.netty.versions.properties"; // a file in Netty's jars stands for a library
        Path cached = NativeLibraries.cachedAs(resource, "libloaded-by-this-name.so");
        assertThat(cached).isNotNull().hasFileName("libloaded-by-this-name.so");
        assertThat(cached.getParent().getParent()).isEqualTo(home.resolve(".cache/async-crawler/native"));
        try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
            assertThat(Files.readAllBytes(cached)).isEqualTo(in.readAllBytes());
        }
        Files.setLastModifiedTime(cached, FileTime.fromMillis(0));
        assertThat(NativeLibraries.cachedAs(resource, "libloaded-by-this-name.so")).isEqualTo(cached);
        assertThat(Files.getLastModifiedTime(cached).toMillis()).as("found, not copied again").isZero();
        try (var left = Files.list(cached.getParent())) {
            assertThat(left).as("no part file left").containsExactly(cached);
        }
    }

    @Test
    void aResourceThatIsNotThereIsNoLibrary() {
        assertThat(NativeLibraries.cachedAs("/no/such/libnothing.so", "libnothing.so")).isNull();
    }
}
