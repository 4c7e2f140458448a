#!/usr/bin/env bash
# The benchmark against curl, wget2, aria2c and Python aiohttp (see bench/bench.py): installs the
# peers and nginx from Debian if missing, builds the jar, starts `crawler serve` for the delay
# endpoints, and prints the table (also bench/results/latest.md and .json).
# Usage: bench/run.sh [--runs N] [--only small,large,...,compare] [--compare-urls N]   (7-11 minutes)
#        bench/run.sh --transports ...   (the crawler on epoll, io_uring and NIO side by side)
#        bench/run.sh --smoke   (about 10 s after the build: every workload shrunk, one run each, nothing written to
#                                bench/results; exit 1 if a run did not save what it should; CI runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v nginx >/dev/null || need+=(nginx)
command -v wget2 >/dev/null || need+=(wget2)
command -v aria2c >/dev/null || need+=(aria2)
command -v curl >/dev/null || need+=(curl)
[ -x /usr/bin/time ] || need+=(time)
/usr/bin/python3 -c 'import aiohttp' 2>/dev/null || need+=(python3-aiohttp)
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The jar and its class-data archive, unless both are newer than every source (as after CI's `mvn verify`).
if [ -f target/crawler.jsa ] && [ target/crawler.jsa -nt target/crawler.jar ] \
    && [ -z "$(find src pom.xml -newer target/crawler.jar -print -quit)" ]; then
  echo "bench: target/crawler.jar is newer than the sources; not rebuilt" >&2
else
  mvn -B -q -DskipTests package
fi
mkdir -p bench/results
cp target/crawler.jar bench/results/serve.jar # serve from a copy: the benchmark may rebuild the jar
java -jar bench/results/serve.jar serve --port 0 > bench/results/serve.txt 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null' EXIT
for _ in $(seq 50); do grep -q http:// bench/results/serve.txt && break; sleep 0.2; done
port=$(grep -o 'http://[0-9.]*:[0-9]*' bench/results/serve.txt | head -1 | sed 's/.*://')
ulimit -n "$(ulimit -Hn)" # C10K needs more than the usual 1024
/usr/bin/python3 bench/bench.py --serve-port "$port" "$@"
