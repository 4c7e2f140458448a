package io.asynccrawler.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.Target;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostQueuesTest {
    static Target t(String url) {
        return new Target(URI.create(url), Path.of("f"), "test");
    }

    @Test
    void admitsUpToTheCapThenQueuesAndHandsPlacesOver() throws Exception {
        HostQueues q = new HostQueues(2, 10);
        Target a1 = t("http://a/1");
        Target a2 = t("http://A/2");
        Target a3 = t("http://a/3");
        assertThat(q.admitOrQueue(a1)).isTrue();
        assertThat(q.admitOrQueue(a2)).isTrue();
        assertThat(q.admitOrQueue(a3)).isFalse();
        assertThat(q.admitOrQueue(t("http://b/1"))).as("another host is not held back").isTrue();
        assertThat(q.next(a1)).isSameAs(a3);
        assertThat(q.next(a2)).isNull();
        assertThat(q.next(a3)).isNull();
        assertThat(q.admitOrQueue(t("http://a/4"))).as("places came back").isTrue();
    }

    @Test
    void waitingIsBoundedAndDrainable() throws Exception {
        HostQueues q = new HostQueues(1, 2);
        Target first = t("http://a/0");
        assertThat(q.admitOrQueue(first)).isTrue();
        assertThat(q.admitOrQueue(t("http://a/1"))).isFalse();
        assertThat(q.admitOrQueue(t("http://a/2"))).isFalse();
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return q.admitOrQueue(t("http://b/0"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(blocked).as("full: the reader waits").isNotDone();
        assertThat(q.next(first)).isNotNull(); // one waiting URL takes over: room again
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(q.drain()).hasSize(1);
    }
}
