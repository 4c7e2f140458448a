package io.asynccrawler.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests of one connection, in order: a pipelined request waits until the one
 * before it has been fully written. Dispatches on the first path segment.
 */
final class Router extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final Path filesRoot;
    private final ConnectionGauge connections;
    private final Flaky flaky;
    private final AtomicLong counter;
    private final RequestCounts requests;
    private final ArrayDeque<Call> waiting = new ArrayDeque<>();
    private Call current;
    /** Set by {@code ?drop_next=1}: the next request on this connection is met by a close, no answer. */
    private boolean dropNext;

    /**
     * What every connection's router shares.
     *
     * @param requests counts per path, or null when none are kept
     */
    record Shared(ConnectionGauge connections, Flaky flaky, AtomicLong counter, RequestCounts requests) {
    }

    Router(Path filesRoot, Shared shared) {
        this.counter = shared.counter();
        this.filesRoot = filesRoot;
        this.connections = shared.connections();
        this.flaky = shared.flaky();
        this.requests = shared.requests();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            ctx.close();
            return;
        }
        if (dropNext) {
            ctx.close(); // what a server does when its idle timeout fires just as a request arrives
            return;
        }
        Call call = new Call(ctx, request, () -> next(ctx));
        waiting.add(call);
        if (current == null) {
            next(ctx);
        }
    }

    private void next(ChannelHandlerContext ctx) {
        current = waiting.poll();
        if (current != null) {
            dispatch(current);
        }
    }

    private void dispatch(Call call) {
        if (requests != null) {
            requests.add(call.uri());
        }
        dropNext = call.flag("drop_next");
        try {
            route(call);
        } catch (IllegalArgumentException e) {
            call.json(HttpResponseStatus.BAD_REQUEST, "{\"error\": " + Endpoints.quote(e.getMessage()) + "}");
        }
    }

    private void route(Call call) {
        String path = call.path;
        int slash = path.indexOf('/', 1);
        String first = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String rest = slash < 0 ? "" : path.substring(slash + 1);
        switch (first) {
            case "": Endpoints.index(call); break;
            case "aio": Endpoints.aio(call); break;
            case "delay": Endpoints.delay(call, rest); break;
            case "status": Endpoints.status(call, rest); break;
            case "redirect": Endpoints.redirect(call, rest); break;
            case "redirect-to": Endpoints.redirectTo(call); break;
            case "bytes": Bodies.bytes(call, rest); break;
            case "encoded": Encoded.serve(call, rest); break;
            case "drip": Bodies.drip(call); break;
            case "fault": Bodies.fault(call, rest); break;
            case "files": FileEndpoint.serve(call, filesRoot, rest); break;
            case "stats": call.json(HttpResponseStatus.OK, connections.toJson()); break;
            case "headers": Endpoints.headers(call); break;
            case "basic-auth": Endpoints.basicAuth(call, rest); break;
            case "cookies": CookieEndpoints.serve(call, rest); break;
            case "anything": Endpoints.anything(call); break;
            case "redirect-loop": Endpoints.redirectLoop(call); break;
            case "counter": Endpoints.counter(call, counter); break;
            case "flaky": flaky.answer(call, rest); break;
            case "h2": Http2Faults.serve(call, rest, flaky); break;
            case "site": SitePages.serve(call, rest); break;
            case "robots.txt": SitePages.robots(call); break;
            default: Endpoints.notFound(call);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current != null) {
            current.cancelTimer();
        }
        waiting.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
