/** Which of Netty's event loop transports runs (epoll, io_uring, NIO): shared by the crawler's client and the test server. */
package io.asynccrawler.transport;
