#!/usr/bin/env python3
"""A real site nobody here wrote: the JDK 17 API docs (Debian's openjdk-17-doc: 10,137 pages,
287 MB) served by nginx on loopback, crawled whole by `crawler crawl` and by wget2 at the same
concurrency, in turns, each run into an empty directory on the same filesystem. Prints and writes
(bench/results/realsite.md) wall time, CPU and peak RSS side by side, and checks that both saved
the same files (wget2 keeps '?' in a name where we write '@'; every other difference is listed).

Usage: bench/realsite.py [--runs N] [--concurrency 64,5] [--site DIR] [--work DIR]
Root installs what is missing (nginx-light, wget2, openjdk-17-doc, time) with apt-get. Installing
openjdk-17-doc upgrades the JDK packages, which makes a class-data archive built before it useless
(the JVM ignores it silently): the jar and its archive are rebuilt when the archive does not load.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tools import need, timed

ROOT = Path(__file__).resolve().parent.parent
SITE = Path("/usr/share/doc/openjdk-17-jre-headless/api")
PORT = 18193


def archive_loads():
    jsa = ROOT / "target/crawler.jsa"
    jar = ROOT / "target/crawler.jar"
    if not jsa.exists() or not jar.exists():
        return False
    ran = subprocess.run(["java", "-Xshare:on", f"-XX:SharedArchiveFile={jsa}", "-cp", str(jar), "-version"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return ran.returncode == 0


def nginx(site, work):
    conf = work / "nginx.conf"
    conf.write_text(f"""
worker_processes 2;
error_log {work}/nginx-error.log warn;
pid {work}/nginx.pid;
events {{ worker_connections 4096; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  server {{ listen 127.0.0.1:{PORT}; root {site}; }}
}}
""")
    server = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(work), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return server


def files(root, ours):
    names = set()
    for dirpath, dirnames, filenames in os.walk(root):
        if ".crawl-state" in dirnames:
            dirnames.remove(".crawl-state")
        for f in filenames:
            name = str(Path(dirpath, f).relative_to(root))
            names.add(name if ours else name.replace("?", "@"))
    return names


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--concurrency", default="64,5")
    p.add_argument("--site", type=Path, default=SITE)
    p.add_argument("--work", type=Path, default=Path("/dev/shm/crawler-realsite")
                   if shutil.disk_usage("/dev/shm").free > 2 << 30 else ROOT / "bench/results/realsite-work")
    args = p.parse_args()
    if os.geteuid() == 0:
        need([("nginx-light", shutil.which("nginx")), ("wget2", shutil.which("wget2")),
              ("openjdk-17-doc", (args.site / "index.html").exists()), ("time", Path("/usr/bin/time").exists())])
    if not (args.site / "index.html").exists():
        sys.exit(f"realsite: no site at {args.site} (apt-get install openjdk-17-doc)")
    if not archive_loads():
        print("realsite: building the jar and its class-data archive (the JDK changed, or none is built)", file=sys.stderr)
        subprocess.run(["mvn", "-B", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    server = nginx(args.site, args.work)
    seed = f"http://127.0.0.1:{PORT}/index.html"
    rows = []
    try:
        for c in [int(x) for x in args.concurrency.split(",")]:
            tools = {
                "wget2": lambda out: ["wget2", "-q", "-r", "-l", "0", "--no-parent", "--max-threads", str(c), "-P", str(out), seed],
                "crawler": lambda out: [str(ROOT / "crawler"), "crawl", "-q", "-l", "0", "--no-parent", "-c", str(c),
                                        "--per-host", str(c), "-o", str(out), seed],
            }
            runs = {t: [] for t in tools}
            saved = {}
            for r in range(args.runs):
                order = list(tools) if r % 2 == 0 else list(reversed(tools))  # in turns: neither always after a delete
                for tool in order:
                    out = args.work / f"{tool}-out"
                    shutil.rmtree(out, ignore_errors=True)
                    runs[tool].append(timed(tools[tool](out), args.work / f"{tool}.log"))
                    host = out / ("127.0.0.1" if tool == "wget2" else f"127.0.0.1_{PORT}")
                    saved[tool] = files(host, tool == "crawler")
            only_ours = sorted(saved["crawler"] - saved["wget2"])
            only_theirs = sorted(saved["wget2"] - saved["crawler"])
            for tool, results in runs.items():
                rows.append((c, tool, statistics.median(x[0] for x in results), statistics.median(x[1] for x in results),
                             max(x[2] for x in results), len(saved[tool]), sorted({x[3] for x in results})))
            rows.append((c, "same files", not only_ours and not only_theirs, only_ours[:5], only_theirs[:5], None, None))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(args.work, ignore_errors=True)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    lines = [f"# Real site: JDK 17 API docs ({args.site}), nginx on loopback, {args.runs} runs each, in turns",
             "", f"{java}; output on {args.work.parent}; median wall and CPU, the largest peak RSS.", "",
             "| -c | tool | wall s | CPU s | peak RSS MB | files | exit codes |", "|---|---|---|---|---|---|---|"]
    for row in rows:
        if row[1] == "same files":
            same = "yes" if row[2] else f"no: only ours {row[3]}, only wget2's {row[4]}"
            lines.append(f"| {row[0]} | same set of files | {same} | | | | |")
        else:
            lines.append(f"| {row[0]} | {row[1]} | {row[2]:.2f} | {row[3]:.2f} | {row[4]:.0f} | {row[5]} | {row[6]} |")
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "bench/results").mkdir(exist_ok=True)
    (ROOT / "bench/results/realsite.md").write_text(text)
    return 0 if all(r[2] for r in rows if r[1] == "same files") else 1


if __name__ == "__main__":
    sys.exit(main())
