package io.asynccrawler.fetch.netty;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * How every exchange of a client runs: its two timers, where its receiver calls go, and what
 * becomes of its connection.
 *
 * @param read         longest silence while the response is awaited or read
 * @param deadline     the whole exchange's limit, or null
 * @param bodyExecutor the disk pool that runs receiver calls (never the event loop)
 * @param keepIdle     whether a connection whose exchange ended cleanly goes back to its pool (true)
 *                     or closes (false: no URL is left to use it)
 * @param idle         the connections idle in all pools, capped
 * @param files        the bodies saved at once, each holding a file open
 */
record ExchangeRules(Duration read, Duration deadline, Executor bodyExecutor, BooleanSupplier keepIdle, IdleConnections idle,
                     FileSlots files) {
}
