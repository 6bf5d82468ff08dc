"""`factlint check` on one tiny file: the cost of starting up.

Runs `factlint check FILE` on a one-sentence article in a fresh process, first without the
cache (imports, rule set, patterns compiled, lemmatizer and word frequencies loaded), then
from the cache (the claims and findings of an unchanged file read back), and prints the
median wall-clock time and the median CPU time (user + system) of each. On a busy machine
the CPU time is the steadier figure.

The children run as an installed tool does: with the bytecode of factlint's modules written
once and read from then on. PYTHONDONTWRITEBYTECODE (which some sandboxes and containers set)
is dropped from their environment, and a first run, not counted, writes that bytecode;
without it every child would compile factlint's sources again (about 0.1 s).

    python benchmarks/bench_startup.py            # 7 runs of each
    python benchmarks/bench_startup.py --runs 15
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 0.3  # issue 13: `check` on one tiny file
ARTICLE = "---\ntitle: Results\npublished: 2026-03-04\nlang: en\n---\n\nRevenue rose 4.2% to 5.1 billion euros on Tuesday.\n"


# The children's environment: bytecode may be written, as for an installed tool (see above).
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "tiny.md"
        article.write_text(ARTICLE, encoding="utf-8")
        (Path(tmp) / ".factlint").mkdir()  # a corpus root: the cache lives beside the article, not in ~/.cache
        base = [sys.executable, "-m", "factlint.checker.cli", "check", str(article)]
        print(f"{'run':>22} {'wall s':>8} {'CPU s':>8}")
        run(base + ["--no-cache"])  # writes the bytecode of every module a check imports (not counted)
        cached = 0.0
        for label, extra in (("without the cache", ["--no-cache"]), ("from the cache", [])):
            if not extra:
                run(base)  # fill the cache
            times = [run(base + extra) for _ in range(args.runs)]
            wall = statistics.median(t[0] for t in times)
            cpu = statistics.median(t[1] for t in times)
            cached = wall
            print(f"{label:>22} {wall:>8.2f} {cpu:>8.2f}", flush=True)
        bare = [run([sys.executable, "-c", "pass"]) for _ in range(args.runs)]
        print(f"{'python -c pass':>22} {statistics.median(t[0] for t in bare):>8.2f} "
              f"{statistics.median(t[1] for t in bare):>8.2f}")
        verdict = "met" if cached <= TARGET_SECONDS else "MISSED"
        print(f"target: one tiny file (an unchanged re-check) in <= {TARGET_SECONDS} s: {cached:.2f} s ({verdict}; "
              f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
