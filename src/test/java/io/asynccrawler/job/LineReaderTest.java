package io.asynccrawler.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    /** One line, its number and whether it was cut. */
    private record Line(String text, int number, boolean tooLong) {
    }

    @Test
    void readsLfAndCrlfLinesAndALastLineWithoutTerminator() throws IOException {
        assertThat(lines(new LineReader(new StringReader("a\r\nb\n\nc\r\rd"), 100, 4)))
                .containsExactly(new Line("a", 1, false), new Line("b", 2, false), new Line("", 3, false),
                        new Line("c\r\rd", 4, false));
    }

    @Test
    void cutsALongLineAtTheBoundAndGoesOnWithTheNext() throws IOException {
        assertThat(lines(new LineReader(new StringReader("abcdefgh\nxy\n"), 5, 3)))
                .containsExactly(new Line("abcde", 1, true), new Line("xy", 2, false));
    }

    @Test
    void returnsALineOnceItsEndHasArrivedWithoutReadingFurther() throws IOException {
        // stdin typed into: a read after the first line's end would wait for the next line
        Reader typed = new Reader() {
            private boolean given;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (given) {
                    throw new AssertionError("read past the end of the first line before returning it");
                }
                given = true;
                "http://a/1\n".getChars(0, 11, buffer, offset);
                return 11;
            }

            @Override
            public void close() {
            }
        };
        assertThat(new LineReader(typed, 100).readLine()).isEqualTo("http://a/1");
    }

    @Test
    void agreesWithReadingACharAtATimeOnRandomInput() throws IOException {
        Random random = new Random(11);
        String alphabet = "ab\r\n\n x";
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int maxLength = 1 + random.nextInt(12);
            int bufferSize = 1 + random.nextInt(16);
            List<Line> expected = lines(new CharAtATime(new StringReader(text.toString()), maxLength));
            List<Line> actual = lines(new LineReader(new StringReader(text.toString()), maxLength, bufferSize));
            assertThat(actual).as("%s, max %d, buffer %d", text.toString().replace("\r", "\\r").replace("\n", "\\n"),
                    maxLength, bufferSize).isEqualTo(expected);
        }
    }

    private static List<Line> lines(LineReader reader) throws IOException {
        List<Line> out = new ArrayList<>();
        for (String line; (line = reader.readLine()) != null; ) {
            out.add(new Line(line, reader.lineNumber(), reader.lastLineTooLong()));
        }
        return out;
    }

    private static List<Line> lines(CharAtATime reader) throws IOException {
        List<Line> out = new ArrayList<>();
        for (String line; (line = reader.readLine()) != null; ) {
            out.add(new Line(line, reader.lineNumber, reader.tooLong));
        }
        return out;
    }

    /** The rule, the simple way: a char at a time, the first maxLength kept, one CR before LF dropped. */
    private static final class CharAtATime {
        private final BufferedReader in;
        private final int maxLength;
        int lineNumber;
        boolean tooLong;

        CharAtATime(Reader reader, int maxLength) {
            this.in = new BufferedReader(reader);
            this.maxLength = maxLength;
        }

        String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            tooLong = false;
            int c = in.read();
            if (c == -1) {
                return null;
            }
            lineNumber++;
            while (c != -1 && c != '\n') {
                if (line.length() < maxLength) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
                c = in.read();
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            return line.toString();
        }
    }
}
