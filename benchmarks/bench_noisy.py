"""Extraction on scraped, noisy text against the same news written tidily, at the same size.

    python benchmarks/bench_noisy.py [--mb 2] [--rounds 3] [--seed 7]

Builds two corpora of plain-text articles (half German, half English) from the same
sentence pairs: the noisy side writes what real scraped pages carry (issue 9: quantities
broken by line breaks, zero-width and no-break spaces inside numbers, another language's
thousands separator, a currency in brackets or named once for a list, character references
and terminal control sequences left as text, durations, per-area and compound units,
rates and windows, vague amounts, dollars of other countries, relative and numeric dates,
front matter whose title the body does not repeat); the clean side states the same facts
the way a tidy corpus does (one line, plain spaces, the language's own separators, a
currency after every amount, no leftovers). Both sides are padded with the same prose to
the same size. Then it times what a run does with each file, ingest (`parse_document`:
front matter, the scan and its cleaning) and extraction (`extract`), in CPU time, over
`--rounds` rounds, each timing the two sides in alternating chunks of ten articles (so a
change in the machine's load falls on both alike), and prints MB/s of each side and the
slowdown of the noisy side in percent: every round's, and their median. A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factlint.checker.extract import extract  # noqa: E402
from factlint.checker.ingest import parse_document  # noqa: E402
from factlint.rules.loader import load_pack  # noqa: E402

ZW, NB, NNB = "\u200b", "\u00a0", "\u202f"

# (noisy, clean): the same fact, as a scraped page and as a tidy corpus writes it.
PAIRS = {
    "de": [
        ("Die Stadt zahlte mehr als {n}\nMillionen Euro für die Brücke.",
         "Die Stadt zahlte mehr als {n} Millionen Euro für die Brücke."),
        ("Es stimmten mehr als {p}\nProzent dafür, die Karten kosten zwischen {a} \nund {b} US-Dollar.",
         "Es stimmten mehr als {p} Prozent dafür, die Karten kosten zwischen {a} und {b} US-Dollar."),
        (f"Es kamen {{k}}{NB}{{t}} Besucher, gezählt wurden {{k}}{NNB}{{t}} Stimmen und 1,{ZW}{{t}} Gäste.",
         "Es kamen {k}.{t} Besucher, gezählt wurden {k}.{t} Stimmen und 1.{t} Gäste."),
        ("Es demonstrierten {k},000 Menschen, {k},{t} Beschäftigte streikten.",
         "Es demonstrierten {k}.000 Menschen, {k}.{t} Beschäftigte streikten."),
        ("Der Bund gibt {n} Milliarden (Euro) aus, davon {m} Milliarden Euro als Zuschuss.",
         "Der Bund gibt {n} Milliarden Euro aus, davon {m} Milliarden Euro als Zuschuss."),
        ("Das Protokoll zeigte &#x1b;[2J und \x1b[0m, der Zuschuss betrug {n}&nbsp;000 Euro.",
         "Das Protokoll zeigte nichts Neues, der Zuschuss betrug {n}.000 Euro bar."),
        ("Die Retter arbeiteten fast {n} Stunden, die Siegerin brauchte {h} Stunden und {mm} Minuten.",
         "Die Retter arbeiteten {n} Stunden lang, die Siegerin brauchte etwa {h} Stunden am Tag."),
        ("Es fielen {n} Liter pro Quadratmeter, das Auto braucht {h},{d} l/100 km bei minus {p} Grad Celsius.",
         "Es fielen {n} Millimeter Regen, das Auto fährt {h},{d} Kilometer weit bei -{p} °C im Tal."),
        ("Die 7-Tage-Inzidenz liegt bei {n} pro 100.000 Einwohner, eine {p}-prozentige Mehrheit stimmte zu.",
         "Die Zahl der Fälle liegt bei {n} in der Region Nord, eine Mehrheit von {p} Prozent stimmte zu."),
        ("Mehrere Tausend Menschen kamen, Hunderte blieben, es geht um Hunderte Millionen Euro.",
         "Rund {k}.000 Menschen kamen, {n} blieben bis zum Abend, es geht um {n} Millionen Euro."),
        ("Die Fahrt kostet HK$ {n}, in Auckland zahlte die Stadt NZ${h} Millionen und USD {h} Mrd.",
         "Die Fahrt kostet {n} Euro, in Auckland zahlte die Stadt {h} Millionen Euro und {h} Mrd. Euro."),
        ("Die Arbeiten begannen drei Tage nach Dienstag, die Frist endet am {day}.{mon}.{year}.",
         "Die Arbeiten begannen am {day}. März {year}, die Frist endet am {day}. April {year}."),
    ],
    "en": [
        ("The group raised ${h}.{d}\n      billion last year and over {p}\npercent of it abroad.",
         "The group raised ${h}.{d} billion last year and over {p} percent of it abroad."),
        ("The plan costs US$\n{h} billion, the county spent about {n}\n million on roads.",
         "The plan costs US${h} billion, the county spent about {n} million on roads."),
        (f"Airlines cancelled 1,{ZW}{{t}} flights and {{k}}{NB}{{t}} trains; {{k}} {{t}} people were stranded.",
         "Airlines cancelled 1,{t} flights and {k},{t} trains; {k},{t} people were stranded."),
        ("Police counted {k}.000 protesters, and {k}.{t} more joined later.",
         "Police counted {k},000 protesters, and {k},{t} more joined later."),
        ("The fund holds {n} billion (USD) in bonds; the loss was {h} million, or {m} million dollars.",
         "The fund holds ${n} billion in bonds; the loss was ${h} million, or ${m} million."),
        ("The log showed &#x1b;[2J and \\033[0m, then the levy rose {p}&#37; to {n}&nbsp;000 dollars.",
         "The log showed nothing new, then the levy rose {p}% to {n},000 dollars in all."),
        ("He finished in {h} hours, {mm} minutes, and three hours and {mm} minutes the year before.",
         "He finished in about {h} hours this time, and in {h} hours the year before."),
        ("Rain reached {n} liters per square meter, a 2.7 kg/cm³ alloy, {h} ft {d} in tall, at minus {p} degrees Celsius.",
         "Rain reached {n} millimeters, a 2.7 kilogram part, {h} feet tall, at -{p} degrees in all."),
        ("There were {n} cases per 100,000 residents and the 7-Day-Average rose to {p}.",
         "There were {n} cases in the northern region and the average count rose to {p}."),
        ("Dozens were hurt, tens of thousands fled and the plan costs hundreds of millions of dollars.",
         "Some {n} were hurt, {k},000 fled and the plan costs ${n} million in all."),
        ("The fare is HK$ {n}, Wellington spent NZ${h} million, Congress passed a ${h}T package and sales reached USD {h} bn.",
         "The fare is ${n}, Wellington spent ${h} million, Congress passed a ${h} trillion package, sales reached ${h} billion."),
        ("The vote will be held two weeks from Monday, after the filing of March {day}, '{yy} and {day}/{mon}/20{yy}.",
         "The vote will be held on March {day}, 20{yy}, after the filing of March {day}, 20{yy} and April {day}."),
    ],
}
# Prose between the figures, with the typographic dashes and quotes of real news on both
# sides: a text with any character beyond Latin-1 is stored two bytes a character, and
# every scan of it is slower, so a clean side of Latin-1 alone would favour it.
PROSE = {
    "de": "Der Vorstand wollte sich zu den Plänen zunächst nicht äußern – „kein Kommentar“, hieß es.",
    "en": "The board declined to comment on the plans – “no comment”, people familiar with them said.",
}
TITLES = {
    "de": ("Stadt zahlt {n} Millionen Euro für die neue Brücke", "Stadt zahlt für die neue Brücke"),
    "en": ("Council pays ${h} million for a new bridge", "Council pays for a new bridge"),
}


def fill(template: str, rng: random.Random) -> str:
    values = dict(n=rng.randint(12, 950), m=rng.randint(2, 9), p=rng.randint(11, 89), a=rng.randint(10, 30),
                  b=rng.randint(31, 90), k=rng.randint(2, 99), t=f"{rng.randint(100, 999)}", h=rng.randint(2, 9),
                  mm=rng.randint(10, 59), d=rng.randint(1, 9), day=rng.randint(14, 28), mon=rng.randint(1, 12),
                  year=rng.choice([2025, 2026]), yy=rng.choice([25, 26]))
    return template.format(**values)


def article(lang: str, noisy: bool, rng: random.Random, sentences: int = 14) -> str:
    """One article: front matter, the body (noisy or clean) with prose between the figures."""
    state = rng.getstate()
    title = fill(TITLES[lang][0], rng)
    head = f"---\ntitle: \"{title}\"\npublished: 2026-03-13\nlang: {lang}\n---\n"
    if not noisy:  # the tidy counterpart repeats the title as its first line
        head += title + "\n\n"
    body = []
    for _ in range(sentences):
        pair = rng.choice(PAIRS[lang])
        body.append(fill(pair[0] if noisy else pair[1], rng))
        body.append(PROSE[lang])
    rng.setstate(state)  # both sides draw the same sentences and numbers
    return head + " ".join(body) + "\n"


def corpus(noisy: bool, mb: float, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    docs, size = [], 0
    while size < mb * 1e6:
        for lang in ("de", "en"):
            text = article(lang, noisy, rng)
            rng.random()  # move on to the next article's draw
            docs.append((lang, text))
            size += len(text.encode("utf-8"))
    return docs


def pad(docs: list[tuple[str, str]], size: int) -> list[tuple[str, str]]:
    """Prose appended to the last articles until `docs` has `size` bytes."""
    short = size - sum(len(t.encode("utf-8")) for _, t in docs)
    out = list(docs)
    i = len(out) - 1
    while short > 0 and i >= 0:
        lang, text = out[i]
        extra = (" " + PROSE[lang]) * max(1, min(20, short // len(PROSE[lang]) + 1))
        extra = extra.encode("utf-8")[:short].decode("utf-8", "ignore")
        out[i] = (lang, text.rstrip("\n") + extra + "\n")
        short -= len(extra.encode("utf-8"))
        i -= 1
    return out


def run(docs: list[tuple[str, str]], packs) -> tuple[float, int]:
    """CPU seconds of ingest + extraction over `docs`, and the claims found."""
    cpu, n = time.process_time(), 0
    for i, (lang, text) in enumerate(docs):
        doc = parse_document(text, f"a{i}.txt", "txt")
        n += len(extract(doc, packs[doc.lang]))
    return time.process_time() - cpu, n


def interleaved(clean: list, noisy: list, packs, chunk: int = 10) -> tuple[float, float, int, int]:
    """Both sides timed in alternating chunks of articles (which goes first alternates too),
    so a change in the machine's load falls on both alike: CPU seconds and claims of each."""
    t = {"clean": 0.0, "noisy": 0.0}
    n = {"clean": 0, "noisy": 0}
    for k, i in enumerate(range(0, max(len(clean), len(noisy)), chunk)):
        order = (("clean", clean), ("noisy", noisy)) if k % 2 == 0 else (("noisy", noisy), ("clean", clean))
        for name, docs in order:
            cpu, found = run(docs[i:i + chunk], packs)
            t[name] += cpu
            n[name] += found
    return t["clean"], t["noisy"], n["clean"], n["noisy"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="size of each side in MB (default 2)")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds; the median counts (default 5)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    noisy, clean = corpus(True, args.mb, args.seed), corpus(False, args.mb, args.seed)
    size = max(sum(len(t.encode("utf-8")) for _, t in side) for side in (noisy, clean))
    noisy, clean = pad(noisy, size), pad(clean, size)
    mb_noisy, mb_clean = (sum(len(t.encode("utf-8")) for _, t in side) / 1e6 for side in (noisy, clean))
    packs = {lang: load_pack(lang) for lang in ("de", "en")}
    run(noisy[:20], packs), run(clean[:20], packs)  # warm up: packs compiled, caches filled

    rounds = [interleaved(clean, noisy, packs) for _ in range(args.rounds)]
    slowdowns = sorted((tn / mb_noisy) / (tc / mb_clean) - 1 for tc, tn, _, _ in rounds)
    tc, tn, nc, nn = sorted(rounds, key=lambda r: (r[1] / mb_noisy) / (r[0] / mb_clean))[len(rounds) // 2]
    print(f"{len(noisy)} noisy articles ({mb_noisy:.2f} MB), {len(clean)} clean articles ({mb_clean:.2f} MB); "
          f"{args.rounds} rounds, each timing both sides in alternating chunks of 10 articles")
    print(f"clean  {mb_clean / tc:6.3f} MB/s CPU ({tc:6.2f} s)  {nc} claims   (median round)")
    print(f"noisy  {mb_noisy / tn:6.3f} MB/s CPU ({tn:6.2f} s)  {nn} claims")
    print("rounds: " + ", ".join(f"{x * 100:+.1f} %" for x in slowdowns))
    print(f"noisy vs clean: {slowdowns[len(slowdowns) // 2] * 100:+.1f} % CPU time per MB, median of "
          f"{args.rounds} rounds (target: at most +10 %)")


if __name__ == "__main__":
    main()
