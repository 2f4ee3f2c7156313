/**
 * The comparison servers {@code compare} runs beside ours: Netty (epoll and NIO) and a JDK NIO
 * selector server, each a {@code main} of its own.
 */
package dev.selectors.loadtest.servers;
