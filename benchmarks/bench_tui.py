"""How the review TUI copes with a large report: opening, scrolling, filtering, deciding.

Run:  .venv/bin/python benchmarks/bench_tui.py [--findings 10000] [--size 120x40]

How it measures: a synthetic Report (N findings over N/5 articles, two claims each, every
kind and status present) is built in memory, so the numbers are the TUI's own, not the
pipeline's. The app runs headless under Textual's Pilot (`App.run_test`), exactly as the
tests drive it. Each figure is wall-clock time from the key press until Pilot's
`pause()` returns, i.e. until the app has processed the key and every message it caused
and repainted: what a reviewer would wait for.

- open: `ReviewApp(report=…)` until the findings list is on screen (index built, first
  rows painted);
- scroll: `down` ×200 and `pagedown` ×50, per key;
- search: typing a six-letter word, one key at a time (each key re-filters all rows);
- filter: cycling the status filter and the kind filter, per key;
- sort: cycling the sort column, per key;
- decide: confirming a finding (decisions file written atomically under its lock), per key;
- idle key: an unbound key, i.e. Pilot's own round trip, to subtract from the others.

Then the functions behind those keys are timed directly (no Pilot): indexing the report,
filtering, searching, sorting all rows, and painting the visible rows of the list.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factlint.checker.model import Claim, Document, Finding, Report  # noqa: E402

SUBJECTS = ["Alibaba", "Hafen Nord", "Elster bridge", "Stadtwerke", "Qwen app", "Tencent", "budget 2027", "Bahn"]
MEASURES = ["cost", "revenue", "share price", "users", "capacity", "turnout", "death toll", "budget"]
KINDS = ["conflict", "drift", "agreement", "inconsistency"]
STATUSES = ["open", "open", "open", "confirmed", "dismissed"]


def synthetic_report(n_findings: int) -> Report:
    n_docs = max(2, n_findings // 5)
    docs = []
    for d in range(n_docs):
        text = (f"Article {d}: the project will cost {d % 90 + 10} million euros, officials said.\n"
                f"Its revenue rose {d % 17 + 1.5} percent to {d % 70 + 5} million euros in 2025.\n")
        docs.append(Document(id=f"a{d:05}.md", path=f"a{d:05}.md", text=text, scan=text, title=f"Story {d}",
                             published=dt.date(2026, 1, 1) + dt.timedelta(days=d % 300)))
    claims: list[Claim] = []
    findings: list[Finding] = []
    for i in range(n_findings):
        pair = []
        for side in (0, 1):
            doc = docs[(i + side * 7) % n_docs]
            surface = doc.text.split("cost ")[1].split(",")[0] if side == 0 else "million euros"
            start = doc.text.index(surface)
            c = Claim(id=f"c{i}-{side}", document=doc.path, start=start, end=start + len(surface), line=1,
                      surface=surface, kind="money", value=float(i % 97) * 1e6, unit="EUR",
                      low=float(i % 97) * 1e6 * 0.99, high=float(i % 97) * 1e6 * 1.01,
                      subject=SUBJECTS[i % len(SUBJECTS)], measure=MEASURES[(i // 3) % len(MEASURES)],
                      sentence=doc.text.split("\n")[0], sentence_start=0)
            claims.append(c)
            pair.append(c.id)
        kind = KINDS[i % len(KINDS)]
        findings.append(Finding(id=f"{i:012x}", kind=kind, code="FL101", name="money-conflict", severity="error",
                                claims=pair, subject=SUBJECTS[i % len(SUBJECTS)],
                                measure=MEASURES[(i // 3) % len(MEASURES)],
                                status=STATUSES[i % len(STATUSES)] if kind != "agreement" else "open",
                                message=f"finding {i}: the two amounts differ"))
    return Report(documents=docs, claims=claims, findings=findings)


async def timed_keys(pilot, keys: list[str]) -> list[float]:
    out = []
    for key in keys:
        t = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        out.append(time.perf_counter() - t)
    return out


def line(name: str, samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return (f"  {name:<8} n={len(ms):<4} median {statistics.median(ms):7.1f} ms   "
            f"p95 {sorted(ms)[int(len(ms) * 0.95) - 1 if len(ms) > 1 else 0]:7.1f} ms   max {max(ms):7.1f} ms")


async def run(n_findings: int, size: tuple[int, int]) -> None:
    from factlint.tui.app import ReviewApp
    from factlint.tui.screens.findings import FindingsScreen

    t = time.perf_counter()
    report = synthetic_report(n_findings)
    built = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        app = ReviewApp(report=report, decisions=Path(tmp) / "decisions.json")
        async with app.run_test(size=size) as pilot:
            while not isinstance(app.screen, FindingsScreen):
                await pilot.pause()
            await pilot.pause()
            opened = time.perf_counter() - t
            app.findings_screen.set_filters(status=None)
            await pilot.pause()
            idle = await timed_keys(pilot, ["z"] * 50)  # an unbound key: Pilot's own round trip
            scroll = await timed_keys(pilot, ["down"] * 200 + ["pagedown"] * 50)
            await pilot.press("slash")
            search = await timed_keys(pilot, list("euroso"))
            await pilot.press("ctrl+u", "enter")
            filters = await timed_keys(pilot, ["f"] * 8 + ["t"] * 10)
            await pilot.press("ctrl+l")
            sort = await timed_keys(pilot, ["s"] * 14)
            decide = await timed_keys(pilot, ["c"] * 30)
            shown = len(app.findings_screen.findings_list.order)
            direct = direct_costs(app)
    print(f"review TUI, {n_findings} findings, {len(report.claims)} claims, {len(report.documents)} articles, "
          f"terminal {size[0]}x{size[1]}")
    print(f"  synthetic report built in {built * 1000:.0f} ms (not part of the TUI)")
    print(f"  open     {opened * 1000:7.1f} ms until the list is on screen")
    for name, samples in [("idle key", idle), ("scroll", scroll), ("search", search), ("filter", filters), ("sort", sort),
                          ("decide", decide)]:
        print(line(name, samples))
    print(f"  ({shown} rows shown at the end)")
    print("  the app's own work, timed directly (no Pilot round trip):")
    for name, ms in direct.items():
        print(f"    {name:<34} {ms:7.2f} ms")


def direct_costs(app) -> dict[str, float]:
    """Median wall time of the functions behind the keys, called directly."""
    from factlint.tui.rows import Filters, FindingIndex

    fs = app.findings_screen
    lst = fs.findings_list
    index = app.index

    def median_ms(fn, n: int = 5) -> float:
        times = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        return statistics.median(times)

    return {
        "index the report (once, at open)": median_ms(lambda: FindingIndex(index.report), 3),
        "filter: status + kind": median_ms(lambda: index.view(Filters(status="open", kind="drift"))),
        "search: two words": median_ms(lambda: index.view(Filters(status=None, query="euros hafen"))),
        "sort: by story": median_ms(lambda: index.view(Filters(status=None), "story")),
        "paint every visible row of the list": median_ms(
            lambda: [lst.render_line(y) for y in range(lst.size.height)]),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--findings", type=int, default=10_000)
    p.add_argument("--size", default="120x40", help="terminal COLUMNSxROWS")
    args = p.parse_args()
    cols, rows = (int(x) for x in args.size.lower().split("x"))
    asyncio.run(run(args.findings, (cols, rows)))


if __name__ == "__main__":
    main()
