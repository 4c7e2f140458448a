#!/usr/bin/env bash
# Builds the Docker image without a Docker engine and checks that it works, on a machine that has
# Debian's apt but can pull no public base image:
#   1. stand-in base images made from Debian packages with debootstrap (a JDK + Maven one for the
#      build stage, a JRE-only one for the runtime stage), imported into local container storage
#      and cached between runs (CACHE, default ~/.cache/async-crawler-container);
#   2. the repository's Dockerfile built with `buildah bud --isolation chroot`, those two images
#      passed as BUILD_IMAGE and RUNTIME_IMAGE;
#   3. the image run with `buildah run --isolation chroot` (podman run cannot set rlimits in such
#      sandboxes): --help, --version, demo, and fetch against a `crawler serve` on the host's
#      loopback into a mounted directory: files, their owner (the image's non-root uid), exit codes;
#      a crawl (RocksDB's native library must load);
#      and over https against `openssl s_server` there, through BoringSSL (its library must load).
# Prints PASS or FAIL for each step and the image size; exits 1 if any step failed.
# Needs root (debootstrap, chroot isolation). Usage: scripts/check-container.sh
set -uo pipefail
cd "$(dirname "$0")/.."

CACHE="${CACHE:-$HOME/.cache/async-crawler-container}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
SUITE="${SUITE:-bookworm}"
IMAGE=localhost/async-crawler
BUILD_BASE=localhost/crawler-build-base
RUNTIME_BASE=localhost/crawler-runtime-base
UID_IN_IMAGE=10001
failures=0

