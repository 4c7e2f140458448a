package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crawler in a sandbox without a network interface (a container run with {@code --network
 * none}, a fresh network namespace): a URL it cannot reach fails with its one line, which says
 * why, and nothing else is said (Netty warned, once with a stack trace, that it found no loopback
 * interface and no hardware address; the epoll transport's error read "null: 127.0.0.1/...").
 */
class NoNetworkProcessTest {
    @TempDir
    Path tmp;

    /** {@code unshare}'s arguments that give a process a network namespace of its own here, or null if none does. */
    private static List<String> unshare() throws InterruptedException {
        for (List<String> args : List.of(List.of("unshare", "-n"), List.of("unshare", "-r", "-n"))) {
            List<String> probe = new ArrayList<>(args);
            probe.add("true");
            try {
                Process p = new ProcessBuilder(probe).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return args;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                return null; // no unshare here
            }
        }
        return null;
    }

    @Test
    void anUnreachableUrlInANamespaceWithoutInterfacesFailsWithItsLineAlone() throws Exception {
        List<String> unshare = unshare();
        assumeTrue(unshare != null, "no network namespace can be made here (unshare -n needs root or user namespaces)");
        List<String> command = new ArrayList<>(unshare);
        command.addAll(CrawlerProcess.commandAsUsersRunIt(List.of(),
                List.of("fetch", "--retries", "0", "-o", tmp.resolve("out").toString(), "http://127.0.0.1:9/x")));
        CrawlerProcess.Ran ran = CrawlerProcess.run(command, tmp.resolve("stderr.txt"));
        String err = ran.err();
        assertThat(ran.exitCode()).as(err).isEqualTo(1);
        assertThat(err).contains("http://127.0.0.1:9/x: cannot connect to http://127.0.0.1:9: network is unreachable")
                .doesNotContain("WARN").doesNotContain("Exception").doesNotContain("null");
    }
}
