"""How the comparison inside one block grows with the figures per document.

Generates a story of 30 articles, each stating K figures of one measure (a branch's revenue,
numbered), so that every figure of every article lands in one block, and runs
`factlint check DIR --format json` on it in a child process for each K. Doubling K should
roughly double the time (linear); a factor near four points at pairing all figures with all.

    python benchmarks/bench_block.py                  # K = 50, 100, 200
    python benchmarks/bench_block.py --sizes 100,400
"""

from __future__ import annotations

import argparse
import math
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLES = 30


def write_story(folder: Path, k: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    for a in range(ARTICLES):
        lines = ["---", f"published: 2026-03-{1 + a % 28:02d}", "lang: de", "---", ""]
        for i in range(k):
            lines.append(f"Die Filiale Nummer {i} meldete einen Umsatz von {rng.randint(100, 999)} Millionen Euro.")
        (folder / f"a{a:02d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factlint.checker.cli", "check", str(folder), "--format", "json",
                    "--output", str(folder / "report.json")], stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,100,200", help="figures per article, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"{'K':>6} {'figures':>8} {'seconds':>9}")
    times = []
    for k in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_story(folder, k)
            times.append(run(folder))
        print(f"{k:>6} {k * ARTICLES:>8} {times[-1]:>9.2f}")
    for (k1, t1), (k2, t2) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
        exponent = math.log(t2 / t1) / math.log(k2 / k1)
        print(f"K {k1} -> {k2}: time x{t2 / t1:.2f} (growth exponent {exponent:.2f}; 1 is linear, 2 quadratic)")


if __name__ == "__main__":
    main()
