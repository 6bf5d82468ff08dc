"""An archive on the Dask engine beside the local run: throughput, peak memory, same report.

Generates an archive of news-like articles (bench_check's generator: stories of two to five
articles, German and English), then runs `factlint check ARCHIVE --engine dask` (a local
cluster of one worker per core, started by factlint) and `factlint check ARCHIVE` (the local
process pool), each a first run with the cache (emptied before it: the workers write the
articles' entries and compare the stories from there, so that neither client holds the
archive's claims; `--no-cache` runs both without it), and prints for each the wall-clock time, articles per
second, the peak memory of factlint with all its worker processes (proportional set size,
so pages they share count once) and their CPU time. Last, whether the two reports hold the same findings with
the same ids.

    python benchmarks/bench_archive.py                   # 200 000 articles (about 480 MB of text)
    python benchmarks/bench_archive.py --articles 20000  # a smaller archive
    python benchmarks/bench_archive.py --keep /tmp/archive --only dask
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import LAST_CPU, Abort, clear_cache, generate, run_check  # noqa: E402


def findings(report: Path) -> tuple[list[tuple], int]:
    """(id, code, claims) of each finding of a JSON report, sorted, and its number of claims.
    The report of a large archive runs to gigabytes (about 27 KB per article): it is read line by
    line, its claims counted (each opens a line of its own at four spaces) and only its
    findings decoded."""
    section, claims, found = None, 0, []
    with report.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith('  "'):
                section = line[3:line.index('"', 3)]
                if section == "findings" and not line.rstrip().endswith("[]"):
                    found.append("[")
                continue
            if section == "claims" and line == "    {\n":
                claims += 1
            elif section == "findings" and found:
                found.append(line)
    data = json.loads("".join(found).rstrip().rstrip(",")) if found else []
    return sorted((f["id"], f["code"], tuple(f["claims"])) for f in data), claims


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=200_000, help="articles in the archive (default: %(default)s)")
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--keep", metavar="DIR", help="generate into DIR (reused when it holds the archive) and keep it")
    p.add_argument("--only", choices=("dask", "local"), help="run one engine only")
    p.add_argument("--timeout", type=float, default=4 * 3600)
    p.add_argument("--max-memory-mb", type=int, default=20000, help="address-space cap of each process (MB)")
    p.add_argument("--no-cache", action="store_true",
                   help="run both engines without the cache (the client then holds every claim of the archive)")
    args = p.parse_args(argv)

    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="factlint-archive-"))
    archive = base / f"archive-{args.articles}"
    try:
        if not archive.exists():
            archive.mkdir(parents=True)
            nbytes = generate(archive, args.articles, args.seed)
        else:
            nbytes = sum(f.stat().st_size for f in archive.rglob("*") if f.is_file() and ".factlint" not in f.parts)
        (archive / ".factlint").mkdir(exist_ok=True)  # the archive is a corpus root: its cache is .factlint/cache/
        print(f"archive: {args.articles} articles, {nbytes / 1e6:.0f} MB")
        print(f"{'engine':>8} {'seconds':>9} {'art/s':>8} {'peak MB':>8} {'claims':>9} {'findings':>9} {'CPU s':>8}")
        results = {}
        for engine in ("dask", "local"):
            if args.only and engine != args.only:
                continue
            out = base / f"report-{engine}.json"
            extra = ("--no-cache",) * args.no_cache + ("--engine", engine)
            clear_cache(archive)  # a first run on each engine
            try:
                seconds, peak, _ = run_check(archive, out, None, args.timeout, args.max_memory_mb, extra)
            except Abort as exc:
                print(f"{engine:>8}  {exc}", flush=True)
                continue
            results[engine], claims = findings(out)
            print(f"{engine:>8} {seconds:>9.1f} {args.articles / seconds:>8.0f} {peak:>8.0f} {claims:>9} "
                  f"{len(results[engine]):>9} {LAST_CPU[0]:>8.1f}", flush=True)
        if len(results) == 2:
            same = results["dask"] == results["local"]
            print("same findings and ids on both engines" if same else "THE ENGINES DISAGREE")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
