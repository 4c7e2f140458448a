package io.asynccrawler.fetch.blocking;

import io.asynccrawler.fetch.ResponseHead;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A response head as HttpURLConnection received it. */
final class ReceivedHead {
    private ReceivedHead() {
    }

    /**
     * The response head as it came: HttpURLConnection's map lists a repeated field's values last
     * first (its MessageHeader walks back), so two Set-Cookie lines would swap; the numbered fields
     * keep the order.
     */
    static ResponseHead of(HttpURLConnection c, int status) throws IOException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 1; c.getHeaderFieldKey(i) != null; i++) {
            fields.add(Map.entry(c.getHeaderFieldKey(i), c.getHeaderField(i)));
        }
        return ResponseHead.ofEntries(status, c.getResponseMessage(), fields, fields.size(), System.nanoTime());
    }
}
