"""Extraction throughput on news-like German and English text.

    python benchmarks/bench_extract.py [--mb 6] [--seed 7]

Generates a corpus of at least 5 MB (half German, half English) from sentence templates
with numbers, amounts, percentages, dates and quantities between plain prose (as dense
in figures as business news: about 11 000 digit runs per MB by default), then times
factlint's extraction (`checker.extract.extract`, the pipeline's own entry, one core) and,
over the same text in the same run, a bare `re.finditer(r"\\d+")` pass. Prints both in
MB/s of CPU time (what the target is stated in; on a shared machine wall-clock time also
counts the waits for a core, and is shown beside it) and their ratio. With `--dated` every
article has a published date, so relative dates are resolved too (articles with front
matter); without it they have none, as plain text files. A benchmark, not a test: nothing
here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import datetime as dt
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
TARGET_MB_S = 1.0

from factlint.checker.extract import extract, finders  # noqa: E402
from factlint.checker.ingest import parse_document  # noqa: E402
from factlint.rules.loader import load_pack  # noqa: E402

PROSE = {
    "de": [
        "Der Vorstand wollte sich zu den Plänen zunächst nicht äußern.",
        "Analysten sehen darin vor allem ein Signal an die Konkurrenz.",
        "Die Gewerkschaft kündigte Widerstand gegen die Pläne an.",
        "Im Umfeld des Unternehmens hieß es, man prüfe weitere Schritte.",
        "Kritiker bemängeln, dass die Zahlen kaum überprüfbar seien.",
        "Die Stadtverwaltung verwies auf laufende Gespräche mit dem Land.",
    ],
    "en": [
        "The board declined to comment on the plans on Tuesday.",
        "Analysts said the move was mainly a signal to rivals.",
        "Union leaders vowed to fight the proposal in the coming weeks.",
        "People familiar with the matter said further steps were under review.",
        "Critics argue that the figures are hard to verify independently.",
        "City officials pointed to ongoing talks with the state government.",
    ],
}

TEMPLATES = {
    "de": [
        "Der Konzern investiert {m} Milliarden Euro in ein neues Werk in {city}.",
        "Der Umsatz stieg im {q}. Quartal um {p},{d} Prozent auf {n}.{t} Mio. Euro.",
        "Rund {n} Menschen demonstrierten am {day}. {month_de} {year} in {city}.",
        "Die Aktie schloss bei {n},{d} € und lag damit {p},{d}% im Plus.",
        "Mehr als {n}.{t} Einheiten wurden bis Ende {month_de} ausgeliefert.",
        "Der Windpark soll {n} MW liefern und rund {m} Mrd. Kilowattstunden im Jahr erzeugen.",
        "Die Strecke ist {n},{d} Kilometer lang; geplant sind zwischen {m} und {n} Haltestellen.",
        "Zwei Drittel der Befragten erwarten steigende Preise, die Inflation lag bei {p},{d} %.",
        "Die Arbeitslosenquote sank um {p},{d} Prozentpunkte auf {p},{d} Prozent.",
        "Für das Projekt sind knapp {n} Millionen Dollar (etwa {n} Mio. Euro) eingeplant.",
    ],
    "en": [
        "The company will invest ${m} billion in a new plant in {city}.",
        "Revenue rose {p}.{d}% in the {q}th quarter to ${n},{t} million.",
        "About {n},{t} people marched in {city} on {month_en} {day}, {year}.",
        "Shares closed at {n}.{d} dollars, up {p}.{d} percent on the day.",
        "More than {n},{t} units had shipped by the end of {month_en}.",
        "The wind farm will deliver {n} MW and generate some {m} billion kWh a year.",
        "The line is {n}.{d} miles long and will have between {m} and {n} stations.",
        "Two-thirds of respondents expect prices to rise; inflation stood at {p}.{d} %.",
        "Unemployment fell {p}.{d} percentage points to {p}.{d} percent.",
        "The project is budgeted at nearly £{n} million (about €{n}m).",
    ],
}
CITIES = ["Aarhus", "Leipzig", "Utrecht", "Lyon", "Porto", "Graz", "Turku", "Gdansk"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def sentence(rng: random.Random, lang: str, figures: float) -> str:
    if rng.random() >= figures:
        return rng.choice(PROSE[lang])
    return rng.choice(TEMPLATES[lang]).format(
        m=rng.randint(1, 9), n=rng.randint(10, 999), t=f"{rng.randint(0, 999):03d}", d=rng.randint(0, 99),
        p=rng.randint(0, 40), q=rng.randint(1, 4), day=rng.randint(1, 28), year=rng.randint(2019, 2026),
        city=rng.choice(CITIES), month_de=rng.choice(MONTHS_DE), month_en=rng.choice(MONTHS_EN))


def corpus(mb: float, seed: int, figures: float = 0.25) -> dict[str, list[str]]:
    """Articles per language, about `mb` megabytes (UTF-8) in all."""
    rng = random.Random(seed)
    out: dict[str, list[str]] = {"de": [], "en": []}
    size = 0
    while size < mb * 1e6:
        for lang in out:
            paragraphs = ["\n".join(" ".join(sentence(rng, lang, figures) for _ in range(rng.randint(3, 6)))
                                    for _ in range(1)) for _ in range(rng.randint(6, 12))]
            article = "\n\n".join(paragraphs) + "\n"
            out[lang].append(article)
            size += len(article.encode("utf-8"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=6.0, help="corpus size in MB (at least 5)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dated", action="store_true", help="give every article a published date (2026-02-10)")
    ap.add_argument("--figures", type=float, default=0.25,
                    help="share of sentences with figures; 0.25 gives about 11 000 digit runs per MB, "
                         "close to the density of the articles in corpus/ and of typical business news")
    a = ap.parse_args()
    docs = corpus(max(a.mb, 5.0), a.seed, a.figures)
    texts = [(lang, t) for lang, arts in docs.items() for t in arts]
    total_mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    documents = [parse_document(t, f"{lang}-{i}.txt", "txt", lang=lang) for i, (lang, t) in enumerate(texts)]
    if a.dated:
        for d in documents:
            d.published = dt.date(2026, 2, 10)
    packs = {lang: load_pack(lang) for lang in docs}
    for d in {d.lang: d for d in documents}.values():  # warm up: compile each language's rules once
        extract(d, packs[d.lang])

    t0, c0 = time.perf_counter(), time.process_time()
    digits = sum(1 for _, t in texts for _ in re.finditer(r"\d+", t))
    bare, bare_cpu = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    claims = sum(len(extract(d, packs[d.lang])) for d in documents)
    full, full_cpu = time.perf_counter() - t0, time.process_time() - c0

    per_finder = []
    for find in finders():
        c0 = time.process_time()
        for d in documents:
            find(d.scan, packs[d.lang], d.published)
        per_finder.append((find.__name__, time.process_time() - c0))

    print(f"corpus            {total_mb:.2f} MB, {len(texts)} articles (de+en{', dated' if a.dated else ''}), "
          f"{digits} digit runs ({digits / total_mb:.0f} per MB)")
    print("                  CPU time             wall clock")
    print(f"re.finditer(\\d+)  {bare_cpu:7.3f} s {total_mb / bare_cpu:8.1f} MB/s  "
          f"{bare:7.3f} s {total_mb / bare:8.1f} MB/s")
    print(f"factlint extract  {full_cpu:7.3f} s {total_mb / full_cpu:8.2f} MB/s  "
          f"{full:7.3f} s {total_mb / full:8.2f} MB/s  ({claims} claims)")
    print(f"ratio             {full_cpu / bare_cpu:7.1f}× the CPU time of the bare regex pass "
          f"({full / bare:.1f}× its wall-clock time)")
    for name, seconds in per_finder:
        print(f"  {name:<28} {seconds:7.3f} s {total_mb / seconds:8.2f} MB/s of CPU time alone")
    rate = total_mb / full_cpu
    print(f"target >= {TARGET_MB_S:.0f} MB/s of CPU time per core (issue 13): {'met' if rate >= TARGET_MB_S else 'MISSED'} "
          f"({rate:.2f} MB/s; load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
