"""How fast ingest reads articles, and that broken markup costs linear time.

    python benchmarks/bench_ingest.py [--articles 3000]

1. Writes `--articles` news-sized articles (a third each .txt, .md with front matter,
   .html with navigation and entities; German and English) to a temporary folder and
   times `checker.ingest.ingest` over it: MB/s and milliseconds per file.
2. Times `parse_document` on hostile input (thousands of unclosed tags, brackets,
   comments, entities) at two sizes, four times apart, and prints the ratio of the
   times: about 4 means linear, 16 quadratic. A benchmark, not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from factlint.checker.ingest import ingest, parse_document

SENTENCES = {
    "de": ["Der Umsatz stieg im dritten Quartal um {p},{q} Prozent auf {n},{q} Milliarden Euro.",
           "Am {d}. März kündigte der Vorstand an, rund {n}00 Stellen zu streichen.",
           "Die Aktie schloss bei {n}{q},{p}0 Euro, ein Plus von {p},{q} Prozent.",
           "Wie das Unternehmen mitteilte, sollen bis {y} mehr als {n}.000 Fahrzeuge gebaut werden."],
    "en": ["Revenue rose {p}.{q} percent to ${n}.{q} billion in the third quarter.",
           "On March {d}, the board said it would cut about {n}00 jobs.",
           "The shares closed at €{n}{q}.{p}0, up {p}.{q}% on the day.",
           "The company plans to build more than {n},000 vehicles by {y}, it said."],
}


def article(rng: random.Random, lang: str, paragraphs: int = 8) -> list[str]:
    out = []
    for _ in range(paragraphs):
        out.append(" ".join(rng.choice(SENTENCES[lang]).format(
            p=rng.randint(1, 9), q=rng.randint(0, 9), n=rng.randint(1, 99), d=rng.randint(1, 28),
            y=rng.randint(2026, 2030)) for _ in range(4)))
    return out


def write_corpus(root: Path, count: int, rng: random.Random) -> int:
    for i in range(count):
        lang = "de" if i % 2 else "en"
        paras = article(rng, lang)
        if i % 3 == 0:
            (root / f"a{i}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        elif i % 3 == 1:
            head = f"---\ntitle: Article {i}\npublished: 2026-03-{i % 28 + 1:02d}\nlang: {lang}\n---\n"
            (root / f"a{i}.md").write_text(head + "\n\n".join(paras) + "\n", encoding="utf-8")
        else:
            body = "".join(f"<p>{p.replace(' ', '&nbsp;', 3)}</p>\n" for p in paras)
            page = (f"<html lang='{lang}'><head><title>Article {i}</title><script>var x = {i};</script></head>"
                    f"<body><nav><a href='/'>Home</a> 1 2 3</nav><article>{body}</article>"
                    f"<footer>© 2026</footer></body></html>")
            (root / f"a{i}.html").write_text(page, encoding="utf-8")
    return sum(p.stat().st_size for p in root.iterdir())


HOSTILE = {
    "unclosed tags (html)": ("<a title=x ", "html"),
    "unclosed quotes (html)": ('<a title="x ', "html"),
    "nested spans (html)": ("<span>1 ", "html"),
    "comments (html)": ("<!--x", "html"),
    "entities (html)": ("&#x20AC;&bogus", "html"),
    "brackets (md)": ("[", "md"),
    "links (md)": ("[a](", "md"),
    "comments (md)": ("<!--", "md"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        size = write_corpus(Path(tmp), args.articles, rng)
        start = time.perf_counter()
        result = ingest([tmp])
        took = time.perf_counter() - start
    print(f"ingest: {len(result.documents)} articles, {size / 1e6:.1f} MB in {took:.2f} s: "
          f"{size / 1e6 / took:.1f} MB/s, {took / len(result.documents) * 1e3:.2f} ms per article")
    print("hostile input, time at 25 000 and 100 000 repetitions (ratio ~4 = linear):")
    for name, (unit, fmt) in HOSTILE.items():
        times = []
        for n in (25_000, 100_000):
            text = unit * n
            start = time.perf_counter()
            parse_document(text, f"x.{fmt}", fmt, lang="en")
            times.append(time.perf_counter() - start)
        print(f"  {name:24} {times[0]:6.3f} s {times[1]:6.3f} s  ratio {times[1] / times[0]:4.1f}")


if __name__ == "__main__":
    main()
