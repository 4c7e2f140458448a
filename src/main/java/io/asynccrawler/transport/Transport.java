package io.asynccrawler.transport;

import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/** The Netty I/O transports the crawler and the test server can run on, and how to pick one. */
public enum Transport {
    EPOLL("epoll"),
    IO_URING("io_uring"),
    NIO("nio");

    /** Netty's switch for io_uring's multishot POLLIN polls, read once, when its IoUring class loads. */
    static final String IO_URING_MULTISHOT_POLL = "io.netty.iouring.pollAddMultishotEnabled";

    static {
        // With multishot polls, Netty 4.2.18's io_uring loses a reset that comes right after data
        // (5 of 30 runs here; none of 65 with one-shot polls), and the download waits out
        // --read-timeout instead of failing "connection reset": a lost POLLIN, as netty/netty#17049
        // describes. Every IoUring reference goes through this class, so this runs first.
        if (System.getProperty(IO_URING_MULTISHOT_POLL) == null) {
            System.setProperty(IO_URING_MULTISHOT_POLL, "false");
        }
    }

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    /**
     * The transport to use when the user did not choose: epoll where the native library loads,
     * else NIO. io_uring is left to an explicit choice until a benchmark shows it wins here.
     */
    public static Transport auto() {
        return EPOLL.isAvailable() ? EPOLL : NIO;
    }

    /** Parses a user's choice: {@code auto}, {@code epoll}, {@code io_uring} (or {@code iouring}), {@code nio}. */
    public static Transport parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "_");
        switch (n) {
            case "auto": return auto();
            case "epoll": return EPOLL;
            case "io_uring": case "iouring": return IO_URING;
            case "nio": return NIO;
            default: throw new IllegalArgumentException("unknown transport '" + name + "' (auto, epoll, io_uring, nio)");
        }
    }

    public boolean isAvailable() {
        switch (this) {
            case EPOLL: return Epoll.isAvailable();
            case IO_URING: return IoUring.isAvailable();
            default: return true;
        }
    }

    /** Why this transport cannot load here, or null when it can. */
    public Throwable unavailabilityCause() {
        switch (this) {
            case EPOLL: return Epoll.unavailabilityCause();
            case IO_URING: return IoUring.unavailabilityCause();
            default: return null;
        }
    }

    public MultiThreadIoEventLoopGroup newGroup(int threads, ThreadFactory threadFactory) {
        return new MultiThreadIoEventLoopGroup(threads, threadFactory, ioHandlerFactory());
    }

    private IoHandlerFactory ioHandlerFactory() {
        switch (this) {
            case EPOLL: return EpollIoHandler.newFactory();
            case IO_URING: return IoUringIoHandler.newFactory();
            default: return NioIoHandler.newFactory();
        }
    }

    public Class<? extends SocketChannel> socketChannel() {
        switch (this) {
            case EPOLL: return EpollSocketChannel.class;
            case IO_URING: return IoUringSocketChannel.class;
            default: return NioSocketChannel.class;
        }
    }

    /**
     * Makes a client channel with a plain constructor call: the reflective factory that
     * {@code Bootstrap.channel(Class)} uses costs a reflective lookup and call per connection, on the
     * thread that starts it (a fifth of the cost of opening 1,000 connections at once).
     */
    public ChannelFactory<SocketChannel> socketChannelFactory() {
        switch (this) {
            case EPOLL: return EpollSocketChannel::new;
            case IO_URING: return IoUringSocketChannel::new;
            default: return NioSocketChannel::new;
        }
    }

    public Class<? extends ServerSocketChannel> serverSocketChannel() {
        switch (this) {
            case EPOLL: return EpollServerSocketChannel.class;
            case IO_URING: return IoUringServerSocketChannel.class;
            default: return NioServerSocketChannel.class;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
