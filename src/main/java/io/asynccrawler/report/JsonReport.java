package io.asynccrawler.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.asynccrawler.fetch.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code --report} file: {@code {"results": [...], "summaries": [...], "summary": {...}}},
 * written as results arrive (Jackson's streaming generator), so memory does not grow with the list.
 * Field names are a public interface (DESIGN §3). Thread-safe.
 */
public final class JsonReport implements AutoCloseable {
    private final JsonGenerator json;
    private final boolean closeStream;
    private boolean finished;

    /** Starts a report on {@code out}; {@code closeStream} false leaves it open (stdout). */
    public JsonReport(OutputStream out, boolean closeStream) throws IOException {
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        this.closeStream = closeStream;
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, closeStream);
        json.writeStartObject();
        json.writeArrayFieldStart("results");
    }

    /** Adds one result, tagged with the mode that produced it. */
    public synchronized void add(Result r, String mode) {
        if (finished) {
            return;
        }
        try {
            json.writeStartObject();
            json.writeStringField("mode", mode);
            json.writeStringField("url", r.url());
            json.writeStringField("finalUrl", r.finalUrl());
            json.writeNumberField("status", r.status());
            json.writeStringField("file", r.file());
            json.writeNumberField("bytes", r.bytes());
            json.writeNumberField("resumedFrom", r.resumedFrom());
            json.writeStringField("contentType", r.contentType());
            json.writeNumberField("attempts", r.attempts());
            json.writeStringField("startedAt", r.startedAt().toString());
            json.writeNumberField("ttfbMs", r.ttfbMs());
            json.writeNumberField("totalMs", r.totalMs());
            json.writeStringField("outcome", r.outcome().word());
            json.writeStringField("reason", r.reasonWord());
            json.writeStringField("error", r.error());
            json.writeStringField("protocol", r.protocol() == null ? null : r.protocol().word());
            if (r.origin() != null) { // a crawl's URL: how it was met
                json.writeNumberField("depth", r.origin().depth());
                json.writeStringField("referrer", r.origin().referrer());
                json.writeStringField("via", r.origin().via().word());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the results and writes one summary per mode; the last is also {@code "summary"}. */
    public synchronized void finish(List<Summary> summaries) throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        json.writeEndArray();
        json.writeArrayFieldStart("summaries");
        for (Summary s : summaries) {
            writeSummary(s);
        }
        json.writeEndArray();
        json.writeFieldName("summary");
        writeSummary(summaries.get(summaries.size() - 1));
        json.writeEndObject();
        json.flush();
    }

    private void writeSummary(Summary s) throws IOException {
        json.writeStartObject();
        json.writeStringField("mode", s.mode());
        json.writeNumberField("concurrency", s.concurrency());
        json.writeNumberField("ok", s.ok());
        json.writeNumberField("skipped", s.skipped());
        json.writeNumberField("failed", s.failed());
        json.writeNumberField("cancelled", s.cancelled());
        json.writeNumberField("keptParts", s.keptParts());
        json.writeNumberField("keptBytes", s.keptBytes());
        json.writeNumberField("excluded", s.excluded());
        json.writeNumberField("bytes", s.bytes());
        json.writeNumberField("wallSeconds", round(s.wallSeconds()));
        json.writeNumberField("requestsPerSecond", round(s.requestsPerSecond()));
        json.writeNumberField("mibPerSecond", round(s.mibPerSecond()));
        json.writeObjectFieldStart("latencyMs");
        json.writeNumberField("p50", s.latency().percentile(0.50));
        json.writeNumberField("p95", s.latency().percentile(0.95));
        json.writeNumberField("p99", s.latency().percentile(0.99));
        json.writeNumberField("max", s.latency().max());
        json.writeEndObject();
        json.writeObjectFieldStart("failures");
        for (Map.Entry<String, Long> e : s.failuresByReason().entrySet()) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("exclusions");
        for (Map.Entry<String, Long> e : s.exclusionsByReason().entrySet()) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        Summary.CrawlTotals crawl = s.crawlTotals();
        if (crawl != null) {
            json.writeObjectFieldStart("frontier");
            json.writeNumberField("admitted", crawl.admitted());
            json.writeNumberField("queued", crawl.queued());
            json.writeNumberField("hosts", crawl.hosts());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closeStream) {
            json.close();
        } else {
            json.flush();
        }
    }
}
