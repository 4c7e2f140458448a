package io.asynccrawler.fetch.blocking;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.Durations;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Header;
import io.asynccrawler.fetch.RateLimit;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.fetch.Redirects;
import io.asynccrawler.fetch.ResponseHead;
import io.asynccrawler.fetch.WireLog;
import io.asynccrawler.fetch.SocketErrors;
import io.asynccrawler.fetch.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Locale;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * One request and its response with HttpURLConnection, on the calling thread, which blocks while
 * it waits. HttpURLConnection rather than java.net.http: it really blocks its thread (the
 * model being compared), has an idle read timeout, and takes TLS settings per connection.
 */
final class BlockingExchange {
    private static final int BUFFER = 64 * 1024;

    /**
     * What every exchange of a client runs with.
     *
     * @param settings timeouts and TLS choices
     * @param tls      socket factory for https
     * @param rate     the job's --limit-rate, or null
     */
    record Setup(FetchSettings settings, SSLSocketFactory tls, RateLimit rate) {
    }

    private final Request request;
    private final BodyReceiver receiver;
    private final FetchSettings settings;
    private final SSLSocketFactory tls;
    private final RateLimit rate;
    /** The proxy the URL goes through, or null. */
    private final io.asynccrawler.fetch.Proxy proxy;
    private final long startNanos = System.nanoTime();
    private HttpURLConnection connection;
    private volatile boolean aborted;
    private boolean headSeen;

    BlockingExchange(Request request, BodyReceiver receiver, Setup setup) {
        this.request = request;
        this.receiver = receiver;
        this.settings = setup.settings();
        this.tls = setup.tls();
        this.rate = setup.rate();
        this.proxy = request.proxy();
    }

    /** Runs the exchange; on failure the receiver has been told to abort. */
    void run() throws FetchException {
        try {
            HttpURLConnection c = open();
            connection = c;
            exchange(c);
        } catch (FetchException e) {
            fail();
            throw e;
        } catch (IOException | RuntimeException e) {
            fail();
            throw classify(e);
        }
    }

    /**
     * Between reads: stop when cancelled or past the deadline. (Disconnecting from another thread
     * does not stop a blocked read: HttpURLConnection first drains the body to keep the connection.)
     */
    private void checkStillWanted() throws FetchException {
        if (aborted) {
            throw FetchException.cancelled();
        }
        if (pastDeadline()) {
            throw FetchException.deadline(settings.timeout());
        }
    }

    private boolean pastDeadline() {
        return settings.timeout() != null && System.nanoTime() - startNanos >= settings.timeout().toNanos();
    }

