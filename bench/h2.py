#!/usr/bin/env python3
"""Many small files from one origin over TLS: HTTP/2 against HTTP/1.1, ours against curl and wget2.

nginx on loopback serves N files of 2 KiB over TLS with h2 and http/1.1 (a CA and certificate made
here); each tool fetches all of them at the same concurrency, in turns, each run into an empty
directory: `crawler fetch` over h2 and with --http1.1, `curl -Z` with --http2 and --http1.1
(its parallel mode multiplexes h2), and wget2 (h2 by default). Prints and writes
(bench/results/h2.md) median wall time, CPU and the largest peak RSS, and checks every tool saved
every file with the bytes served.

Usage: bench/h2.py [--files 10000] [--runs 3] [--concurrency 64]
Root installs what is missing (nginx-light, wget2, curl, time) with apt-get.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tools import need, timed

ROOT = Path(__file__).resolve().parent.parent
PORT = 18443
SIZE = 2048


def certificate(work):
    key, cert = work / "key.pem", work / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return key, cert


def nginx(site, work, key, cert):
    conf = work / "nginx.conf"
    conf.write_text(f"""
worker_processes 2;
error_log {work}/nginx-error.log warn;
pid {work}/nginx.pid;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  server {{ listen 127.0.0.1:{PORT} ssl http2; ssl_certificate {cert}; ssl_certificate_key {key}; root {site}; }}
}}
""")
    server = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(work), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return server


def same_files(site, out, count):
    """How many of the served files are in out (anywhere below it), byte for byte."""
    found = {}
    for dirpath, _, filenames in os.walk(out):
        for f in filenames:
            found[f] = Path(dirpath, f)
    return sum(1 for i in range(count)
               if f"f{i}.bin" in found and found[f"f{i}.bin"].read_bytes() == (site / f"f{i}.bin").read_bytes())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--files", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--work", type=Path, default=Path("/dev/shm/crawler-h2")
                   if shutil.disk_usage("/dev/shm").free > 1 << 30 else ROOT / "bench/results/h2-work")
    args = p.parse_args()
    if os.geteuid() == 0:
        need([("nginx-light", shutil.which("nginx")), ("wget2", shutil.which("wget2")), ("curl", shutil.which("curl")),
              ("time", Path("/usr/bin/time").exists())])
    if not (ROOT / "target/crawler.jar").exists():
        subprocess.run(["mvn", "-B", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
    shutil.rmtree(args.work, ignore_errors=True)
    site = args.work / "site"
    site.mkdir(parents=True)
    os.chmod(args.work, 0o755)
    for i in range(args.files):
        (site / f"f{i}.bin").write_bytes(os.urandom(SIZE))
    key, cert = certificate(args.work)
    base = f"https://127.0.0.1:{PORT}/"
    urls = args.work / "urls.txt"
    urls.write_text("".join(f"{base}f{i}.bin\n" for i in range(args.files)))
    curl_config = args.work / "curl.txt"
    curl_config.write_text("".join(f'url = "{base}f{i}.bin"\noutput = "f{i}.bin"\n' for i in range(args.files)))
    c = str(args.concurrency)
    tools = {
        "crawler h2": lambda out: [str(ROOT / "crawler"), "fetch", "-q", "-c", c, "--cacert", str(cert), "-o", str(out), "-i", str(urls)],
        "crawler http1.1": lambda out: [str(ROOT / "crawler"), "fetch", "-q", "--http1.1", "-c", c, "--cacert", str(cert),
                                        "-o", str(out), "-i", str(urls)],
        "curl h2": lambda out: ["curl", "-s", "-Z", "--parallel-max", c, "--http2", "--cacert", str(cert), "-K", str(curl_config)],
        "curl http1.1": lambda out: ["curl", "-s", "-Z", "--parallel-max", c, "--http1.1", "--cacert", str(cert), "-K", str(curl_config)],
        "wget2 h2": lambda out: ["wget2", "-q", "--max-threads", c, "--ca-certificate", str(cert), "-P", str(out), "-i", str(urls)],
    }
    server = nginx(site, args.work, key, cert)
    runs = {t: [] for t in tools}
    saved = {}
    try:
        for r in range(args.runs):
            order = list(tools) if r % 2 == 0 else list(reversed(tools))
            for tool in order:
                out = args.work / tool.replace(" ", "-")
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir()
                runs[tool].append(timed(tools[tool](out), args.work / f"{tool.replace(' ', '-')}.log", out))
                saved[tool] = same_files(site, out, args.files)
    finally:
        server.terminate()
        server.wait()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    curl = subprocess.run(["curl", "--version"], capture_output=True, text=True).stdout.split()[1]
    wget2 = subprocess.run(["wget2", "--version"], capture_output=True, text=True).stdout.split()[2]
    lines = [f"# HTTP/2 against HTTP/1.1: {args.files} x {SIZE} B over TLS from nginx on loopback, -c {c}",
             "", f"{java}; curl {curl}; wget2 {wget2}; {args.runs} runs each, in turns; median wall and CPU, the "
             f"largest peak RSS; files: saved with the bytes served.", "",
             "| tool | wall s | CPU s | peak RSS MB | files | exit codes |", "|---|---|---|---|---|---|"]
    for tool, results in runs.items():
        lines.append(f"| {tool} | {statistics.median(x[0] for x in results):.2f} | {statistics.median(x[1] for x in results):.2f}"
                     f" | {max(x[2] for x in results):.0f} | {saved[tool]} | {sorted({x[3] for x in results})} |")
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "bench/results").mkdir(exist_ok=True)
    (ROOT / "bench/results/h2.md").write_text(text)
    shutil.rmtree(args.work, ignore_errors=True)
    return 0 if all(n == args.files for n in saved.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
