#!/usr/bin/env bash
# Compares two builds of the crawler on the same job: each revision is built in a worktree of its
# own (its jar, and the class-data archive the build makes for that jar where it lies: a copied
# jar would start without its archive, silently), each runs the job once untimed (the first run
# after a build is often much slower: page cache, the list file), then the two run it in turns,
# and the script prints each run and, per build, the median wall and CPU times and peak RSS.
# Usage: bench/compare-builds.sh [--runs N] REV_A REV_B -- CRAWLER ARGS...
#   bench/compare-builds.sh HEAD~1 HEAD -- fetch -q --retries 0 urls.txt
# REV "." is the checkout as it is (built in place). Every run gets a fresh empty output directory
# (-o, appended to the arguments; TMPDIR, else /dev/shm, else /tmp), deleted after the run.
# A run that exits 1 (some URLs failed, the job ran whole: the JDK docs' 55 broken links) counts,
# as long as every run of both builds exits the same; any other code stops the comparison.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=5
if [ "${1:-}" = "--runs" ]; then
  runs="$2"
  shift 2
fi
if [ "$#" -lt 4 ] || [ "$3" != "--" ]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
rev_a="$1"
rev_b="$2"
shift 3
for rev in "$rev_a" "$rev_b"; do
  if [ "$rev" != "." ] && ! git -C "$root" rev-parse --verify --quiet "$rev^{commit}" >/dev/null; then
    echo "compare-builds: no such revision: $rev" >&2
    exit 2
  fi
done
scratch="${TMPDIR:-$([ -d /dev/shm ] && echo /dev/shm || echo /tmp)}"
work="$(mktemp -d "$scratch/compare-builds.XXXXXX")"
cleanup() {
  rm -rf "$work"
  git -C "$root" worktree prune # the worktrees lived under $work
}
trap cleanup EXIT

# build REV: prints the directory whose ./crawler runs that revision
build() {
  local rev="$1" dir
  if [ "$rev" = "." ]; then
    dir="$root"
  else
    dir="$work/build-$(git -C "$root" rev-parse --short "$rev")-$RANDOM"
    git -C "$root" worktree add --detach -q "$dir" "$rev"
  fi
  echo "compare-builds: building $rev in $dir" >&2
  (cd "$dir" && mvn -B -q -DskipTests package >&2)
  # The archive in use, checked by this checkout's script (older revisions lack it).
  if ! CRAWLER_DIR="$dir" "$root/scripts/check-archive.sh" >&2; then
    echo "compare-builds: $rev does not start from its class-data archive; its times would not compare" >&2
    exit 1
  fi
  echo "$dir"
}
dir_a="$(build "$rev_a")"
dir_b="$(build "$rev_b")"

results="$work/results.txt"
for dir in "$dir_a" "$dir_b"; do
  "$dir/crawler" "$@" -o "$work/out" >/dev/null 2>&1 || true
  rm -rf "$work/out"
done
for i in $(seq "$runs"); do
  # Alternate who goes first, so that neither always runs on a machine the other just warmed.
  if [ $((i % 2)) -eq 1 ]; then order="A B"; else order="B A"; fi
  for who in $order; do
    if [ "$who" = A ]; then dir="$dir_a"; rev="$rev_a"; else dir="$dir_b"; rev="$rev_b"; fi
    out="$work/out"
    rm -rf "$out"
    status=0
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$dir/crawler" "$@" -o "$out" >/dev/null 2>"$work/err.txt" || status=$?
    rm -rf "$out"
    # the last line: time(1) puts "Command exited with non-zero status N" before it
    read -r wall user sys rss < <(tail -1 "$work/time.txt")
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
      echo "compare-builds: $rev exited $status: $(tail -2 "$work/err.txt")" >&2
      exit 1
    fi
    first_status=${first_status:-$status}
    if [ "$status" -ne "$first_status" ]; then
      echo "compare-builds: $rev exited $status where the first run exited $first_status: the two do not do the same job" >&2
      exit 1
    fi
    printf '%s %s %s %s %s\n' "$who" "$wall" "$user" "$sys" "$rss" >>"$results"
    printf 'run %d %-12s %6.2f s wall, %6.2f s CPU, %5d MB\n' "$i" "$rev" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024))
  done
done
python3 - "$results" "$rev_a" "$rev_b" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = {"A": sys.argv[2], "B": sys.argv[3]}
summary = {}
for who in "AB":
    mine = [r for r in rows if r[0] == who]
    wall = statistics.median(float(r[1]) for r in mine)
    cpu = statistics.median(float(r[2]) + float(r[3]) for r in mine)
    rss = max(int(r[4]) for r in mine) // 1024
    summary[who] = (wall, cpu)
    print(f"{names[who]:>12}: median wall {wall:.3f} s, median CPU {cpu:.3f} s, peak RSS {rss} MB ({len(mine)} runs)")
(wa, ca), (wb, cb) = summary["A"], summary["B"]
print(f"{names['B']} / {names['A']}: wall {wb / wa:.3f}, CPU {cb / ca:.3f}")
EOF
