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

    @Test
    void headlessChromiumDrawsTheBars() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it)");
        Path svg = tmp.resolve("t.svg");
        Files.writeString(svg, SvgTimeline.render(List.of(timeline("sync", true, 20), timeline("async", false, 20)), "test"));
        Path png = tmp.resolve("t.png");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1000,700",
                "--screenshot=" + png, svg.toUri().toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        BufferedImage image = ImageIO.read(png.toFile());
        int blue = 0;
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                blue += rgb == 0x2a7ab8 ? 1 : 0;
                red += rgb == 0xd0443e ? 1 : 0;
            }
        }
        assertThat(blue).as("pixels of ok bars").isGreaterThan(2000);
        assertThat(red).as("pixels of the failed bars and the legend").isGreaterThan(50);
    }
}
