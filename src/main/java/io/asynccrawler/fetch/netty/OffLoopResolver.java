package io.asynccrawler.fetch.netty;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Promise;
import io.netty.util.NetUtil;
import io.netty.util.internal.SocketUtils;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Name lookups through the system resolver (hosts file, nsswitch, like curl and wget), run on a
 * small pool of their own: {@code getaddrinfo} blocks, and must never run on an event loop thread.
 */
final class OffLoopResolver extends AddressResolverGroup<InetSocketAddress> {
    private final EventExecutorGroup lookups;

    OffLoopResolver(EventExecutorGroup lookups) {
        this.lookups = lookups;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new Lookup(lookups.next()).asAddressResolver();
    }

    private static final class Lookup extends InetNameResolver {
        Lookup(EventExecutor executor) {
            super(executor);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) throws UnknownHostException {
            if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
                promise.setSuccess(SocketUtils.addressByName(host)); // a literal: parsed, never looked up
                return;
            }
            executor().execute(() -> {
                try {
                    promise.setSuccess(SocketUtils.addressByName(host));
                } catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            });
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) throws UnknownHostException {
            if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
                promise.setSuccess(List.of(SocketUtils.addressByName(host)));
                return;
            }
            executor().execute(() -> {
                try {
                    promise.setSuccess(Arrays.asList(SocketUtils.allAddressesByName(host)));
                } catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            });
        }
    }
}
