package io.asynccrawler.cli;

import io.asynccrawler.report.JsonReport;
import io.asynccrawler.report.Summary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where {@code --report} goes: nowhere, a file, or stdout ({@code -}). */
final class ReportTarget implements AutoCloseable {
    private final JsonReport json;

    private ReportTarget(JsonReport json) {
        this.json = json;
    }

    static ReportTarget open(String name) throws IOException {
        if (name == null) {
            return new ReportTarget(null);
        }
        if (name.equals("-")) {
            return new ReportTarget(new JsonReport(System.out, false));
        }
        Path path = Path.of(name);
        return new ReportTarget(new JsonReport(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), true));
    }

    /** The report to add results to, or null when none was asked for. */
    JsonReport json() {
        return json;
    }

    void finish(Summary... summaries) throws IOException {
        if (json != null) {
            json.finish(List.of(summaries));
        }
    }

    @Override
    public void close() throws IOException {
        if (json != null) {
            json.close();
        }
    }
}
