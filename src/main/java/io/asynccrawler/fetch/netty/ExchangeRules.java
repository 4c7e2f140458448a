package io.asynccrawler.fetch.netty;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * How every exchange of a client runs: its two timers, and where its receiver calls go.
 *
 * @param read         longest silence while the response is awaited or read
 * @param deadline     the whole exchange's limit, or null
 * @param bodyExecutor the disk pool that runs receiver calls (never the event loop)
 */
record ExchangeRules(Duration read, Duration deadline, Executor bodyExecutor) {
}
