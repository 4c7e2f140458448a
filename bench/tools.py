"""What the benchmark scripts share: installing what they need, and timing a command."""
import os
import subprocess
from pathlib import Path


def need(packages):
    """Installs with apt-get the packages of (name, present) pairs that are not present."""
    missing = [p for p, present in packages if not present]
    if missing:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)


def timed(command, log, cwd=None):
    """Runs command under /usr/bin/time, its output into log: (wall s, cpu s, peak RSS MB, exit code)."""
    with open(log, "w") as out:
        code = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M", *command], stdout=out, stderr=subprocess.STDOUT,
                              cwd=cwd).returncode
    line = [l for l in Path(log).read_text().splitlines() if l.startswith("TIME ")][-1].split()
    return float(line[1]), float(line[2]) + float(line[3]), int(line[4]) / 1024, code
