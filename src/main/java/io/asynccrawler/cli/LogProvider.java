package io.asynccrawler.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's binding to logback for a start of the command: the logger context configured by
 * {@link LogConfigurator} directly, without logback's own start-up (a service-loader scan for
 * configurators, and a status message whose string concatenation alone bootstraps the JDK's
 * StringConcatFactory, 20 ms, on the thread that loads Netty). Main names it in {@code slf4j.provider}. Where {@code LogConfigurator} steps aside (a configuration file asked for,
 * or the tests' logback-test.xml), logback configures the context as it always does.
 */
public final class LogProvider implements SLF4JServiceProvider {
    private LoggerContext context;
    private IMarkerFactory markers;
    private MDCAdapter mdc;

    @Override
    public void initialize() {
        context = new LoggerContext();
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        LogConfigurator configurator = new LogConfigurator();
        configurator.setContext(context);
        if (configurator.configure(context) != Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY) {
            configureAsLogbackDoes();
        }
        context.start();
        markers = new BasicMarkerFactory();
        mdc = new LogbackMDCAdapter();
        context.setMDCAdapter(mdc);
    }

    /** What logback's own provider does: its configurators, then the configuration file; problems on stderr. */
    private void configureAsLogbackDoes() {
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            System.err.println("crawler: logging configuration failed: " + e.getMessage());
        }
        if (!StatusUtil.contextHasStatusListener(context)) {
            StatusPrinter.printInCaseOfErrorsOrWarnings(context);
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99"; // as logback's provider asks: any SLF4J 2.0.x
    }
}
