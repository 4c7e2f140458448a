package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.crawl.FrontierStore.Queued;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.job.Frontier;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crawl as the Job sees it: URLs taken from a {@link FrontierStore} host by host, each host's
 * requests under its cap and its wait (or its robots.txt's Crawl-delay), only what its robots.txt
 * allows; each page, once it ended, read for links ({@link LinkExtractor}, from its saved file)
 * that are admitted when in scope and depth. The job ends when nothing is queued or in flight.
 * What the store holds is the crawl: a frontier made again on the same store (after Ctrl-C, or a
 * {@code kill -9}) goes on, fetching again only what was in flight.
 */
public final class CrawlFrontier implements Frontier {
    private static final Logger log = LoggerFactory.getLogger(CrawlFrontier.class);
    /** Hosts looked at in one step of the round: enough to find one ready among hosts at their cap. */
    private static final int HOSTS_A_STEP = 64;
    /** robots.txt fetches that found the host unreachable before its URLs are given up. */
    static final int ROBOTS_TRIES = 3;

    private final CrawlParts parts;
    private final FrontierStore store;
    private final CrawlRules rules;
    /** Guarded by this: the URLs taken and not ended, by URL, and the hosts in play. */
    private final Map<String, Queued> inFlight = new HashMap<>();
    private final HostTurns turns = new HostTurns();
    /** Where the round over hosts goes on from (null: the first host). */
    private String roundAfter;
    /** URLs not fetched, by reason: robots.txt said no, or the host could not say. */
    private final Map<String, Long> excluded = new HashMap<>();

    /** A frontier over {@code parts.store()}; the seeds are admitted if new. */
    public CrawlFrontier(CrawlParts parts, CrawlRules rules) {
        this.parts = parts;
        this.store = parts.store();
        this.rules = rules;
        List<Found> seeds = new ArrayList<>();
        for (URI seed : rules.seeds()) {
            seeds.add(new Found(seed, 0, Via.SEED, null));
        }
        store.admit(seeds);
    }

    @Override
    public synchronized Entry take() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long[] wakeAt = {Long.MAX_VALUE};
            Queued next = nextReady(now, wakeAt);
            if (next != null) {
                inFlight.put(next.found().uri().toString(), next);
                HostTurns.Host host = turns.of(next.host());
                host.inFlight++;
                host.takenSeq = next.seq();
                host.notBefore = now + host.gapNanos;
                Found f = next.found();
                return new Entry(f.uri(), null, f.via().word() + " at depth " + f.depth(), null, null);
            }
            if (store.queued() == inFlight.size() && inFlight.isEmpty() && !turns.robotsPending()) {
                return null; // nothing queued, and nothing that could add to it
            }
            turns.forgetIdle(now);
            if (wakeAt[0] == Long.MAX_VALUE) {
                wait(); // a page in flight ends, or a robots.txt comes
            } else {
                TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, wakeAt[0] - now));
            }
        }
    }

    /**
     * The oldest URL not taken of the next host in the round whose turn it is, or null; {@code
     * wakeAt[0]} becomes the earliest time a waiting host's turn comes.
     */
    private Queued nextReady(long now, long[] wakeAt) {
        String after = roundAfter;
        boolean wrapped = after == null;
        while (true) {
            List<String> batch = store.hostsAfter(after, HOSTS_A_STEP);
            for (String host : batch) {
                Queued q = readyOf(host, now, wakeAt);
                if (q != null) {
                    roundAfter = host;
                    return q;
                }
            }
            if (batch.size() == HOSTS_A_STEP) {
                after = batch.get(batch.size() - 1);
            } else if (!wrapped) {
                wrapped = true; // past the last host: once more from the first
                after = null;
            } else {
                return null;
            }
        }
    }

    /** {@code host}'s next URL if it is the host's turn and its robots.txt allows it (others are excluded on the way). */
    private Queued readyOf(String host, long now, long[] wakeAt) {
        HostTurns.Host state = turns.get(host);
        if (state != null) {
            if (state.inFlight >= rules.perHost() || state.robotsPending) {
                return null;
            }
            if (now - state.notBefore < 0) {
                wakeAt[0] = Math.min(wakeAt[0], state.notBefore);
                return null;
            }
        }
        while (true) {
            List<Queued> head = store.queuedAfter(host, state == null ? -1 : state.takenSeq, 1);
            if (head.isEmpty()) {
                return null;
            }
            Queued q = head.get(0);
            if (parts.robots() == null) {
                return q;
            }
            CompletableFuture<HostRules> asked = parts.robots().rulesFor(q.found().uri());
            if (!asked.isDone()) {
                HostTurns.Host waiting = turns.of(host);
                waiting.robotsPending = true;
                asked.whenComplete((r, e) -> robotsCame(waiting));
                return null;
            }
            HostRules robots = asked.join();
            state = turns.of(host);
            String why = verdict(robots, q, state, now, wakeAt);
            if (why == null) {
                return q;
            }
            if (why.isEmpty()) {
                return null; // the host waits for its robots.txt to be asked again
            }
            exclude(q, why);
        }
    }

    /** Null if {@code q} may be fetched now, "" if its host must wait, else the reason it is not fetched. */
    private String verdict(HostRules robots, Queued q, HostTurns.Host state, long now, long[] wakeAt) {
        if (robots.kind() == HostRules.Kind.UNREACHABLE) {
            if (++state.robotsUnreachable < ROBOTS_TRIES) {
                // a millisecond past retryAt, so that the store of robots.txt answers no longer holds this one
                long retry = now + Math.max(0, Duration.between(Instant.now(), robots.retryAt()).toNanos()) + 1_000_000;
                state.notBefore = retry;
                wakeAt[0] = Math.min(wakeAt[0], retry);
                return "";
            }
            return "robots_unreachable";
        }
        Duration delay = robots.crawlDelay();
        if (delay != null && delay.compareTo(rules.maxCrawlDelay()) > 0) {
            return "crawl_delay_too_long";
        }
        Duration gap = delay != null && delay.compareTo(rules.waitBetween()) > 0 ? delay : rules.waitBetween();
        state.gapNanos = gap.toNanos();
        return robots.allows(q.found().uri()) ? null : "robots_disallowed";
    }

    private synchronized void robotsCame(HostTurns.Host host) {
        host.robotsPending = false;
        notifyAll();
    }

    /** {@code q} is not fetched: it leaves its queue as ended, and is counted under {@code why}. */
    private void exclude(Queued q, String why) {
        log.debug("not fetched ({}): {}", why, q.found().uri());
        store.ended(q, List.of());
        excluded.merge(why, 1L, Long::sum);
    }

    /** URLs not fetched so far, by reason ({@code robots_disallowed}, {@code crawl_delay_too_long}, ...). */
    public synchronized Map<String, Long> excluded() {
        return new HashMap<>(excluded);
    }

    @Override
    public void ended(Target target, Result result) {
        Queued page;
        synchronized (this) {
            page = inFlight.get(target.uri().toString());
        }
        if (page == null) {
            return; // not one of ours (a job cancelled before it took it)
        }
        if (result.reason() != Reason.CANCELLED) { // a stopped crawl fetches what it cancelled when it goes on
            store.ended(page, links(page, result)); // links reads the saved file: outside the lock
        }
        synchronized (this) {
            inFlight.remove(target.uri().toString());
            turns.ended(page.host());
            notifyAll();
        }
    }

    /** The links of an ended page that are to be crawled: in scope, within the depth, followed. */
    private List<Found> links(Queued page, Result result) {
        Found f = page.found();
        if (result.file() == null || f.depth() >= rules.maxDepth()
                || (result.outcome() != Outcome.OK && result.outcome() != Outcome.SKIPPED)) {
            return List.of();
        }
        PageLinks found;
        try {
            Path file = parts.dir().resolve(Path.of(result.file()));
            // a skipped page (saved by a run that stopped before its end was recorded) is read too,
            // its type told by its name: the response that said it is gone
            String type = result.outcome() == Outcome.SKIPPED ? SavedType.of(file) : result.contentType();
            found = parts.extractor().extract(file, type, URI.create(result.finalUrl()));
        } catch (IOException | RuntimeException e) {
            log.debug("links of {} not read: {}", result.url(), e.toString());
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        for (Link link : found.links()) {
            if (link.kind() == Link.Kind.PAGE && !link.nofollow() && rules.inScope(link.uri())) {
                out.add(new Found(link.uri(), f.depth() + 1, Via.LINK, f.uri().toString()));
            }
        }
        return out;
    }

    @Override
    public int duplicates() {
        return 0; // a crawl meets URLs again all the time: that is not the user's doing, as a duplicate line is
    }

    @Override
    public void close() {
        store.close();
    }
}
