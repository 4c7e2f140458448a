package io.asynccrawler.cli;

import io.asynccrawler.report.Summary;
import io.asynccrawler.report.SvgTimeline;
import io.asynccrawler.report.Timeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** compare's {@code --timeline FILE}: checked before the comparison (it may take minutes), written after it. */
final class TimelineFile {
    private TimelineFile() {
    }

    /** What is wrong with {@code file} as a timeline to write later, in one line, or null. Creates nothing. */
    static String problem(Path file) {
        if (!file.toString().matches("(?i).*\\.(svg|html?)$")) {
            return "--timeline must name a .svg or .html file: " + file;
        }
        String unwritable = unwritable(file);
        return unwritable == null ? null : "cannot write --timeline " + file + ": " + unwritable;
    }

    /** Draws {@code timelines} into {@code file}, SVG or an HTML page holding it as the name says. */
    static void write(Path file, List<Timeline> timelines, List<Summary> summaries, int concurrency) throws IOException {
        long requests = summaries.get(0).ok() + summaries.get(0).failed();
        List<Double> walls = summaries.stream().map(Summary::wallSeconds).toList();
        String svg = SvgTimeline.render(timelines, walls, "crawler compare: " + requests + " requests, -c " + concurrency);
        String text = file.toString().toLowerCase(Locale.ROOT).endsWith(".svg") ? svg
                : "<!doctype html><meta charset=\"utf-8\"><title>crawler compare</title>\n<body style=\"margin:0\">\n" + svg + "</body>\n";
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Why {@code file} could not be written (made with its missing parents) later, or null. Creates nothing. */
    static String unwritable(Path file) {
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        Path existing = file.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return existing + " is not a directory";
        }
        return Files.isWritable(existing) ? null : "permission denied in " + existing;
    }
}
