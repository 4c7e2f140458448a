/** Turning a Target into a Result: the Fetcher, its policy (redirects, retries), and the transport contract. */
package io.asynccrawler.fetch;
