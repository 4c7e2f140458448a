#!/usr/bin/env bash
# Profiles one crawler run with async-profiler (its Linux library comes from Maven Central's
# tools.profiler:async-profiler jar) and writes a flame graph, one lane per thread.
# Usage: bench/profile.sh [cpu|wall|alloc|lock] [html|collapsed] -- CRAWLER ARGS...
#   bench/profile.sh cpu html -- fetch -q -c 64 -o /dev/shm/out urls.txt
# Output: bench/results/profile-EVENT.html (open in a browser) or .collapsed (a stack a line, for grep).
# JVM flags: as ./crawler has them, plus the agent; CRAWLER_JAVA_OPTS replaces the former.
set -euo pipefail
cd "$(dirname "$0")/.."
event=${1:-cpu}
format=${2:-html}
shift $(( $# >= 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
case "$(uname -m)" in
  x86_64) platform=linux-x64 ;;
  aarch64) platform=linux-arm64 ;;
  *) echo "profile: no async-profiler library for $(uname -m)" >&2; exit 2 ;;
esac
version=4.1
jar="$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar"
[ -f "$jar" ] || mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$version"
lib="$PWD/bench/results/async-profiler-$version/$platform/libasyncProfiler.so"
if [ ! -f "$lib" ]; then
  mkdir -p "$(dirname "$lib")"
  unzip -p "$jar" "$platform/libasyncProfiler.so" > "$lib.tmp" && mv "$lib.tmp" "$lib"
fi
[ -f target/crawler.jar ] || mvn -B -q -DskipTests package
out="$PWD/bench/results/profile-$event.$format"
jvm=${CRAWLER_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m}
agent="start,event=$event,threads,file=$out"
case "$event" in cpu|wall|itimer) agent="$agent,interval=1ms" ;; esac # alloc and lock keep their own defaults
CRAWLER_JAVA_OPTS="$jvm -agentpath:$lib=$agent" ./crawler "$@"
echo "profile: $out" >&2
