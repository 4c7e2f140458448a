/** Crawling: what a saved page links to (HTML and CSS), and, next, the scope, robots.txt and the frontier on disk. */
package io.asynccrawler.crawl;
