/** A Job: the loop over the Targets a Frontier gives (a list read lazily), bounded by the semaphore and per-host caps. */
package io.asynccrawler.job;
