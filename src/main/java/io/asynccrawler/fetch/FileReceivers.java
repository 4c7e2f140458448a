package io.asynccrawler.fetch;

import io.asynccrawler.save.OutputDirectory;
import java.io.IOException;

/** The receivers of a download into files: an {@link ExchangeBody} per exchange, and --resume's part files. */
final class FileReceivers {
    private FileReceivers() {
    }

    /**
     * Bodies saved into {@code dir} under each target's file, their bytes added to {@code progress}
     * as they are written; with --resume, part files are kept and continued.
     */
    static Receivers into(OutputDirectory dir, FetchSettings settings, Downloads progress) {
        return new Receivers() {
            @Override
            public Receiver open(Target target, ResumePoint point) {
                return new ExchangeBody(dir, target.file(), settings.maxSize(),
                        settings.resume() ? Urls.redact(target.uri()) : null, point, progress).keepingServerTimes(settings.timestamping());
            }

            @Override
            public boolean resumable() {
                return settings.resume();
            }

            @Override
            public ResumePoint resumePoint(Target target) throws IOException {
                return ResumePoint.find(dir, target.file(), Urls.redact(target.uri()));
            }
        };
    }
}
