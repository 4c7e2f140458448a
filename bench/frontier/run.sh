#!/usr/bin/env bash
# The crawl frontier's candidate stores (RocksDB, SQLite, Berkeley DB JE) on one workload: a crawl
# over 5,000 hosts that ends a page at a time (the page leaves its host's queue, is marked done and
# its 50 links are admitted, 20 % of them seen before, in one transaction), until 2,000,000 link
# sightings; each store's commits reach the operating system, not the disk (safe from kill -9).
# Each runs in a JVM of its own with the crawler's flags and -Xmx256m; prints sightings a second,
# heap after GC, bytes on disk and peak RSS. About 4 minutes. Usage: bench/frontier/run.sh [SIGHTINGS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sightings="${1:-2000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$here" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
mkdir -p "$work/classes"
javac -cp "$(cat "$work/cp.txt")" -d "$work/classes" "$here/src/main/java/FrontierBench.java"
for store in rocksdb sqlite je; do
  /usr/bin/time -f "$store: peak RSS %M KB, %e s wall, %U + %S s CPU" \
    java -Xmx256m -XX:+UseSerialGC -Xmn32m -XX:TieredStopAtLevel=1 -cp "$(cat "$work/cp.txt"):$work/classes" \
    FrontierBench "$store" "$work/$store" "$sightings"
  rm -rf "${work:?}/$store"
done
