#!/usr/bin/env bash
# Runs every command README.md shows in a ```sh block, block by block, as a newcomer would paste
# them, so that the page cannot drift from what the tool does. Each block runs as one bash script
# (errexit on) in a scratch directory holding ./crawler; port 8080 becomes a free port, so a
# machine with something on 8080 still checks. Three commands are run for what they do rather than
# verbatim: `mvn -B verify` is .ci/run's own first step (not run twice); `mvn ... package` builds
# only when the jar is older than the sources (.ci/run has just built it); `docker ...` needs an
# engine this machine lacks, and scripts/check-container.sh builds and runs the same image with
# buildah. Exits 1 naming the block that failed, with its output.
# Usage: scripts/check-readme.sh  (after the jar is built: mvn -B verify or package)
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
ln -s "$repo/crawler" "$scratch/crawler"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# The blocks, each ended by a NUL: the lines between ```sh and ```.
mapfile -d '' blocks < <(awk '/^```sh$/ { inside = 1; next } /^```$/ && inside { inside = 0; printf "%c", 0; next } inside { print }' README.md)
[ "${#blocks[@]}" -gt 0 ] || { echo "check-readme: no sh block in README.md" >&2; exit 1; }

prelude=$(cat <<EOF
set -e
mvn() {
  case "\$*" in
    "-B verify") echo "check-readme: 'mvn -B verify' is what .ci/run runs first" ;;
    *package*)
      if [ -z "\$(find "$repo/src" "$repo/pom.xml" -newer "$repo/target/crawler.jar" -print -quit 2>/dev/null)" ] \\
          && [ -f "$repo/target/crawler.jar" ]; then
        echo "check-readme: target/crawler.jar is newer than the sources"
      else
        (cd "$repo" && command mvn "\$@")
      fi ;;
    *) echo "check-readme: unexpected mvn \$*" >&2; return 1 ;;
  esac
}
docker() { echo "check-readme: docker \$1: scripts/check-container.sh builds and runs this image with buildah"; }
EOF
)

failures=0
for i in "${!blocks[@]}"; do
  block=${blocks[$i]//8080/$port}
  first=$(printf '%s\n' "$block" | head -1)
  if (cd "$scratch" && timeout 300 bash -c "$prelude"$'\n'"$block" >"$scratch/.out" 2>&1); then
    printf 'PASS  block %d: %s\n' "$((i + 1))" "$first"
  else
    printf 'FAIL  block %d: %s\n' "$((i + 1))" "$first"
    sed 's/^/      /' "$scratch/.out" | tail -30
    failures=$((failures + 1))
  fi
  # a block's background jobs (the test server) must not outlive it
  pkill -f "crawler.jar serve --port $port" 2>/dev/null || true
done
if [ "$failures" -gt 0 ]; then
  echo "check-readme: $failures of ${#blocks[@]} blocks failed"
  exit 1
fi
echo "check-readme: all ${#blocks[@]} blocks ran"
