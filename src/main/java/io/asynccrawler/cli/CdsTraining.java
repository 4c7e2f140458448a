package io.asynccrawler.cli;

import io.asynccrawler.crawl.RocksFrontierStore;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The build's training run for the class-data sharing archive (target/crawler.jsa, see pom.xml):
 * started once with {@code -XX:ArchiveClassesAtExit}, it runs what users run most (a fetch with a
 * report, a redirect, a gzip body and a 404; a comparison; the help) against the built-in server,
 * so that every class those load is stored parsed and verified. The launcher maps the archive in:
 * a start then skips most class loading (measured: 0.6 s to 0.4 s for --version, and 0.4 s off a
 * 10,000-URL job).
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Main.quietStart();
        Path work = Files.createTempDirectory("crawler-cds-");
        int failures = 0;
        try (TestServer server = TestServer.start("127.0.0.1", 0, null, Transport.auto())) {
            String base = server.baseUri().toString();
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                urls.add(base + "bytes/2048?seed=" + i);
            }
            urls.add(base + "bytes/300000?gzip=1");
            urls.add(base + "redirect/2");
            urls.add(base + "status/404");
            Path list = Files.write(work.resolve("urls.txt"), urls);
            // The 404 fails on purpose (exit 1), so that the failure path is trained too.
            failures += run("fetch", "-q", "--retries", "0", "-o", work.resolve("fetch").toString(),
                    "--report", work.resolve("report.json").toString(), list.toString()) == ExitCodes.SOME_FAILED ? 0 : 1;
            Path few = Files.write(work.resolve("few.txt"), urls.subList(0, 20)); // all good: exit 0
            failures += run("compare", "-q", "--modes", "sync,threads,async", "-o", work.resolve("compare").toString(),
                    "--timeline", work.resolve("t.svg").toString(), few.toString()) == ExitCodes.OK ? 0 : 1;
            // RocksDB's native library copied into the cache (NativeLibraries), as a crawl's start
            // would: an image's build fills the cache its user cannot write. No crawl is trained:
            // its classes made the archive 3.4 MB larger, and every fetch 4 % slower and 3-5 MB larger.
            RocksFrontierStore.loadLibrary();
            run("--help");
            run("fetch", "--help");
            run("--version");
        } finally {
            ScratchDirs.delete(work);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter sink = new StringWriter();
        cli.setOut(new PrintWriter(sink));
        cli.setErr(new PrintWriter(sink));
        int code = Main.execute(cli, args, Map.of(), "/nonexistent");
        if (code != ExitCodes.OK && code != ExitCodes.SOME_FAILED) {
            System.err.println("training: crawler " + String.join(" ", args) + " exited " + code + "\n" + sink);
        }
        return code;
    }
}
