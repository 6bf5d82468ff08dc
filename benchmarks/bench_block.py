"""How the comparison inside one block grows with the figures per document.

Generates a story of 30 articles, each stating K figures of one measure (a branch's revenue,
numbered), so that every figure of every article lands in one block, and runs
`factlint check DIR --format json --no-cache` on it in a child process for each K (wall-clock
time, against the target of 10 s at K=200). Doubling K should
roughly double the time (linear); a factor near four points at pairing all figures with all.

    python benchmarks/bench_block.py                  # K = 50, 100, 200
    python benchmarks/bench_block.py --sizes 100,400
"""

from __future__ import annotations

import argparse
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLES = 30
TARGET_K, TARGET_SECONDS = 200, 10.0  # issue 13: 30 articles x K=200 figures of one measure in 10 s


def write_story(folder: Path, k: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    for a in range(ARTICLES):
        lines = ["---", f"published: 2026-03-{1 + a % 28:02d}", "lang: de", "---", ""]
        for i in range(k):
            lines.append(f"Die Filiale Nummer {i} meldete einen Umsatz von {rng.randint(100, 999)} Millionen Euro.")
        (folder / f"a{a:02d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(folder: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the child's and its workers') of one check."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "factlint.checker.cli", "check", str(folder), "--format", "json",
                             "--output", str(folder / "report.json"), "--no-cache"], stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,100,200", help="figures per article, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"{'K':>6} {'figures':>8} {'seconds':>9} {'CPU s':>8}")
    times = []
    for k in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_story(folder, k)
            wall, cpu = run(folder)
            times.append(wall)
        print(f"{k:>6} {k * ARTICLES:>8} {wall:>9.2f} {cpu:>8.2f}", flush=True)
    for (k1, t1), (k2, t2) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
        exponent = math.log(t2 / t1) / math.log(k2 / k1)
        print(f"K {k1} -> {k2}: time x{t2 / t1:.2f} (growth exponent {exponent:.2f}; 1 is linear, 2 quadratic)")
    if TARGET_K in sizes:
        seconds = times[sizes.index(TARGET_K)]
        verdict = "met" if seconds <= TARGET_SECONDS else "MISSED"
        print(f"target: K={TARGET_K} in <= {TARGET_SECONDS:.0f} s: {seconds:.2f} s ({verdict}; load average "
              f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
