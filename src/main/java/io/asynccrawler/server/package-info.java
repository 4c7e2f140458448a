/** {@code crawler serve}: the built-in HTTP test server (Netty server side). */
package io.asynccrawler.server;
