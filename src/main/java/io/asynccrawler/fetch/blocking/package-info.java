/** The blocking transport (HttpURLConnection), run by the sync, threads and virtual modes. */
package io.asynccrawler.fetch.blocking;
