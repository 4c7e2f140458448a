package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.crawl.FrontierStore.Admission;
import io.asynccrawler.crawl.FrontierStore.Budget;
import io.asynccrawler.crawl.FrontierStore.Excluded;
import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.crawl.FrontierStore.Queued;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Via;
import io.asynccrawler.save.PathClaims;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDB;
import org.junit.jupiter.api.io.TempDir;

/** The crawl's store on disk: each URL admitted once, queues per host in order, a page's end atomic, kill -9 safe. */
class RocksFrontierStoreTest {
    @TempDir
    Path tmp;

    private static Found found(String url, int depth) {
        return new Found(URI.create(url), depth, Via.LINK, "http://a.example/");
    }

    @Test
    void eachUrlIsAdmittedOnceAndQueuedUnderItsHostInOrder() throws Exception {
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            List<Queued> first = store.admit(List.of(found("http://a.example/1", 0), found("http://b.example/1", 0),
                    found("http://a.example/2", 0), found("http://a.example/1", 0)));
            assertThat(first).extracting(q -> q.found().uri().toString())
                    .containsExactly("http://a.example/1", "http://b.example/1", "http://a.example/2");
            assertThat(store.admit(List.of(found("http://a.example/2", 1), found("http://b.example/2", 1))))
                    .extracting(q -> q.found().uri().toString()).containsExactly("http://b.example/2");
            assertThat(store.hostsAfter(null, 10)).containsExactly("a.example", "b.example");
            assertThat(store.hosts()).isEqualTo(2);
            assertThat(store.hostsAfter("a.example", 10)).containsExactly("b.example");
            List<Queued> a = store.queuedAfter("a.example", -1, 10);
            assertThat(a).extracting(q -> q.found().uri().getPath()).containsExactly("/1", "/2");
            assertThat(store.queuedAfter("a.example", a.get(0).seq(), 10)).hasSize(1);
            assertThat(a.get(0).found()).isEqualTo(found("http://a.example/1", 0));
            assertThat(store.queued()).isEqualTo(4);
        }
    }

    @Test
    void theHostsAskedForAreTheHostsWithUrlsQueuedNowThoughAnswersAreKept() throws Exception {
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            List<Queued> first = store.admit(List.of(found("http://a.example/", 0), found("http://b.example/", 0)));
            assertThat(store.hostsAfter(null, 10)).containsExactly("a.example", "b.example");
            assertThat(store.hostsAfter("a.example", 10)).containsExactly("b.example");
            assertThat(store.hostsAfter(null, 1)).containsExactly("a.example");
            store.admit(List.of(found("http://c.example/", 0), found("http://a.example/2", 1)));
            assertThat(store.hostsAfter(null, 10)).as("a host come").containsExactly("a.example", "b.example", "c.example");
            assertThat(store.hostsAfter("a.example", 10)).containsExactly("b.example", "c.example");
            store.ended(first.get(1), Admission.NOTHING); // b's only URL
            assertThat(store.hostsAfter(null, 10)).as("a host gone").containsExactly("a.example", "c.example");
            store.ended(first.get(0), Admission.NOTHING); // a has /2 still
            assertThat(store.hostsAfter(null, 10)).containsExactly("a.example", "c.example");
            assertThat(store.hostsAfter("b.example", 10)).containsExactly("c.example");
        }
    }

    @Test
    void aPagesEndAndItsLinksAreOneStepAndAnEndedPageIsNeverQueuedAgain() throws Exception {
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            Queued root = store.admit(List.of(found("http://a.example/", 0))).get(0);
            List<Queued> links = store.ended(root, Admission.of(List.of(found("http://a.example/x", 1), found("http://a.example/", 1))));
            assertThat(links).extracting(q -> q.found().uri().getPath()).containsExactly("/x");
            assertThat(store.queuedAfter("a.example", -1, 10)).extracting(q -> q.found().uri().getPath()).containsExactly("/x");
            assertThat(store.ended(root, Admission.of(List.of()))).as("told twice").isEmpty();
            assertThat(store.queued()).isEqualTo(1);
            assertThat(store.ended()).isEqualTo(1);
            store.ended(links.get(0), Admission.of(List.of()));
            assertThat(store.hostsAfter(null, 10)).isEmpty();
            assertThat(store.hosts()).as("a host whose queue emptied").isZero();
        }
    }

    @Test
    void aStoreOpenedAgainGoesOnWhereItWas() throws Exception {
        Queued kept;
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            Queued root = store.admit(List.of(found("http://a.example/", 0))).get(0);
            kept = store.ended(root, Admission.of(List.of(found("http://a.example/next", 1)))).get(0);
        }
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            assertThat(store.queuedAfter("a.example", -1, 10)).containsExactly(kept);
            assertThat(store.admit(List.of(found("http://a.example/", 0), found("http://a.example/next", 1)))).isEmpty();
            Queued fresh = store.admit(List.of(found("http://a.example/new", 2))).get(0);
            assertThat(fresh.seq()).as("seq goes on").isGreaterThan(kept.seq());
            assertThat(store.queued()).isEqualTo(2);
            assertThat(store.ended()).isEqualTo(1);
        }
    }

    @Test
    void theHostsAdmittedToAreCountedAcrossRunsAndCountedOnceForAStoreOfTheLayoutBefore() throws Exception {
        Path dir = tmp.resolve("state");
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            Queued root = store.admit(List.of(found("http://a.example/", 0), found("http://b.example/", 0))).get(0);
            store.ended(root, Admission.of(List.of(found("http://a.example/x", 1), found("http://c.example/", 1))));
            assertThat(store.hostsAdmitted()).isEqualTo(3);
            assertThat(store.hosts()).as("with URLs queued").isEqualTo(3);
        }
        try (RocksDB db = RocksDB.open(dir.toString())) { // as the layout before wrote it: no count
            db.put(FrontierKeys.meta("format"), FrontierKeys.longBytes(3));
            db.delete(FrontierKeys.meta(FrontierStep.HOSTS_ADMITTED));
        }
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            assertThat(store.hostsAdmitted()).isEqualTo(3);
            store.admit(List.of(found("http://a.example/y", 1), found("http://d.example/", 1)));
            assertThat(store.hostsAdmitted()).isEqualTo(4);
        }
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            assertThat(store.hostsAdmitted()).isEqualTo(4);
        }
    }

    @Test
    void theNamesOneRunGaveAreKnownToTheNextSoAUrlIsNamedAsOneRunWouldHave() throws Exception {
        // /docs/ and /docs/index.html are two URLs wanting one file: the first run gave the name
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            assertThat(new PathClaims(store.names()).claim(Path.of("h/docs/index.html"), "http://h/docs/"))
                    .isEqualTo(Path.of("h/docs/index.html"));
        }
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            PathClaims again = new PathClaims(store.names());
            assertThat(again.claim(Path.of("h/docs/index.html"), "http://h/docs/index.html"))
                    .as("not handed out again, to be skipped as saved").isEqualTo(Path.of("h/docs/index~2.html"));
            assertThat(again.claim(Path.of("h/docs/index.html"), "http://h/docs/"))
                    .as("in flight at a kill, fetched again: its own name").isEqualTo(Path.of("h/docs/index.html"));
            assertThat(again.claim(Path.of("h/docs/index.html/x"))).as("a file's name is no directory's")
                    .isEqualTo(Path.of("h/docs/index.html~2/x"));
            assertThat(store.names().add("f:h/other")).isTrue();
            assertThat(store.names().add("f:h/other")).isFalse();
            again.giveBack(Path.of("h/docs/index.html"), "http://h/docs/index.html");
            assertThat(store.names().contains("f:h/docs/index.html")).as("another URL's name stays").isTrue();
            again.giveBack(Path.of("h/docs/index.html"), "http://h/docs/");
            assertThat(store.names().contains("f:h/docs/index.html")).as("its owner gave it back").isFalse();
        }
    }

    @Test
    void anExcludedUrlIsKeptOnceUntilReportedUnlessItIsAdmittedAfterAll() throws Exception {
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            Queued root = store.admit(List.of(found("http://a.example/", 0))).get(0);
            Excluded deep = new Excluded(found("http://a.example/deep", 3), Reason.TOO_DEEP, "--depth 2");
            Excluded away = new Excluded(found("http://b.example/", 1), Reason.OUT_OF_SCOPE, "another host");
            store.ended(root, new Admission(List.of(), List.of(deep, away, new Excluded(found("http://a.example/", 1),
                    Reason.NOFOLLOW, null)), Budget.NONE));
            store.admit(List.of(found("http://a.example/deep", 1))); // met again, within the depth
            store.ended(null, new Admission(List.of(), List.of(new Excluded(found("http://b.example/", 2), Reason.NOFOLLOW, null)),
                    Budget.NONE));
            assertThat(store.takeExcluded(10)).as("the seen root is not excluded; the first reason stands").containsExactly(away);
            assertThat(store.takeExcluded(10)).as("reported: gone").isEmpty();
            for (int page = 0; page < 3; page++) { // met on every page: known kept, from memory after the first
                store.ended(null, new Admission(List.of(), List.of(new Excluded(found("http://b.example/", 2), Reason.NOFOLLOW, null)),
                        Budget.NONE));
            }
            assertThat(store.takeExcluded(10)).as("reported once").isEmpty();
        }
    }

    @Test
    void whatTheStoreSurelyKnowsFromMemoryIsTrueAndWhatItDoesNotKnowItAsksItsFiles() throws Exception {
        URI admitted = URI.create("http://a.example/admitted");
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            Queued root = store.admit(List.of(found("http://a.example/", 0))).get(0);
            store.ended(root, new Admission(List.of(found(admitted.toString(), 1)),
                    List.of(new Excluded(found("http://b.example/", 1), Reason.OUT_OF_SCOPE, "another host")), Budget.NONE));
            assertThat(store.surelySeen(admitted)).isTrue();
            assertThat(store.surelySeen(URI.create("http://a.example/"))).isTrue();
            assertThat(store.surelySeen(URI.create("http://b.example/"))).as("excluded, not admitted").isFalse();
            assertThat(store.surelySeen(URI.create("http://a.example/other"))).isFalse();
        }
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            assertThat(store.surelySeen(admitted)).as("not in memory yet: not sure").isFalse();
            assertThat(store.admit(List.of(found(admitted.toString(), 1)))).as("the store knows").isEmpty();
            assertThat(store.surelySeen(admitted)).as("remembered once asked").isTrue();
        }
    }

    @Test
    void urlsReportedExcludedAreKeptForARunWhoseOptionsLetThemThrough() throws Exception {
        Excluded far = new Excluded(found("http://a.example/far", 1), Reason.OUT_OF_SCOPE, null);
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            store.ended(null, new Admission(List.of(), List.of(
                    new Excluded(found("http://a.example/d2", 2), Reason.TOO_DEEP, "--depth 1"),
                    new Excluded(found("http://a.example/d3", 3), Reason.TOO_DEEP, "--depth 1"),
                    new Excluded(found("http://b.example/x", 2), Reason.TOO_DEEP, "--depth 1"), far), Budget.NONE));
            assertThat(store.takeExcluded(10)).hasSize(4);
            assertThat(store.admitKept("depth 1", x -> x.found().depth() <= 1 && x.reason() == Reason.TOO_DEEP, Budget.NONE))
                    .as("none within depth 1").isZero();
            store.ended(null, new Admission(List.of(), List.of(far), Budget.NONE));
            assertThat(store.takeExcluded(10)).as("met again: reported once, by the run that met it first").isEmpty();
        }
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            assertThat(store.admitKept("depth 2, a", x -> x.found().depth() <= 2 && x.found().uri().getHost().equals("a.example"),
                    Budget.NONE)).isEqualTo(2);
            assertThat(store.queuedAfter("a.example", -1, 10)).extracting(q -> q.found().uri().getPath()).containsExactlyInAnyOrder("/d2", "/far");
            assertThat(store.admitKept("depth 2, a", x -> true, Budget.NONE)).as("the same options: not looked at again").isZero();
            assertThat(store.admitKept("depth 2", x -> x.found().depth() <= 2, Budget.NONE)).as("d2 admitted once; b's now").isEqualTo(1);
            assertThat(store.admitKept("depth 9", x -> true, new Budget(3, Long.MAX_VALUE))).as("past the budget: kept").isZero();
            assertThat(store.admitKept("depth 9, 4 pages", x -> true, new Budget(4, Long.MAX_VALUE))).isEqualTo(1);
            assertThat(store.admitKept("everything", x -> true, Budget.NONE)).as("none kept").isZero();
            assertThat(store.queued()).isEqualTo(4);
        }
    }

    @Test
    void aUrlExcludedAtItsTurnIsQueuedAgainWhenARunLetsItThrough() throws Exception {
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            Queued page = store.admit(List.of(found("http://a.example/private", 0))).get(0);
            store.endedExcluded(page, new Excluded(page.found(), Reason.ROBOTS_DISALLOWED, null));
            assertThat(store.queued()).isZero();
            assertThat(store.ended()).isEqualTo(1);
            assertThat(store.takeExcluded(10)).as("reported by the crawl as it ended").isEmpty();
            assertThat(store.admit(List.of(page.found()))).as("seen").isEmpty();
            assertThat(store.admitKept("robots on", x -> false, Budget.NONE)).isZero();
            assertThat(store.admitKept("--no-robots", x -> x.reason() == Reason.ROBOTS_DISALLOWED, Budget.NONE)).isEqualTo(1);
            assertThat(store.queued()).isEqualTo(1);
            assertThat(store.ended()).isZero();
            Queued again = store.queuedAfter("a.example", -1, 10).get(0);
            assertThat(again.found()).isEqualTo(page.found());
            store.ended(again, Admission.NOTHING);
            assertThat(store.admitKept("--no-robots, again", x -> true, Budget.NONE)).as("fetched: kept no longer").isZero();
            assertThat(store.queued()).isZero();
        }
    }

    @Test
    void urlsPastTheBudgetAreExcludedNamingTheLimit() throws Exception {
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            Budget budget = new Budget(4, 2);
            List<Found> links = List.of(found("http://a.example/1", 1), found("http://a.example/2", 1), found("http://a.example/3", 1),
                    found("http://b.example/1", 1), found("http://c.example/1", 1), found("http://c.example/2", 1));
            List<Queued> admitted = store.ended(null, new Admission(links, List.of(), budget));
            assertThat(admitted).extracting(q -> q.found().uri().toString())
                    .containsExactly("http://a.example/1", "http://a.example/2", "http://b.example/1", "http://c.example/1");
            assertThat(store.takeExcluded(10)).extracting(x -> x.found().uri().toString() + " " + x.detail())
                    .containsExactlyInAnyOrder("http://a.example/3 --max-pages-per-host 2", "http://c.example/2 --max-pages 4");
        }
        try (RocksFrontierStore store = RocksFrontierStore.open(tmp.resolve("state"))) {
            assertThat(store.ended(null, new Admission(List.of(found("http://b.example/2", 1)), List.of(), new Budget(5, 2))))
                    .as("the counts are kept with the store").hasSize(1);
            assertThat(store.ended(null, new Admission(List.of(found("http://b.example/3", 1)), List.of(), new Budget(9, 2))))
                    .isEmpty();
        }
    }

    @Test
    void aKilledCrawlLosesNothingItWroteAndEndsNothingTwice() throws Exception {
        Path state = tmp.resolve("state");
        Random random = new Random(11);
        Set<String> endedSeen = new HashSet<>();
        for (int kill = 0; kill < 4; kill++) {
            List<String> lines = runAndKill(state, 300 + random.nextInt(900));
            for (String line : lines) {
                String url = line.split(" ")[1];
                assertThat(endedSeen.add(url)).as("ended twice across kills: " + url).isTrue();
            }
            try (RocksFrontierStore store = RocksFrontierStore.open(state)) {
                long found = store.queued() + store.ended();
                String last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                if (last != null) {
                    // every URL the last page's end reported found is in the store: queued or ended
                    assertThat(found).isGreaterThanOrEqualTo(Long.parseLong(last.substring(last.lastIndexOf(' ') + 1)));
                }
                assertThat(store.ended()).isGreaterThanOrEqualTo(endedSeen.size());
                // what ended is queued no more, and every URL up to found is known to the store
                for (String url : endedSeen) {
                    assertThat(store.admit(List.of(new Found(URI.create(url), 9, Via.LINK, null)))).as(url).isEmpty();
                }
                List<Queued> queued = new ArrayList<>();
                for (String host : store.hostsAfter(null, 100)) {
                    queued.addAll(store.queuedAfter(host, -1, 1_000_000));
                }
                assertThat(queued).hasSize((int) store.queued())
                        .noneMatch(q -> endedSeen.contains(q.found().uri().toString()));
                for (long i = 0; i < found; i += 97) {
                    assertThat(store.admit(List.of(new Found(FrontierStoreCrashChild.url(i), 9, Via.LINK, null))))
                            .as("found before the kill: " + i).isEmpty();
                }
            }
        }
        assertThat(endedSeen).as("the crawl went on across the kills").hasSizeGreaterThan(20);
    }

    /** Runs the child on {@code state} for about {@code millis} after its first page ends, kills it (SIGKILL), and returns its lines. */
    private static List<String> runAndKill(Path state, int millis) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FrontierStoreCrashChild.class.getName(), state.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("the child's first line").startsWith("ended ");
            lines.add(first);
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < until) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close; lines not read yet are lost with it
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        lines.removeIf(l -> !l.startsWith("ended ") || !l.contains(" found "));
        return lines;
    }
}
