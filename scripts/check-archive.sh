#!/usr/bin/env sh
# Checks that ./crawler starts from the class-data archive the build made (target/crawler.jsa).
# The archive is half of the crawler's start-up work (10,000 x 2 KiB: 0.72 s with it, about 1.0 s
# without), and the JVM drops it without a word when it does not match the jar or the launcher
# leaves it out. Run by `mvn verify` after the archive is made (pom.xml), with the JDK that made it
# first on the PATH, as ./crawler takes the java it finds there; bench/compare-builds.sh checks its
# builds with it (CRAWLER_DIR: the checkout to check, default this one).
# Usage: [CRAWLER_DIR=DIR] scripts/check-archive.sh [JAVA_BIN_DIR]
set -eu
cd "${CRAWLER_DIR:-$(dirname "$0")/..}"
if [ -n "${1:-}" ]; then
  PATH="$1:$PATH"
  export PATH
fi
log=$(JAVA_TOOL_OPTIONS="-Xlog:class+load=info" ./crawler --version 2>&1) || {
  echo "check-archive: ./crawler --version failed:" >&2
  echo "$log" | tail -5 >&2
  exit 1
}
if ! echo "$log" | grep -q "io.asynccrawler.cli.Main source: shared objects file"; then
  echo "check-archive: ./crawler loaded its classes from the jar, not from target/crawler.jsa:" >&2
  echo "$log" | grep "io.asynccrawler.cli.Main " >&2 || true
  echo "check-archive: is the archive older than the jar, made for the jar where it lay before a move, or by another JDK than $(command -v java)?" >&2
  echo "check-archive: (a JDK that cannot make one: build with -Dcds.skip=true, which skips this check)" >&2
  exit 1
fi
echo "check-archive: ./crawler starts from target/crawler.jsa"
