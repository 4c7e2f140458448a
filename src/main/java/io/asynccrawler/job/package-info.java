/** A Job: the loop over lazily read Targets, bounded by the semaphore and per-host caps. */
package io.asynccrawler.job;