pass() { printf 'PASS  %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failures=$((failures + 1)); }
check() { # check NAME COMMAND...: PASS when the command succeeds
  local name="$1"; shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}
note() { printf '      %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "check-container: needs root (debootstrap and chroot isolation)" >&2
  exit 2
fi

# --- 0. tools ---
missing=()
for tool in buildah podman debootstrap; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah podman debootstrap >/dev/null
fi
check "tools: buildah, podman, debootstrap" command -v buildah podman debootstrap >/dev/null

# --- 1. stand-in base images ---
# base NAME PACKAGES: a minbase Debian root with PACKAGES, imported as NAME, made once.
base() {
  local name="$1" packages="$2" rootfs="$CACHE/$3"
  if podman image exists "$name" 2>/dev/null; then
    pass "base image $name (cached)"
    return
  fi
  mkdir -p "$CACHE"
  if [ ! -e "$rootfs/.complete" ]; then
    rm -rf "$rootfs"
    if ! debootstrap --variant=minbase --include="$packages" "$SUITE" "$rootfs" "$MIRROR" >"$CACHE/$3.log" 2>&1; then
      fail "debootstrap $name (see $CACHE/$3.log)"
      return
    fi
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    touch "$rootfs/.complete"
  fi
  if [ "$4" = trust-host-cas ]; then
    # The build stage downloads from Maven Central through whatever the host goes through: where
    # the host trusts extra CAs (a TLS-inspecting proxy), the build image must trust them too.
    for crt in /usr/local/share/ca-certificates/*.crt; do
      [ -e "$crt" ] || continue
      keytool -importcert -noprompt -keystore "$rootfs/etc/ssl/certs/java/cacerts" -storepass changeit \
        -alias "host-$(basename "$crt" .crt)" -file "$crt" >/dev/null 2>&1 || true
    done
  fi
  if tar -C "$rootfs" -c . | podman import - "$name" >/dev/null; then
    pass "base image $name from debootstrap"
  else
    fail "import $name"
  fi
}
base "$BUILD_BASE" "openjdk-17-jdk-headless,maven,ca-certificates-java" build-rootfs trust-host-cas
# The runtime stage needs no Java from its base (it brings its own jlink'ed one): a bare Debian.
base "$RUNTIME_BASE" "ca-certificates" runtime-rootfs -

# --- 2. the image, from the repository's Dockerfile ---
if buildah bud --isolation chroot --layers \
    --build-arg BUILD_IMAGE="$BUILD_BASE" --build-arg RUNTIME_IMAGE="$RUNTIME_BASE" \
    -t "$IMAGE" . >"$CACHE/bud.log" 2>&1; then
  pass "buildah bud -t $IMAGE"
else
  fail "buildah bud (see $CACHE/bud.log)"
  tail -20 "$CACHE/bud.log" | sed 's/^/      /'
  echo "check-container: $failures step(s) failed"
  exit 1
fi
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
note "image size: $((size / 1024 / 1024)) MiB (runtime base alone: $(( $(podman image inspect --format '{{.Size}}' "$RUNTIME_BASE") / 1024 / 1024 )) MiB)"

# --- 3. run it ---
ctr=$(buildah from "$IMAGE")
volumes=$(buildah inspect --format '{{.OCIv1.Config.Volumes}}' "$IMAGE")
# docker run -v HOST:/data puts the bind mount where the image's anonymous /data volume would be;
# buildah run mounts that volume over a -v of the same path, so this container drops it first.
buildah config --volume /data- "$ctr"
trap 'buildah rm "$ctr" >/dev/null 2>&1; [ -n "${serve_pid:-}" ] && kill "$serve_pid" 2>/dev/null; rm -rf "${work:-}"' EXIT
mapfile -t entrypoint < <(buildah inspect --format '{{range .OCIv1.Config.Entrypoint}}{{println .}}{{end}}' "$IMAGE" | sed '/^$/d')
user=$(buildah inspect --format '{{.OCIv1.Config.User}}' "$IMAGE")
workdir=$(buildah inspect --format '{{.OCIv1.Config.WorkingDir}}' "$IMAGE")
check "runs as a non-root user ($user)" test "${user%%:*}" = "$UID_IN_IMAGE"
check "working directory is /data" test "$workdir" = /data
check "/data is a declared volume ($volumes)" grep -q "/data" <<<"$volumes"
note "entrypoint: ${entrypoint[*]}"

work=$(mktemp -d)
chmod 0777 "$work"
# in IMAGE ARGS...: the image's entrypoint with ARGS, as its user, /data mounted from $work
in_image() {
  buildah run --isolation chroot --user "$user" --workingdir "$workdir" -v "$work:/data" "$ctr" -- \
    "${entrypoint[@]}" "$@"
}

in_image --help >"$work/help.txt" 2>&1
check "--help exits 0" test $? -eq 0
check "--help lists fetch" grep -q "fetch" "$work/help.txt"
in_image --version >"$work/version.txt" 2>&1
check "--version exits 0 ($(head -1 "$work/version.txt"))" test $? -eq 0
# The image's class-data archive is in use: the JVM drops one that does not match the jar silently.
buildah run --isolation chroot --user "$user" --workingdir "$workdir" "$ctr" -- \
  "${entrypoint[0]}" -Xlog:class+load=info "${entrypoint[@]:1}" --version >"$work/classes.txt" 2>&1
check "starts from its class-data archive" grep -q "io.asynccrawler.cli.Main source: shared objects file" "$work/classes.txt"
in_image --bogus >/dev/null 2>&1
check "a bad option exits 2, as outside" test $? -eq 2

check "no Maven, no source, no JDK tools in the image" \
  buildah run --isolation chroot "$ctr" -- sh -c '! command -v mvn && ! command -v javac && [ ! -e /opt/jre/bin/javac ] && [ ! -e /src ]'

# A test server on the host's loopback (chroot isolation shares the host's network).
mvn -B -q -DskipTests package >/dev/null 2>&1
cp target/crawler.jar "$CACHE/host-crawler.jar"
java -jar "$CACHE/host-crawler.jar" serve --port 0 >"$work/serve.txt" 2>&1 &
serve_pid=$!
for _ in $(seq 50); do grep -q "http://" "$work/serve.txt" && break; sleep 0.2; done
base_url=$(grep -o 'http://[0-9.:]*' "$work/serve.txt" | head -1)
note "host test server: $base_url"

printf '%s\n' "$base_url/bytes/1000?seed=1 a.bin" "$base_url/bytes/70000?seed=2 b.bin" >"$work/urls.txt"
in_image fetch -q -o out urls.txt >"$work/fetch.txt" 2>&1
check "fetch inside the container exits 0" test $? -eq 0
check "files saved in the mounted directory" test -s "$work/out/a.bin" -a "$(stat -c %s "$work/out/b.bin" 2>/dev/null)" = 70000
check "files owned by the image's user ($UID_IN_IMAGE)" test "$(stat -c %u "$work/out/a.bin" 2>/dev/null)" = "$UID_IN_IMAGE"
cmp -s "$work/out/a.bin" <(curl -s "$base_url/bytes/1000?seed=1")
check "bytes as served" test $? -eq 0

# crawl: its frontier is RocksDB, whose native library (in the image's cache, put there at build) must load
# in the jlink'ed runtime as the image's user; its state goes in the mounted directory.
in_image crawl -q -l 1 --no-sitemaps -o crawl-out "$base_url/site/10x3/" >"$work/crawl.txt" 2>&1
crawl_rc=$?
check "crawl inside the container exits 0 ($(head -c 200 "$work/crawl.txt" | tr '\n' ' '))" test "$crawl_rc" -eq 0
check "crawl saved the site's root and its three children" \
  test -s "$work/crawl-out/127.0.0.1_${base_url##*:}/site/10x3/index.html" -a -s "$work/crawl-out/127.0.0.1_${base_url##*:}/site/10x3/p/3.html"
check "crawl kept its state (RocksDB) in the output directory" test -s "$work/crawl-out/.crawl-state/CURRENT"

# https: BoringSSL (netty-tcnative, its library unpacked to /tmp at start) must load in the jlink'ed
# runtime as the image's user, or the crawler would fall back to the JDK's TLS without a word but
# -v's. Against `openssl s_server -WWW` on the host's loopback, with a certificate made here.
mkdir -p "$work/tls/www"
head -c 50000 /dev/urandom >"$work/tls/www/c.bin"
if openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$work/tls/key.pem" -out "$work/ca.pem" >/dev/null 2>&1; then
  (cd "$work/tls/www" && exec timeout 120 openssl s_server -WWW -accept 127.0.0.1:0 \
    -cert "$work/ca.pem" -key "$work/tls/key.pem" >"$work/tls/s_server.txt" 2>&1) &
  tls_pid=$!
  for _ in $(seq 50); do grep -q "^ACCEPT" "$work/tls/s_server.txt" && break; sleep 0.2; done
  tls_url="https://$(sed -n 's/^ACCEPT //p' "$work/tls/s_server.txt" | head -1)"
  note "host TLS server: $tls_url"
  printf '%s\n' "$tls_url/c.bin c.bin" >"$work/tls-urls.txt"
  in_image fetch -v --retries 0 --cacert ca.pem -o tls-out tls-urls.txt >"$work/tls/fetch.txt" 2>&1
  check "https fetch inside the container exits 0" test $? -eq 0
  cmp -s "$work/tls-out/c.bin" "$work/tls/www/c.bin"
  check "https bytes as served" test $? -eq 0
  check "https through BoringSSL ($(grep -o 'TLS: .*' "$work/tls/fetch.txt" | head -1))" \
    grep -q "TLS: .*(netty-tcnative)" "$work/tls/fetch.txt"
  check "br and zstd decoders load as the image's user ($(grep -o 'content codings: .*' "$work/tls/fetch.txt" | head -1))" \
    grep -q "content codings: gzip, deflate, br, zstd" "$work/tls/fetch.txt"
  kill "$tls_pid" 2>/dev/null
else
  fail "openssl could not make a test certificate"
fi

# serve: the image sets CRAWLER_BIND=0.0.0.0 and EXPOSEs 8080, so `docker run -p 8080:8080 IMAGE
# serve` reaches it. With the host's network (chroot isolation), listening on every address shows as
# answering on 127.0.0.2, which a loopback-only bind (127.0.0.1) refuses.
exposed=$(buildah inspect --format '{{.OCIv1.Config.ExposedPorts}}' "$IMAGE")
check "port 8080 exposed ($exposed)" grep -q "8080" <<<"$exposed"
in_image serve --port 0 >"$work/image-serve.txt" 2>&1 &
image_serve_pid=$!
for _ in $(seq 50); do grep -q "http://" "$work/image-serve.txt" && break; sleep 0.2; done
image_port=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/image-serve.txt" | head -1 | sed 's/.*://')
check "serve in the image listens on every address ($(tr '\n' ' ' <"$work/image-serve.txt"))" \
  curl -sf -o /dev/null "http://127.0.0.2:${image_port:-1}/bytes/10"
kill "$image_serve_pid" 2>/dev/null
pkill -U "$UID_IN_IMAGE" -f "crawler.jar serve --port 0" 2>/dev/null # buildah run does not pass its signal on
# The jar carries no QUIC/HTTP3 natives (netty-all's quiche, 12 MB of the jar before they were left out).
check "no QUIC natives in the jar" sh -c "! unzip -l '$CACHE/host-crawler.jar' | grep -q quiche"

in_image fetch -q --retries 0 -o out "$base_url/status/404" >/dev/null 2>&1
check "a failed URL exits 1, as outside" test $? -eq 1
in_image fetch -q -o /proc/forbidden "$base_url/bytes/1" >/dev/null 2>&1
check "an unwritable output directory exits 3, as outside" test $? -eq 3

if [ "${DEMO:-1}" = 1 ]; then
  in_image demo >"$work/demo.txt" 2>&1
  check "demo exits 0" test $? -eq 0
  check "demo prints the comparison table" grep -q "speed-up" "$work/demo.txt"
fi

if [ "$failures" -eq 0 ]; then
  echo "check-container: all steps passed"
else
  echo "check-container: $failures step(s) failed"
  exit 1
fi
