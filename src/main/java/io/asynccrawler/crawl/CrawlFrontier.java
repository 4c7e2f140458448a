package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Excluded;
import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.crawl.FrontierStore.Queued;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.fetch.Urls;
import io.asynccrawler.fetch.Via;
import io.asynccrawler.job.Frontier;
import io.asynccrawler.save.NameSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Excluded URLs read from the store at once as the crawl ends. */
    private static final int REPORTED_A_STEP = 256;
    /** Hosts looked at in one step of the round: enough to find one ready among hosts at their cap. */
    private static final int HOSTS_A_STEP = 64;
    /** robots.txt fetches that found the host unreachable before its URLs are given up. */
    static final int ROBOTS_TRIES = 3;

    private final CrawlParts parts;
    private final FrontierStore store;
    private final CrawlRules rules;
    /** Guarded by this: the URLs taken and not yet read for links, by URL, and the hosts in play. */
    private final Map<String, Queued> inFlight = new HashMap<>();
    private final HostTurns turns = new HostTurns();
    /** Where the round over hosts goes on from (null: the first host). */
    private String roundAfter;
    private final LinkTriage triage;
    private final PageReaders readers = PageReaders.perCore();
    private final SitemapLookups sitemaps;
    private final EndedPages pageReader;
    /** Excluded URLs taken from the store and not yet given to the job: the crawl's last entries. */
    private final Deque<Excluded> toReport = new ArrayDeque<>();

    /** A frontier over {@code parts.store()}; the seeds are admitted if new. */
    public CrawlFrontier(CrawlParts parts, CrawlRules rules) {
        this.parts = parts;
        this.store = parts.store();
        this.rules = rules;
        this.triage = new LinkTriage(rules);
        this.sitemaps = new SitemapLookups(parts.sitemaps(), store, triage, readers);
        this.pageReader = new EndedPages(parts, triage, store::surelySeen);
        List<Found> seeds = new ArrayList<>();
        for (URI seed : rules.seeds()) {
            seeds.add(new Found(seed, 0, Via.SEED, null));
        }
        store.admit(seeds);
        // a run whose options let more through (a larger --depth, a wider scope, --no-robots) goes on from what the last left out
        boolean robots = parts.robots() != null;
        long more = store.admitKept(triage.judgedBy(robots), x -> triage.allowsNow(x, robots), rules.budget());
        log.debug("{} URLs excluded before are let through now", more);
    }

    @Override
    public synchronized Entry take() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long[] wakeAt = {Long.MAX_VALUE};
            Entry next = nextReady(now, wakeAt);
            if (next != null) {
                return next;
            }
            if (store.queued() == inFlight.size() && inFlight.isEmpty() && !turns.robotsPending() && !sitemaps.pending()) {
                // nothing queued, and nothing that could add to it: what was met and not fetched, then the end
                if (toReport.isEmpty()) {
                    toReport.addAll(store.takeExcluded(REPORTED_A_STEP));
                }
                Excluded x = toReport.poll();
                return x == null ? null : Entry.excluded(x.found().uri(), x.found().origin(), x.reason(), x.detail());
            }
            turns.forgetIdle(now);
            if (wakeAt[0] == Long.MAX_VALUE) {
                wait(); // a page in flight ends, or a robots.txt comes
            } else {
                TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, wakeAt[0] - now));
            }
        }
    }

    /** {@code q} is taken: in flight, its host's turn used. */
    private Entry taken(Queued q, long now) {
        inFlight.put(q.found().uri().toString(), q);
        HostTurns.Host host = turns.of(q.host());
        host.inFlight++;
        host.takenSeq = q.seq();
        host.notBefore = now + rules.politeness().gapNanos(host.crawlDelayNanos);
        return Entry.crawled(q.found().uri(), q.found().origin());
    }

    /**
     * The oldest URL not taken of the next host in the round whose turn it is (or the first its
     * robots.txt excludes), or null; {@code wakeAt[0]} becomes the earliest time a waiting host's
     * turn comes.
     */
    private Entry nextReady(long now, long[] wakeAt) {
        String after = roundAfter;
        boolean wrapped = after == null;
        while (true) {
            List<String> batch = store.hostsAfter(after, HOSTS_A_STEP);
            for (String host : batch) {
                Entry q = readyOf(host, now, wakeAt);
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

    /** {@code host}'s next URL if it is the host's turn, or the next its robots.txt excludes. */
    private Entry readyOf(String host, long now, long[] wakeAt) {
        HostTurns.Host state = turns.get(host);
        if (state != null) {
            if (state.inFlight >= rules.politeness().perHost() || state.robotsPending) {
                return null;
            }
            if (now - state.notBefore < 0) {
                wakeAt[0] = Math.min(wakeAt[0], state.notBefore);
                return null;
            }
        }
        List<Queued> head = store.queuedAfter(host, turns.takenSeq(host), 1);
        if (head.isEmpty()) {
            return null;
        }
        Queued q = head.get(0);
        if (parts.robots() == null) {
            return taken(q, now);
        }
        RobotsTxt.Asked asked = parts.robots().ask(q.found().uri());
        if (asked.fetched() || !asked.rules().isDone()) {
            // One that this ask fetched is heard come even if it came already (a blocking mode can
            // fetch it before the ask returns), or its sitemaps would never be admitted.
            HostTurns.Host waiting = turns.of(host);
            waiting.robotsPending = true;
            // robots.txt completes on an event loop; what its coming does writes to the store: elsewhere
            asked.rules().whenCompleteAsync((r, e) -> robotsCame(waiting, q.found().uri(), r), readers);
            return null;
        }
        state = turns.of(host);
        Reason why = verdict(asked.rules().join(), q, state, now, wakeAt);
        if (why == null) {
            return taken(q, now);
        }
        if (why == Reason.ERROR) {
            return null; // the host waits for its robots.txt to be asked again
        }
        log.debug("not fetched ({}): {}", why.word(), q.found().uri());
        // it leaves its queue, reported as excluded now, kept for a run that lets it through (a Crawl-delay with its length)
        Duration delay = why == Reason.CRAWL_DELAY_TOO_LONG ? asked.rules().join().crawlDelay() : null;
        store.endedExcluded(q, new Excluded(q.found(), why, delay == null ? null : delay.toString()));
        return Entry.excluded(q.found().uri(), q.found().origin(), why, robotsTxtOf(q.found().uri()));
    }

    /** Something a waiting take() may be waiting for has happened. */
    private synchronized void wake() {
        notifyAll();
    }

    static String robotsTxtOf(URI uri) {
        return uri.resolve("/robots.txt").toString();
    }

    /** Null if {@code q} may be fetched now, {@link Reason#ERROR} if its host must wait, else why it is not fetched. */
    private Reason verdict(HostRules robots, Queued q, HostTurns.Host state, long now, long[] wakeAt) {
        if (robots.kind() == HostRules.Kind.UNREACHABLE) {
            if (++state.robotsUnreachable < ROBOTS_TRIES) {
                // a millisecond past retryAt, so that the store of robots.txt answers no longer holds this one
                long retry = now + Math.max(0, Duration.between(Instant.now(), robots.retryAt()).toNanos()) + 1_000_000;
                state.notBefore = retry;
                wakeAt[0] = Math.min(wakeAt[0], retry);
                return Reason.ERROR;
            }
            return Reason.ROBOTS_UNREACHABLE;
        }
        Duration delay = robots.crawlDelay();
        if (delay != null && delay.compareTo(rules.politeness().maxCrawlDelay()) > 0) {
            return Reason.CRAWL_DELAY_TOO_LONG;
        }
        state.crawlDelayNanos = delay == null ? 0 : delay.toNanos();
        return robots.allows(q.found().uri()) ? null : Reason.ROBOTS_DISALLOWED;
    }

    /**
     * A host's robots.txt came: the sitemaps it names are admitted (or, for a seed's host that
     * names none, /sitemap.xml is looked for), then the host's turn may come.
     */
    private void robotsCame(HostTurns.Host host, URI asked, HostRules robots) {
        if (rules.follow().sitemaps() && robots != null && robots.kind() != HostRules.Kind.UNREACHABLE) {
            if (!robots.sitemaps().isEmpty()) {
                store.ended(null, triage.ofRobotsTxt(URI.create(robotsTxtOf(asked)), robots.sitemaps()));
            } else if (rules.seeds().stream().anyMatch(s -> Urls.sameOrigin(s, asked))) {
                sitemaps.lookFor(SitemapProbe.placeFor(asked)).whenComplete((v, e) -> wake());
            }
        }
        synchronized (this) {
            host.robotsPending = false;
            notifyAll();
        }
    }

    @Override
    public Result noted(Target target, Result result) {
        return pageReader.noted(result); // a page too large to read for links says so
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
        synchronized (this) {
            turns.ended(page.host()); // the host's request is over: its next may start
            notifyAll();
        }
        if (result.reason() == Reason.CANCELLED) { // a stopped crawl fetches what it cancelled when it goes on
            read(target);
            return;
        }
        // The page stays in flight until it is read: the crawl cannot end while its links may come.
        readers.submit(() -> {
            try {
                store.ended(page, pageReader.linksOf(page.found(), result));
            } finally {
                read(target);
            }
        });
    }

    private synchronized void read(Target target) {
        inFlight.remove(target.uri().toString());
        notifyAll();
    }

    @Override
    public Counts counts() {
        return new Counts(store.admitted(), store.queued(), store.hosts(), store.hostsAdmitted());
    }

    @Override
    public int duplicates() {
        return 0; // a crawl meets URLs again all the time: that is not the user's doing, as a duplicate line is
    }

    @Override
    public NameSet names() {
        return store.names(); // a run again names a URL as one run would: it knows the names given before
    }

    @Override
    public void close() {
        // what was fetched is read and written before the store closes; a store closed under a
        // reader still writing would be a native crash, so one stuck on its disk leaves it open
        if (readers.finish()) {
            store.close();
        } else {
            log.warn("crawl state left open: a page was still being read for links after a minute");
        }
    }
}
