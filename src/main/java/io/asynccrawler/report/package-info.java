/** What a job tells: the JSON report (the only package that imports Jackson), totals and latency percentiles. */
package io.asynccrawler.report;
