package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseHeadTest {
    private static ResponseHead head(List<String> contentLength) {
        return ResponseHead.of(200, "OK", Map.of("Content-Length", contentLength), 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10|10", "  3  |3", "0|0", "10, 10|10", "10,10|10", "10, 20|-1", "-5|-1", "ten|-1", "|-1", "1,|-1",
        "999999999999999999|999999999999999999", "9999999999999999999|-1", "1 0|-1"})
    void contentLengthIsOneNumberOrNone(String value, long expected) {
        assertThat(head(List.of(value == null ? "" : value)).contentLength()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"7, 7, 7", "7, 8, -1"})
    void repeatedHeadersMustAgree(String a, String b, long expected) {
        assertThat(head(List.of(a, b)).contentLength()).isEqualTo(expected);
    }
}
