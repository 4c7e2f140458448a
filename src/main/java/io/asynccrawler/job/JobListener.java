package io.asynccrawler.job;

import io.asynccrawler.fetch.Result;
import java.util.function.Consumer;

/** What a Job tells as it runs: each URL's result, each bad input entry, and when all URLs have started. */
public interface JobListener {
    /**
     * One URL's result (or a bad entry's), before the URL's permit comes back. Called from any
     * thread but an event loop, one URL at a time per thread; may block (see {@link Job}).
     */
    void result(Result result);

    /** A bad input entry, in words ({@code urls.txt:7: not an http(s) URL: ftp://x}); its Result follows. */
    void inputError(String message);

    /** Something the user should hear of a URL that is not its result (a name it could not have), in words. */
    default void note(String message) {
    }

    /**
     * Every URL has started and none waits to: the frontier said none will come and no URL waits
     * behind its host's cap. A transport's connections need not stay idle for more (see
     * {@link io.asynccrawler.fetch.ExchangeClient#noMoreUrls()}); a job that shares its transport
     * with a later one (compare's warm-up) says nothing. Called at most once, from any thread.
     */
    default void allStarted() {
    }

    /** A listener of {@code onResult}; bad entries and notes go to {@code onInputError} as lines. */
    static JobListener of(Consumer<Result> onResult, Consumer<String> onInputError) {
        return of(onResult, onInputError, () -> { });
    }

    static JobListener of(Consumer<Result> onResult, Consumer<String> onInputError, Runnable onAllStarted) {
        return new JobListener() {
            @Override
            public void result(Result result) {
                onResult.accept(result);
            }

            @Override
            public void inputError(String message) {
                onInputError.accept(message);
            }

            @Override
            public void note(String message) {
                onInputError.accept(message); // told where bad entries are: the same lines
            }

            @Override
            public void allStarted() {
                onAllStarted.run();
            }
        };
    }
}
