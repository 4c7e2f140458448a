#!/usr/bin/env bash
# Shows that `crawler serve` holds 10,000 concurrent connections to /delay/1000 on this machine:
# starts the server as its own process, then runs ManyConnectionsTest against it with 10,000
# connections (client and server each need ~10,000 file descriptors, so they are kept apart).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
ulimit -n "$(ulimit -Hn)"
[ -f target/crawler.jar ] || mvn -B -q -DskipTests package
log="$(mktemp)"
java -jar target/crawler.jar serve --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do
  url="$(head -n 1 "$log")"
  [[ "$url" == http* ]] && break
  sleep 0.2
done
[[ "$url" == http* ]] || { echo "serve did not start:"; cat "$log"; exit 1; }
echo "server at $url, opening $count connections"
mvn -B -q test -Dtest=ManyConnectionsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dserve.url="$url" -Dserve.connections="$count"