    private HttpURLConnection open() throws IOException {
        URL url = request.uri().toURL();
        String connectTo = Urls.zoneForInetAddress(url.getHost());
        if (!connectTo.equals(url.getHost())) {
            url = new URL(url.getProtocol(), connectTo, url.getPort(), url.getFile()); // sends no zone in Host, as curl
        }
        HttpURLConnection c = (HttpURLConnection) url.openConnection(proxy == null ? Proxy.NO_PROXY : BlockingProxies.of(proxy));
        if (proxy != null && proxy.hasCredentials() && proxy.kind() == io.asynccrawler.fetch.Proxy.Kind.HTTP) {
            c.setAuthenticator(BlockingProxies.forConnection(proxy));
        }
        if (c instanceof HttpsURLConnection) {
            HttpsURLConnection https = (HttpsURLConnection) c;
            https.setSSLSocketFactory(tls);
            if (settings.insecure()) {
                https.setHostnameVerifier((host, session) -> true);
            }
        }
        c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
        // A silence as long as the deadline means the deadline passed: the socket timeout is the
        // shorter of the two, and classify() tells them apart.
        long readMillis = settings.readTimeout().toMillis();
        if (settings.timeout() != null) {
            readMillis = Math.min(readMillis, settings.timeout().toMillis());
        }
        c.setReadTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, readMillis)));
        c.setInstanceFollowRedirects(false); // the shared policy follows redirects, for every mode alike
        c.setUseCaches(false);
        for (Header h : request.headers()) {
            c.addRequestProperty(h.name(), h.value());
        }
        if (WireLog.enabled()) { // what HttpURLConnection will send, less the headers it adds itself (Accept, Connection)
            URI uri = request.uri();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            WireLog.sent(uri, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(),
                    uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()), request.headers());
        }
        return c;
    }

    private void exchange(HttpURLConnection c) throws IOException {
        checkStillWanted();
        int status = c.getResponseCode();
        if (status < 0) {
            throw FetchException.badResponse("not an HTTP response");
        }
        if (status >= 100 && status < 200) {
            // HttpURLConnection skips 100 Continue only: it takes 102 or 103 Early Hints for the
            // response itself and then waits for a body that never comes (the event loop reads past).
            String interim = "HTTP " + status + " " + c.getResponseMessage();
            c.disconnect();
            throw FetchException.badResponse(interim + " before the response: the blocking modes cannot read past it (--mode async can)");
        }
        headSeen = true;
        ResponseHead head = ReceivedHead.of(c, status);
        if (WireLog.enabled()) {
            WireLog.received(request.uri(), head);
        }
        receiver.onHead(head);
        if (Redirects.isUnframed(head)) { // nothing to wait for: the Location is all it says
            c.disconnect();
            receiver.onEnd();
            return;
        }
        // HttpURLConnection hands over bytes past the Content-Length when the server sent more:
        // the body ends at the announced length, and a connection with leftovers is not reused.
        long remaining = head.contentLength() >= 0 ? head.contentLength() : Long.MAX_VALUE;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (in != null) {
                byte[] buffer = new byte[BUFFER];
                for (int n; remaining > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining))) != -1; ) {
                    remaining -= n;
                    holdBackFor(n);
                    checkStillWanted();
                    if (!receiver.onBody(ByteBuffer.wrap(buffer, 0, n))) {
                        c.disconnect(); // not worth draining: close instead of keeping the connection
                        return;
                    }
                }
                if (remaining == 0 && in.available() > 0) {
                    c.disconnect();
                }
            }
        }
        checkStillWanted();
        receiver.onEnd();
    }

    /** --limit-rate: this thread sleeps off what its bytes took beyond the job's budget. */
    private void holdBackFor(int bytes) throws FetchException {
        try {
            if (rate != null) {
                rate.takeBlocking(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchException.cancelled();
        }
    }

    /**
     * Asks the exchange to stop: it does at its next read (or read timeout). Disconnecting from
     * this thread is no faster: HttpURLConnection would drain the body here first.
     */
    void abort() {
        aborted = true;
    }

    private void fail() {
        receiver.onAbort();
        HttpURLConnection c = connection;
        if (c != null) {
            c.disconnect();
        }
    }

    private FetchException classify(Exception e) {
        if (aborted) {
            return FetchException.cancelled();
        }
        if (pastDeadline()) {
            return FetchException.deadline(settings.timeout());
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (proxy != null && !headSeen) {
            FetchException throughProxy = proxyFailure(e, message);
            if (throughProxy != null) {
                return throughProxy;
            }
        }
        if (e instanceof SocketTimeoutException) {
            return message.contains("connect") ? FetchException.connectTimeout(settings.connectTimeout())
                    : FetchException.readTimeout(settings.readTimeout());
        }
        if (e instanceof ConnectException && SocketErrors.refused(e)) {
            return FetchException.connectRefused(Urls.origin(request.uri()));
        }
        if (e instanceof UnknownHostException) {
            return FetchException.dns(request.uri().getHost());
        }
        if (e instanceof SSLException) {
            // A TCP close without close_notify (BlockingTls.requireCloseNotify): past the head, the
            // body was cut short, as the event loop reports it.
            if (headSeen && message.contains("terminated the connection")) {
                return FetchException.truncated("TLS connection closed without close_notify");
            }
            return FetchException.tls((SSLException) e);
        }
        if (e instanceof ProtocolException || message.contains("chunk")) {
            // HttpURLConnection's words for a head too large or a broken chunked framing
            return FetchException.badResponse(String.valueOf(e.getMessage()));
        }
        if (SocketErrors.reset(e)) {
            return FetchException.reset(null);
        }
        if (message.contains("unexpected end of file") || message.contains("premature eof")) {
            return headSeen ? FetchException.truncated("connection closed before the body ended")
                    : FetchException.closedBeforeResponse();
        }
        if (e instanceof ConnectException) {
            return new FetchException(Reason.CONNECT_ERROR, "cannot connect: " + e.getMessage(), true);
        }
        if (SocketErrors.tooManyOpenFiles(e)) { // making the socket
            return new FetchException(Reason.CONNECT_ERROR, "cannot connect: too many open files (ulimit -n)", true);
        }
        return new FetchException(e instanceof IOException ? Reason.IO_ERROR : Reason.ERROR, e.toString(), e instanceof IOException, e);
    }

    /** A failure before any response through {@link #proxy}: the proxy's, in its reasons' words, or null if not its. */
    private FetchException proxyFailure(Exception e, String message) {
        if (e instanceof IOException) {
            FetchException refused = BlockingProxies.failure((IOException) e, proxy, request.uri().getHost() + ":" + Urls.port(request.uri()));
            if (refused != null) {
                return refused;
            }
        }
        if (e instanceof SocketTimeoutException && message.contains("connect")) {
            return FetchException.proxyConnect(proxy, "timed out after " + Durations.format(settings.connectTimeout()));
        }
        if (e instanceof UnknownHostException && proxy.host().equalsIgnoreCase(e.getMessage())) {
            return FetchException.proxyConnect(proxy, "cannot resolve host " + proxy.host());
        }
        if (e instanceof ConnectException) { // the connection goes to the proxy: it is what could not be reached
            return FetchException.proxyConnect(proxy, SocketErrors.refused(e) ? "connection refused" : String.valueOf(e.getMessage()));
        }
        return null;
    }

}
