# syntax=docker/dockerfile:1
# Build: docker build -t async-crawler .
# Run:   docker run --rm -v "$PWD/downloads:/data" async-crawler fetch urls.txt
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-21
ARG RUNTIME_IMAGE=eclipse-temurin:21-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Dependencies first: this layer is reused until pom.xml changes.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="async-crawler" \
      org.opencontainers.image.description="Bulk HTTP downloader on Netty's event loop" \
      org.opencontainers.image.version="${VERSION}"
RUN (useradd --system --uid 10001 --home-dir /data crawler || adduser -S -u 10001 -h /data crawler) \
    && mkdir -p /data && chown 10001 /data
COPY --from=build /src/target/crawler.jar /opt/crawler/crawler.jar
WORKDIR /data
VOLUME /data
USER 10001
# Heap from the container's memory limit, not the host's.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/crawler/crawler.jar"]
CMD ["--help"]
