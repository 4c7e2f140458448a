#!/usr/bin/env bash
# The frontier's promise at scale: a crawl of 1,000,000 generated pages (`crawler serve`'s
# /site/1000000x10/, images, broken links and redirects left out as in cli/CrawlMemoryTest) under
# -Xmx256m, output to /dev/shm (the site's pages are files of one directory, which ext4 makes ever
# dearer to add to). Prints and writes bench/results/crawl-million.md: wall time, CPU, peak RSS, the
# most heap found live after a collection, the state directory's size. About 8 minutes here.
# Usage: bench/crawl-million.sh [PAGES]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000000}
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
[ -f target/crawler.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d /dev/shm/crawler-million.XXXXXX)
mkdir -p bench/results
cp target/crawler.jar "$work/serve.jar" # the server from a copy: a build meanwhile does not pull it away
java -XX:TieredStopAtLevel=1 -jar "$work/serve.jar" serve --port 0 > "$work/serve.txt" 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q http:// "$work/serve.txt" && break; sleep 0.2; done
base=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.txt" | head -1)
opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m -Xmx256m -Xlog:gc:file=$work/gc.log"
start=$(date +%s)
set +e
CRAWLER_JAVA_OPTS="$opts" /usr/bin/time -f "TIME %e %U %S %M" ./crawler crawl -q -l 0 -c 32 --per-host 32 \
  --reject png --exclude '/missing/|/moved/' -o "$work/out" "$base/site/${pages}x10/" > "$work/crawl.txt" 2>&1
code=$?
set -e
read -r _ wall user sys rss_kb < <(grep '^TIME ' "$work/crawl.txt" | tail -1)
summary=$(grep -E '^ok [0-9]' "$work/crawl.txt" | tail -1)
live=$(grep -o -- '->[0-9]*M(' "$work/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
collections=$(grep -c -- '->' "$work/gc.log" || true)
state=$(du -sm "$work/out/.crawl-state" | cut -f1)
{
  echo "# ${pages} generated pages crawled under -Xmx256m ($(date -u +%F), $(java -version 2>&1 | head -1))"
  echo
  echo "\`crawler crawl -q -l 0 -c 32 --per-host 32 --reject png --exclude '/missing/|/moved/' $base/site/${pages}x10/\`, output on /dev/shm, exit code $code"
  echo
  echo "| wall s | CPU s | peak RSS MB | most heap live after a collection MiB | collections | state dir MB |"
  echo "|---|---|---|---|---|---|"
  echo "| $wall | $(awk "BEGIN { print $user + $sys }") | $((rss_kb / 1024)) | $live | $collections | $state |"
  echo
  echo "$summary"
} | tee bench/results/crawl-million.md
[ "$code" -eq 0 ]
