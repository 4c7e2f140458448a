# syntax=docker/dockerfile:1
# Build: docker build -t async-crawler .
# Run:   docker run --rm -v "$PWD:/data" async-crawler fetch -o downloads urls.txt
#        docker run --rm -p 8080:8080 async-crawler serve      (the test server, on the host's :8080)
# The build stage needs a JDK (17 or later) and Maven; the runtime stage only a glibc base: it gets a
# jlink'ed Java runtime of just the modules the crawler uses, with a class-data-sharing archive.
# Base images pinned by digest (each tag's multi-platform index, so amd64 and arm64 both resolve):
# a rebuild gets the bytes this file was checked with, not whatever the tag points at that day.
# To update: `crane digest maven:3.9-eclipse-temurin-21` (or `docker buildx imagetools inspect
# TAG`, the "Digest:" line) for each, paste it here, run scripts/check-container.sh. The tag stays
# beside the digest for the reader; the digest is what is pulled.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-21@sha256:8f6ac126f7810bb5549c4cd122d2bf0e9cda5bdeb0838aa928f09e779fd8bef8
ARG RUNTIME_IMAGE=debian:bookworm-slim@sha256:f06537653ac770703bc45b4b113475bd402f451e85223f0f2837acbf89ab020a

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Dependencies first: this layer is reused until pom.xml changes.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
# The launcher's archive (target/crawler.jsa) would be for this JDK: the runtime makes its own below.
RUN mvn -B -q -DskipTests -Dcds.skip=true package
# The modules jdeps finds in the fat jar, plus what is found only at run time (EC and JFR for TLS
# and diagnostics, java.management and java.logging for Netty and logback).
RUN jlink --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.sctp,jdk.unsupported \
      --strip-java-debug-attributes --no-man-pages --no-header-files --compress=2 --generate-cds-archive --output /opt/jre
# An application class-data archive, recorded from the training run (CdsTraining: a fetch and a
# comparison against the built-in server on loopback, the help), for the jar at its path in the image.
RUN mkdir -p /opt/crawler && cp target/crawler.jar /opt/crawler/crawler.jar \
    && XDG_CACHE_HOME=/opt/crawler/cache /opt/jre/bin/java -XX:ArchiveClassesAtExit=/opt/crawler/crawler.jsa -XX:TieredStopAtLevel=1 \
          -cp /opt/crawler/crawler.jar io.asynccrawler.cli.CdsTraining \
    && test -s /opt/crawler/crawler.jsa \
    && ls /opt/crawler/cache/async-crawler/native | grep -q brotli && ls /opt/crawler/cache/async-crawler/native | grep -q zstd \
    && ls /opt/crawler/cache/async-crawler/native/*/ | grep -q rocksdb

FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
ARG SOURCE=""
# No license has been chosen for the project yet: NOASSERTION (SPDX) says so rather than guess.
LABEL org.opencontainers.image.title="async-crawler" \
      org.opencontainers.image.description="Bulk HTTP downloader on Netty's event loop" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="NOASSERTION"
RUN (useradd --system --uid 10001 --home-dir /data crawler || adduser -S -u 10001 -h /data crawler) \
    && mkdir -p /data && chown 10001 /data
COPY --from=build /opt/jre /opt/jre
COPY --from=build /opt/crawler /opt/crawler
WORKDIR /data
VOLUME /data
USER 10001
# `crawler serve` (the built-in test server) listens on every address of the container, so that
# `docker run -p 8080:8080 IMAGE serve` reaches it; outside a container it stays on loopback.
# CRAWLER_BIND is serve's --bind default (any option's default can be set as CRAWLER_<NAME>).
ENV CRAWLER_BIND=0.0.0.0
# The br and zstd decoders' and RocksDB's native libraries, copied out of the jar at build time (CdsTraining),
# read from here rather than copied into /tmp at every start, nor into the /data volume
ENV XDG_CACHE_HOME=/opt/crawler/cache
# Debian's glibc: RocksDB need not run ldd in a shell at every crawl's start to ask
ENV ROCKSDB_MUSL_LIBC=false
EXPOSE 8080
# Heap from the container's memory limit, not the host's (flags here, not in JAVA_TOOL_OPTIONS,
# which the JVM announces on stderr at every start).
# C1 only and the serial collector with a small young generation, as the ./crawler launcher has them
# (see there for the measurements).
ENTRYPOINT ["/opt/jre/bin/java", "-XX:SharedArchiveFile=/opt/crawler/crawler.jsa", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn32m", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/crawler/crawler.jar"]
CMD ["--help"]
