package io.asynccrawler.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Result;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline picture renders in a real browser (headless Chromium, installed by .ci/run). */
class SvgTimelineTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    static Timeline timeline(String mode, boolean serial, int n) {
        Timeline t = new Timeline(mode);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            long offset = serial ? i * 500L : 0;
            t.add(new Result("http://h/" + i, "http://h/" + i, 200, "f" + i, 1, null, 1, start.plusMillis(offset),
                    10, 500, i == 3 ? Outcome.FAILED : Outcome.OK, null, null, 0));
        }
        return t;
    }

    @Test
    void lanesNeverOverlapAndSerialWorkTakesOneLane() {
        assertThat(timeline("sync", true, 10).lanes()).hasSize(1);
        assertThat(timeline("async", false, 10).lanes()).hasSize(10);
        assertThat(timeline("sync", true, 10).spanMs()).isEqualTo(5000);
    }

    @Test
    void asciiShowsOneRowPerLaneOnASharedAxis() {
        String ascii = AsciiTimeline.render(List.of(timeline("sync", true, 4), timeline("async", false, 4)), 60);
        assertThat(ascii.lines().filter(l -> l.contains("|"))).hasSize(1 + 4);
        assertThat(ascii).contains("sync", "async", "0 s", "2.0 s");
    }

    /** The headline is on the picture: each panel's finish line, wall time and speed-up; the axis labelled to its end. */
    @Test
    void eachPanelEndsWithItsWallTimeAndSpeedUp() {
        String svg = SvgTimeline.render(List.of(timeline("sync", true, 10), timeline("async", false, 10)), List.of(5.02, 0.51), "t");
        assertThat(svg).contains(">5.02 s, 1.0x</text>", ">0.51 s, 9.8x</text>");
        assertThat(svg.split("class=\"finish\"", -1)).as("a finish line per panel, and the legend's").hasSize(4);
        assertThat(svg).as("the axis's end, labelled").contains(">5.02</text>");
        assertThat(svg).contains("class=\"bar failed\"");
    }

    /** A 1 ms request among 60 s, or one of 2,000 lanes: still at least MIN_BAR pixels each way. */
    @Test
    void noBarIsThinnerThanTheMinimum() {
        Timeline t = new Timeline("async");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            t.add(new Result("http://h/" + i, "http://h/" + i, 200, "f", 1, null, 1, start, 10, i == 0 ? 60_000 : 1,
                    Outcome.OK, null, null, 0));
        }
        String svg = SvgTimeline.render(List.of(t), "t");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"bar ok\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\" height=\"([0-9.]+)\"").matcher(svg);
        int bars = 0;
        while (m.find()) {
            bars++;
            assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(SvgTimeline.MIN_BAR);
            assertThat(Double.parseDouble(m.group(2))).isGreaterThanOrEqualTo(SvgTimeline.MIN_BAR);
        }
        assertThat(bars).as("the requests and the legend's key").isEqualTo(2001);
    }

    /** Requests that start together take the same lanes in every mode: by start, then URL. */
    @Test
    void lanesAreInTheSameOrderAcrossModes() {
        Timeline a = timeline("threads", false, 6);
        Timeline b = new Timeline("async");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 5; i >= 0; i--) { // ended in the other order
            b.add(new Result("http://h/" + i, "http://h/" + i, 200, "f" + i, 1, null, 1, start, 10, 500, Outcome.OK, null, null, 0));
        }
        assertThat(b.lanes().stream().map(l -> l.get(0).url()).toList()).isEqualTo(a.lanes().stream().map(l -> l.get(0).url()).toList());
    }

    @Test
    void headlessChromiumDrawsTheBars() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it)");
        Path svg = tmp.resolve("t.svg");
        Timeline failing = timeline("async", false, 20);
        Files.writeString(svg, SvgTimeline.render(List.of(timeline("sync", true, 20), failing), List.of(10.0, 0.5), "test"));
        Path png = tmp.resolve("t.png");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1000,700",
                "--screenshot=" + png, svg.toUri().toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        BufferedImage image = ImageIO.read(png.toFile());
        // Kept where CI keeps build output, for a person to look at: target/test-artefacts/timeline.png.
        Path artefacts = Files.createDirectories(Path.of("target", "test-artefacts"));
        Files.copy(png, artefacts.resolve("timeline.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int blue = 0;
        int red = 0;
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                blue += rgb == 0x2a7ab8 ? 1 : 0;
                red += rgb == 0xd0443e ? 1 : 0;
                dark += rgb == 0x1b1b1b ? 1 : 0;
            }
        }
        assertThat(blue).as("pixels of ok bars").isGreaterThan(2000);
        assertThat(red).as("pixels of the failed bars and the legend").isGreaterThan(50);
        assertThat(dark).as("pixels of the finish lines and headlines").isGreaterThan(100);
    }
}
