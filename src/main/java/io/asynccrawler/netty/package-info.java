/** Netty transport selection shared by the crawler client and the test server. */
package io.asynccrawler.netty;
