#!/usr/bin/env bash
# Many hosts: one 2 KiB file from each of HOSTS host names whose name server answers in DELAY_MS,
# over http and over https, with the crawler, curl -Z and wget2 (64 at once each; certificates not
# checked by any of them). What a crawl over many hosts pays that the bench's single host does not:
# a name lookup and a TLS handshake per host.
# Runs in a network namespace of its own, whose resolv.conf (/etc/netns/NAME/resolv.conf, as
# `ip netns exec` reads it) points at bench/slowdns.py on the namespace's loopback; nginx there
# serves the files over http and https (a wildcard certificate made with openssl). Needs root.
# Usage: bench/many-hosts.sh [HOSTS] [DELAY_MS] [RUNS]    (defaults 500 50 3: about 3 minutes,
# most of it wget2's, which looks names up one at a time)
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-500}
delay_ms=${2:-50}
runs=${3:-3}
need=()
command -v nginx >/dev/null || need+=(nginx)
command -v wget2 >/dev/null || need+=(wget2)
command -v curl >/dev/null || need+=(curl)
command -v openssl >/dev/null || need+=(openssl)
command -v ip >/dev/null || need+=(iproute2)
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
mvn -B -q -DskipTests package

ns=crawler-hosts-$$
work=$(mktemp -d)
dns=
cleanup() {
  if [ -n "$dns" ]; then kill "$dns" 2>/dev/null || true; wait "$dns" 2>/dev/null || true; fi
  ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "/etc/netns/$ns" "$work"
}
trap cleanup EXIT
ip netns add "$ns"
mkdir -p "/etc/netns/$ns"
echo "nameserver 127.0.0.1" > "/etc/netns/$ns/resolv.conf"
in_ns() { ip netns exec "$ns" "$@"; }
in_ns ip link set lo up

chmod 755 "$work" # nginx's workers run as another user
mkdir -p "$work/www"
for i in $(seq 0 $((hosts - 1))); do head -c 2048 /dev/urandom > "$work/www/$i.bin"; done
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=*.test" \
  -addext "subjectAltName=DNS:*.test" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
cat > "$work/nginx.conf" <<EOF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server { listen 127.0.0.1:18080; root $work/www; }
  server { listen 127.0.0.1:18443 ssl; ssl_certificate $work/cert.pem; ssl_certificate_key $work/key.pem; root $work/www; }
}
EOF
in_ns nginx -c "$work/nginx.conf"
in_ns python3 bench/slowdns.py "$(echo "$delay_ms" | awk '{print $1 / 1000}')" &
dns=$!
sleep 1
in_ns getent hosts h0.test >/dev/null || { echo "many-hosts: the name server does not answer" >&2; exit 1; }

for scheme in http https; do
  port=$([ "$scheme" = http ] && echo 18080 || echo 18443)
  : > "$work/$scheme.txt"
  : > "$work/$scheme.curl"
  for i in $(seq 0 $((hosts - 1))); do
    echo "$scheme://h$i.test:$port/$i.bin" >> "$work/$scheme.txt"
    printf 'url = %s://h%d.test:%d/%d.bin\noutput = %s/out/%d.bin\n' "$scheme" "$i" "$port" "$i" "$work" "$i" >> "$work/$scheme.curl"
  done
done

# One run: prints its wall seconds, or fails when not every file arrived.
run() {
  local tool=$1 scheme=$2 start end
  rm -rf "$work/out" && mkdir -p "$work/out"
  start=$(date +%s.%N)
  case "$tool" in
    crawler) in_ns ./crawler fetch -q -k --retries 0 -c 64 -o "$work/out" "$work/$scheme.txt" 2>"$work/crawler.err" || { tail -3 "$work/crawler.err" >&2; exit 1; } ;;
    curl) in_ns curl -s --no-progress-meter -k -Z --parallel-max 64 -K "$work/$scheme.curl" ;;
    wget2) (cd "$work/out" && in_ns wget2 -q --no-check-certificate --max-threads=64 -i "$work/$scheme.txt") ;;
  esac
  end=$(date +%s.%N)
  local got
  got=$(find "$work/out" -type f -name '*.bin' | wc -l)
  [ "$got" -eq "$hosts" ] || { echo "many-hosts: $tool $scheme saved $got of $hosts files" >&2; exit 1; }
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }' 
}

declare -A times
for _ in $(seq "$runs"); do
  for scheme in http https; do
    for tool in crawler curl wget2; do
      times[$tool.$scheme]+="$(run "$tool" "$scheme") "
    done
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "$hosts hosts, name server answers in $delay_ms ms, 64 at once; median of $runs runs, wall seconds"
echo
echo "| | crawler | curl | wget2 |"
echo "|---|---|---|---|"
for scheme in http https; do
  printf '| %s | %s | %s | %s |\n' "$scheme" "$(echo "${times[crawler.$scheme]}" | median)" \
    "$(echo "${times[curl.$scheme]}" | median)" "$(echo "${times[wget2.$scheme]}" | median)"
done
