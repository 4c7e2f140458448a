package io.asynccrawler.fetch.netty;

import java.time.Duration;

/**
 * The two per-exchange timers.
 *
 * @param read     longest silence while the response is awaited or read
 * @param deadline the whole exchange's limit, or null
 */
record ExchangeTimeouts(Duration read, Duration deadline) {
}
