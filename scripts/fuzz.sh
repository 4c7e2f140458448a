#!/usr/bin/env bash
# Fuzzes the parsers we own with Jazzer, one target after another, 20 s each (maxDuration in
# ParserFuzzTest). A finding fails the run and is saved as
# src/test/resources/io/asynccrawler/fuzz/ParserFuzzTestInputs/<target>/crash-<sha1>: once fixed,
# give it a telling name and commit it, and every build replays it (regression mode).
# The corpus Jazzer grows lives in .cifuzz-corpus/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
for target in urlListReader urlToFileName locationHeader pathClaims; do
  echo "fuzz: $target" >&2
  JAZZER_FUZZ=1 mvn -B -q test-compile surefire:test@fuzz -Dtest="ParserFuzzTest#$target"
done
