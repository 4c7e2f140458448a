package io.asynccrawler.server;

import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code /files/...}: serves the {@code --files} directory, never anything outside its real path. */
final class FileEndpoint {
    private FileEndpoint() {
    }

    static void serve(Call call, Path root, String relative) {
        if (root == null) {
            call.json(HttpResponseStatus.NOT_FOUND, "{\"error\": \"no --files directory is served\"}");
            return;
        }
        try {
            Path realRoot = root.toRealPath();
            Path file = realRoot.resolve(relative).normalize();
            if (!file.startsWith(realRoot) || !Files.exists(file) || !file.toRealPath().startsWith(realRoot)) {
                Endpoints.notFound(call);
            } else if (Files.isDirectory(file)) {
                listing(call, realRoot, file);
            } else {
                send(call, file);
            }
        } catch (IOException e) {
            call.json(HttpResponseStatus.INTERNAL_SERVER_ERROR, "{\"error\": " + Endpoints.quote(e.toString()) + "}");
        }
    }

    private static void listing(Call call, Path root, Path dir) throws IOException {
        String base = "/files/" + root.relativize(dir).toString().replace('\\', '/');
        String prefix = base.endsWith("/") ? base : base + "/";
        try (Stream<Path> entries = Files.list(dir)) {
            String body = entries.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
                    .sorted()
                    .map(name -> "<a href=\"" + prefix + name + "\">" + name + "</a><br>")
                    .collect(Collectors.joining("\n", "<!doctype html><title>" + prefix + "</title>\n", "\n"));
            call.text(HttpResponseStatus.OK, "text/html; charset=utf-8", body);
        }
    }

    private static void send(Call call, Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        long size = channel.size();
        HttpResponse response = call.head(HttpResponseStatus.OK, contentType(file));
        HttpUtil.setContentLength(response, size);
        if (call.head) {
            channel.close();
            call.sendWithoutBody(response);
            return;
        }
        call.ctx.write(response);
        // Zero-copy: the region owns the channel and closes it once written (or on failure).
        call.ctx.write(new DefaultFileRegion(channel, 0, size));
        call.finishWith(call.ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html; charset=utf-8";
        } else if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        } else if (name.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
