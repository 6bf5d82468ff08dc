"""How `check` grows with the number of figures in one sentence, and a 5 MB single line.

A sentence of N figures (a long table row, minified HTML, a scraped list without full
stops) is generated from clauses that carry every kind of context cue: measures, a
rival, a comparator, a ratio word, a conversion in parentheses, a region, a year. Each
size runs the pipeline's `check` in this process, after a warm-up run that loads the
rule packs, lemmas and word frequencies once. Doubling N should roughly double the time
(linear); a factor near four points at comparing every figure of the sentence with every
other one.

Then one line of about 5 MB holding about 190 000 numbers, as `factlint check FILE` in a
child process, start-up included, without the cache (issue 10 asks for under 20 s): with
every core (the default `--jobs`, pieces of the line on each, checker/engine/pieces.py) and
with `--jobs 1`, each as wall time and CPU time (all processes), beside the machine's load
(a shared machine's other work slows the wall time, not the CPU time).

    python benchmarks/bench_sentence.py                     # N = 1000, 2000, 4000, 8000, then 5 MB
    python benchmarks/bench_sentence.py --sizes 500,1000 --no-line
    python benchmarks/bench_sentence.py --line-only --format json   # the 5 MB line only, writing the JSON report
"""

from __future__ import annotations

import argparse
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINE_TARGET = 20.0  # seconds of wall time for the 5 MB line (issue 10)

CLAUSES = (
    "der Umsatz stieg um {a} Prozent auf {b} Millionen Euro",
    "Konkurrent Taiming meldete {a} Kunden in Österreich",
    "die Kosten lagen mit {b} Mio. Euro (rund {c} Mio. Dollar) höher als bei Huoshan ({a} Mio. Euro)",
    "im Vorjahr waren es doppelt so viele wie {a} Filialen",
    "die Brücke ist {a} Meter lang und kostet {b} Euro je Tonne",
    "am {d}. März 2025 zählte man {a} Besucher",
    "revenue rose {a}% to ${b} billion in 2024",
)


def sentence(n_claims: int, seed: int = 1) -> str:
    """One sentence (commas, no full stop) of about `n_claims` figures."""
    rng = random.Random(seed)
    parts, count = [], 0
    while count < n_claims:
        clause = CLAUSES[len(parts) % len(CLAUSES)]
        parts.append(clause.format(a=rng.randint(2, 99), b=rng.randint(100, 999), c=rng.randint(100, 999),
                                   d=rng.randint(1, 28)))
        count += clause.count("{")
    return "Laut Bericht " + ", ".join(parts) + "\n"


def single_line(size: int = 5_000_000, seed: int = 2) -> tuple[str, int]:
    """About `size` characters on one line: numbers with a few words between them."""
    rng = random.Random(seed)
    words = ("Umsatz", "Kosten", "Kunden", "Euro", "Prozent", "und", "bei", "im", "Jahr")
    out, numbers, length = [], 0, 0
    while length < size:
        piece = f"{rng.choice(words)} {rng.randint(1, 999_999)} {rng.choice(words)} {rng.choice(words)},"
        out.append(piece)
        numbers += 1
        length += len(piece) + 1
    return " ".join(out) + "\n", numbers


def run_here(path: Path) -> float:
    from factlint.checker.pipeline import check

    start = time.perf_counter()
    check([path])
    return time.perf_counter() - start


def run(path: Path, fmt: str = "full", jobs: int | None = None) -> tuple[float, float]:
    """`factlint check path` in a child process without the cache: (wall, CPU) seconds."""
    command = [sys.executable, "-m", "factlint.checker.cli", "check", str(path), "--format", fmt]
    if fmt != "full":
        command += ["--output", str(path.parent / f"report.{fmt}")]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=False, env={**os.environ, "FACTLINT_NO_CACHE": "1"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def article(folder: Path, body: str) -> Path:
    path = folder / "a.md"
    path.write_text("---\npublished: 2026-03-02\nlang: de\n---\n\n" + body, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000", help="figures per sentence, comma-separated")
    parser.add_argument("--no-line", action="store_true", help="skip the 5 MB single line")
    parser.add_argument("--line-only", action="store_true", help="only the 5 MB single line")
    parser.add_argument("--format", default="full", help="the report format of the 5 MB line's check (default full)")
    args = parser.parse_args()
    if not args.line_only:
        sentences(args)
    if not args.no_line:
        text, numbers = single_line()
        print(f"one line of {len(text.encode()) / 1e6:.1f} MB with {numbers} numbers, `factlint check "
              f"--format {args.format}` (target: under {LINE_TARGET:.0f} s wall):")
        with tempfile.TemporaryDirectory() as tmp:
            path = article(Path(tmp), text)
            for jobs in (None, 1):
                load = os.getloadavg()[0]
                wall, cpu = run(path, args.format, jobs)
                print(f"  {'--jobs 1' if jobs else 'every core':>10}: {wall:6.2f} s wall, {cpu:6.2f} s CPU "
                      f"(load average before: {load:.1f} on {os.cpu_count()} cores): "
                      f"{'within' if wall < LINE_TARGET else 'over'} the target")


def sentences(args) -> None:
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        run_here(article(Path(tmp), sentence(50)))  # warm-up: rules, lemmas, frequencies
    print(f"{'N':>6} {'seconds':>9} {'ms/figure':>10}")
    times = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            times.append(run_here(article(Path(tmp), sentence(n))))
        print(f"{n:>6} {times[-1]:>9.2f} {1000 * times[-1] / n:>10.3f}")
    for (n1, t1), (n2, t2) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
        exponent = math.log(t2 / t1) / math.log(n2 / n1)
        print(f"N {n1} -> {n2}: time x{t2 / t1:.2f} (growth exponent {exponent:.2f}; 1 is linear, 2 quadratic)")


if __name__ == "__main__":
    main()
