package io.asynccrawler.cli;

/** The behaviours of {@link ProxyTest} on the blocking transport (sync mode): HttpURLConnection's proxies and the JDK's SOCKS. */
class ProxyBlockingTest extends ProxyTest {
    @Override
    String mode() {
        return "sync";
    }

    /** Not a test here (an override without @Test): compare runs the blocking and async modes itself, in ProxyTest. */
    @Override
    void compareRunsEveryModeThroughTheProxyButNotItsWarmUp() {
    }
}
